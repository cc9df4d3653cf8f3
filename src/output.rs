//! The one place that writes files: to a temporary file beside the target, then
//! renamed, so a crash never leaves half a file.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically, creating parent folders.
///
/// # Errors
/// The folder cannot be created or the file cannot be written or renamed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Streams into `path` atomically: `write` fills a buffered temporary file that is
/// renamed into place only when it has all been written.
///
/// # Errors
/// The folder cannot be created, `write` fails, or the file cannot be renamed.
pub fn write_atomic_with(path: &Path, write: impl FnOnce(&mut (dyn Write + Send)) -> std::io::Result<()>) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let (tmp, file) = create_temp(path)?;
    let result = (|| {
        let mut f = std::io::BufWriter::with_capacity(1 << 20, file);
        write(&mut f)?;
        f.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
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
        super::write_atomic(&dir.join("x.csv"), b"new").unwrap();
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
        super::write_atomic(&p, b"one").unwrap();
        super::write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.join("sub")).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "{names:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
