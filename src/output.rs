//! The one place that writes files: to a temporary file beside the target, then
//! renamed, so a crash never leaves half a file.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Whether a file written is on the disk before it is renamed into place.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Durability {
    /// Renamed into place once written: a run that fails, is stopped or is
    /// killed never leaves half a file. The operating system takes the file to
    /// the disk in its own time, so a power cut in the seconds after a run may
    /// lose files the run wrote (run it again).
    #[default]
    Renamed,
    /// On the disk (`fsync`) before it is renamed, and its folder after: a
    /// power cut too leaves either the previous file or the new one, whole.
    /// A run then waits for the disk: 0.8 s more for the 780 MB a
    /// 5-million-note run writes on the machine the README's figures come from.
    Synced,
}

/// Writes `bytes` to `path` atomically, creating parent folders.
///
/// # Errors
/// The folder cannot be created or the file cannot be written or renamed.
pub fn write_atomic(path: &Path, bytes: &[u8], durability: Durability) -> std::io::Result<()> {
    write_atomic_with(path, durability, |w| w.write_all(bytes))
}

/// Streams into `path` atomically: `write` fills a buffered temporary file that is
/// renamed into place only when it has all been written (and, with
/// [`Durability::Synced`], is on the disk).
///
/// # Errors
/// The folder cannot be created, `write` fails, or the file cannot be renamed.
pub fn write_atomic_with(path: &Path, durability: Durability, write: impl FnOnce(&mut (dyn Write + Send)) -> std::io::Result<()>) -> std::io::Result<()> {
    let tmp = write_temp(path, durability, write)?;
    let result = rename_into_place(&tmp, path, durability);
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Writes a temporary file beside `path`, whole (and, with
/// [`Durability::Synced`], on the disk); its name is returned. Nothing is
/// left behind when it fails.
fn write_temp(path: &Path, durability: Durability, write: impl FnOnce(&mut (dyn Write + Send)) -> std::io::Result<()>) -> std::io::Result<PathBuf> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let (tmp, file) = create_temp(path)?;
    let result = (|| {
        match durability {
            Durability::Renamed => {
                let mut f = std::io::BufWriter::with_capacity(1 << 20, file);
                write(&mut f)?;
                f.flush()?;
            }
            Durability::Synced => {
                let mut f = std::io::BufWriter::with_capacity(1 << 20, Syncing::every(file, SYNC_EVERY));
                write(&mut f)?;
                f.into_inner().map_err(|e| e.into_error())?.finish()?.sync_all()?;
                #[cfg(test)]
                SYNCED.with(|n| n.set(n.get() + 1));
            }
        }
        Ok(())
    })();
    match result {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

fn rename_into_place(tmp: &Path, path: &Path, durability: Durability) -> std::io::Result<()> {
    std::fs::rename(tmp, path)?;
    // (And the folders: the rename itself, and a folder made for the
    // file, are on the disk only once their folder is.)
    if durability == Durability::Synced {
        sync_folders(path)?;
    }
    Ok(())
}

/// A run's files, each written whole under a temporary name and renamed
/// into place only once every one of them has been ([`Staged::commit`]):
/// a run that fails part way (a full disk) replaces none of the last run's
/// files, so a folder never holds this run's packs beside the last one's.
/// Dropped without a commit, it deletes what it wrote.
pub struct Staged {
    durability: Durability,
    /// (temporary file, where it goes), in the order written.
    held: std::sync::Mutex<Vec<(PathBuf, PathBuf)>>,
}

impl Staged {
    pub fn new(durability: Durability) -> Staged {
        Staged { durability, held: std::sync::Mutex::new(Vec::new()) }
    }

    /// Writes `bytes` for `path`, held until the commit.
    ///
    /// # Errors
    /// The folder cannot be created or the file cannot be written.
    pub fn write(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        self.write_with(path, |w| w.write_all(bytes))
    }

    /// Streams into a file for `path`, held until the commit.
    ///
    /// # Errors
    /// The folder cannot be created, or `write` fails.
    pub fn write_with(&self, path: &Path, write: impl FnOnce(&mut (dyn Write + Send)) -> std::io::Result<()>) -> std::io::Result<()> {
        let tmp = write_temp(path, self.durability, write)?;
        self.held.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push((tmp, path.to_path_buf()));
        Ok(())
    }

    /// Renames every file written into place.
    ///
    /// # Errors
    /// A file cannot be renamed (the ones before it are in place).
    pub fn commit(self) -> std::io::Result<()> {
        let held = std::mem::take(&mut *self.held.lock().unwrap_or_else(std::sync::PoisonError::into_inner));
        let mut rest = held.into_iter();
        while let Some((tmp, path)) = rest.next() {
            if let Err(e) = rename_into_place(&tmp, &path, self.durability) {
                for (tmp, _) in std::iter::once((tmp, path)).chain(rest) {
                    let _ = std::fs::remove_file(tmp);
                }
                return Err(e);
            }
        }
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        for (tmp, _) in self.held.get_mut().unwrap_or_else(std::sync::PoisonError::into_inner).drain(..) {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// Syncs the folder holding `path` and the one above it (a folder made for
/// the file, "normalised/", is an entry there). Folders cannot be synced so
/// on Windows, whose file system keeps its entries another way: nothing to do.
#[cfg(unix)]
fn sync_folders(path: &Path) -> std::io::Result<()> {
    for dir in path.ancestors().skip(1).take(2).filter(|d| !d.as_os_str().is_empty()) {
        std::fs::File::open(dir)?.sync_all()?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn sync_folders(_path: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
thread_local! {
    /// Files this thread has written with [`Durability::Synced`] (tests check the choice is kept).
    static SYNCED: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Bytes written between asking the disk to take what has been written so far.
const SYNC_EVERY: u64 = 32 << 20;

/// A file that, every [`SYNC_EVERY`] bytes, has another thread ask the disk to
/// take what has been written so far. A large table (a 5-million-note
/// `case_notes.csv` is 700 MB) then goes to disk while it is still being
/// made, and the last flush before the rename waits for little; written all
/// at the end, it kept a run waiting about a second on this machine.
struct Syncing {
    file: std::fs::File,
    /// Bytes between flushes ([`SYNC_EVERY`]), and written since the last one asked for.
    every: u64,
    since: u64,
    /// The thread that flushes, started at the first [`SYNC_EVERY`] bytes.
    syncer: Option<(std::sync::mpsc::SyncSender<()>, std::thread::JoinHandle<std::io::Result<()>>)>,
}

impl Syncing {
    fn every(file: std::fs::File, every: u64) -> Syncing {
        Syncing { file, every, since: 0, syncer: None }
    }

    /// Asks for a flush of what has been written. One already asked for and
    /// not yet started covers this too; without a second handle or a thread,
    /// the flush at the end does it all.
    fn ask(&mut self) {
        if self.syncer.is_none() {
            let Ok(file) = self.file.try_clone() else { return };
            let (tx, rx) = std::sync::mpsc::sync_channel::<()>(1);
            let flusher = std::thread::Builder::new().name("flush".into()).spawn(move || -> std::io::Result<()> {
                for () in rx {
                    file.sync_data()?;
                }
                Ok(())
            });
            let Ok(flusher) = flusher else { return };
            self.syncer = Some((tx, flusher));
        }
        if let Some((tx, _)) = &self.syncer {
            let _ = tx.try_send(());
        }
    }

    /// The file, once the flushes asked for are done (the first that failed is the error).
    fn finish(self) -> std::io::Result<std::fs::File> {
        if let Some((tx, flusher)) = self.syncer {
            drop(tx);
            flusher.join().map_err(|_| std::io::Error::other("the thread flushing the file to disk stopped"))??;
        }
        Ok(self.file)
    }
}

impl Write for Syncing {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.file.write(buf)?;
        self.since += n as u64;
        if self.since >= self.every {
            self.since = 0;
            self.ask();
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

/// Text from the inputs as it may be printed to a terminal: control characters
/// (escape sequences that could move the cursor, recolour or retitle the
/// terminal, carriage returns that overwrite a line) are shown as `\u{1b}`
/// and the like; newlines and tabs stay.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| c.is_control() && c != '\n' && c != '\t' || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    if !s.chars().any(bad) {
        return s.into();
    }
    s.chars().map(|c| if bad(c) { c.escape_unicode().to_string() } else { c.to_string() }).collect::<String>().into()
}

/// Text as an SVG chart or an HTML page may hold it: XML allows no control
/// characters but tab, line feed and carriage return, and HTML none (a team
/// name with a terminal escape in it made every chart it was in invalid, so
/// a browser or slide tool refused it). They are taken out: "CP\u{1b}[31mRED"
/// is shown "CP[31mRED". So are U+FFFE and U+FFFF, which are not characters.
pub fn xml_text(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}');
    if !s.chars().any(bad) {
        return s.into();
    }
    s.chars().filter(|&c| !bad(c)).collect::<String>().into()
}

/// A new temporary file beside `path`, with an unpredictable name, created
/// exclusively (`O_CREAT | O_EXCL`): a file or link planted under the name is
/// never opened or followed; another name is tried instead.
fn create_temp(path: &Path) -> std::io::Result<(std::path::PathBuf, std::fs::File)> {
    use std::hash::{BuildHasher, Hasher};
    let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let mut last = None;
    for attempt in 0u32..16 {
        // RandomState is seeded from the operating system's random source.
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u32(attempt);
        h.write_u32(std::process::id());
        h.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0));
        let tmp = path.with_file_name(format!(".{name}.{:016x}.tmp", h.finish()));
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no temporary file name was free")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_staged_run_replaces_nothing_unless_every_file_is_written() {
        let dir = std::env::temp_dir().join(format!("auditpack-out-staged-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let (a, b) = (dir.join("metrics.json"), dir.join("normalised/audits.csv"));
        std::fs::create_dir_all(b.parent().unwrap()).unwrap();
        std::fs::write(&a, "last run").unwrap();
        std::fs::write(&b, "last run").unwrap();
        // The second file fails (as on a full disk): neither is replaced, nothing is left behind.
        {
            let staged = super::Staged::new(super::Durability::Renamed);
            staged.write(&a, b"this run").unwrap();
            let e = staged.write_with(&b, |w| {
                w.write_all(b"this ru")?;
                Err(std::io::Error::other("No space left on device"))
            });
            assert!(e.is_err());
            assert_eq!(std::fs::read_to_string(&a).unwrap(), "last run", "replaced before the run had written all");
        }
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "last run");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "last run");
        let left: Vec<_> = walk(&dir).into_iter().filter(|p| p.to_string_lossy().ends_with(".tmp")).collect();
        assert!(left.is_empty(), "{left:?}");
        // All written: all replaced at the commit, not before.
        let staged = super::Staged::new(super::Durability::Renamed);
        staged.write(&a, b"this run").unwrap();
        staged.write(&b, b"this run").unwrap();
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "last run");
        staged.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "this run");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "this run");
        assert_eq!(walk(&dir).len(), 2);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut files = Vec::new();
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            if e.path().is_dir() {
                files.extend(walk(&e.path()));
            } else {
                files.push(e.path());
            }
        }
        files
    }

    #[test]
    fn a_large_file_is_flushed_while_it_is_written_and_kept_whole() {
        use std::io::Write;
        let dir = std::env::temp_dir().join(format!("auditpack-out-flush-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let bytes: Vec<u8> = (0..10_000u32).map(|i| (i % 251) as u8).collect();
        let path = dir.join("large.csv");
        let mut large = super::Syncing::every(std::fs::File::create(&path).unwrap(), 1000);
        for piece in bytes.chunks(333) {
            large.write_all(piece).unwrap();
        }
        assert!(large.syncer.is_some(), "no flush was asked for in 10,000 bytes");
        large.finish().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
        // Below the size: no thread, and the file whole all the same.
        let mut small = super::Syncing::every(std::fs::File::create(&path).unwrap(), 1000);
        small.write_all(&bytes[..999]).unwrap();
        assert!(small.syncer.is_none());
        small.finish().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), &bytes[..999]);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn temp_names_are_unpredictable_and_never_follow_a_planted_link() {
        let dir = std::env::temp_dir().join(format!("auditpack-out-link-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let victim = dir.join("victim.txt");
        std::fs::write(&victim, b"keep").unwrap();
        // Links planted under every name an old scheme (pid-based) would use.
        std::os::unix::fs::symlink(&victim, dir.join(format!(".x.csv.{}.tmp", std::process::id()))).unwrap();
        let (a, _) = super::create_temp(&dir.join("x.csv")).unwrap();
        let (b, _) = super::create_temp(&dir.join("x.csv")).unwrap();
        assert_ne!(a, b);
        super::write_atomic(&dir.join("x.csv"), b"new", super::Durability::Renamed).unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
        assert_eq!(std::fs::read(dir.join("x.csv")).unwrap(), b"new");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn printable_escapes_control_characters() {
        assert_eq!(super::printable("North\u{1b}[2J\r\tx\n"), "North\\u{1b}[2J\\u{d}\tx\n");
        assert_eq!(super::printable("plain é"), "plain é");
    }

    #[test]
    fn writes_and_replaces_without_leaving_temp_files() {
        let dir = std::env::temp_dir().join(format!("auditpack-out-{}", std::process::id()));
        let p = dir.join("sub/x.csv");
        // Each way of writing replaces the file whole and leaves no temporary
        // file; only the durable one waits for the disk.
        let synced = || super::SYNCED.with(|n| n.get());
        let before = synced();
        super::write_atomic(&p, b"one", super::Durability::Renamed).unwrap();
        super::write_atomic(&p, b"two", super::Durability::Renamed).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(synced(), before, "a file was synced though not asked to be");
        super::write_atomic(&p, b"three", super::Durability::Synced).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"three");
        assert_eq!(synced(), before + 1, "the durable write did not sync");
        let names: Vec<_> = std::fs::read_dir(dir.join("sub")).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "{names:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
