//! Zip archives of exports, as they arrive by secure email ("exports.zip"):
//! each file inside is read as if it sat in a folder named as the archive, so
//! its rows, findings and normalised tables name it "exports.zip/Legal
//! status.csv". The archive is read in place (nothing is unpacked to disk);
//! a file inside is unpacked into memory when it is read, within caps that
//! keep a damaged or crafted archive (a "zip bomb") from taking the machine.
//!
//! A saved e-mail (".eml", as Outlook, Thunderbird and webmail save one) is
//! read the same way: the files attached to it, and to an e-mail attached to
//! it (a forward "as attachment"), are files in a folder named as the e-mail
//! ("Legal status report.eml/Legal status.csv"). Its text is not read.

use super::{display_path, extension, Skipped};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Files an archive may hold; more is not an export folder.
pub const MAX_MEMBERS: usize = 10_000;
/// What one file inside may unpack to (a workbook's own cap is lower).
pub const MAX_MEMBER_BYTES: u64 = 1 << 30;
/// What all the files inside may unpack to together.
pub const MAX_ARCHIVE_BYTES: u64 = 4 << 30;

/// What a saved e-mail may be, read whole into memory to find its attachments.
pub const MAX_MAIL_BYTES: u64 = 1 << 30;

/// Whether a path names a zip archive or a saved e-mail (by its extension).
pub fn is_archive(path: &Path) -> bool {
    matches!(extension(path).as_str(), "zip" | "eml")
}

/// Whether a path names a saved e-mail (by its extension).
pub fn is_mail(path: &Path) -> bool {
    extension(path) == "eml"
}

/// What a container is called in messages: "a zip archive", "a saved e-mail".
pub fn kind(path: &Path) -> &'static str {
    if is_mail(path) {
        "a saved e-mail"
    } else {
        "a zip archive"
    }
}

/// How deep forwarded e-mails are opened ("FW: FW: …" attached one inside
/// another); deeper is said, not read (a crafted file could nest without end).
const MAX_MAIL_DEPTH: usize = 8;

/// What a saved e-mail holds: its attached files with their names (an
/// attachment with no name is named for its type: "attachment 2.csv"), and
/// what could not be read from it, said as warnings. The message's own text
/// is not a file.
struct MailFiles {
    files: Vec<(String, Vec<u8>)>,
    unread: Vec<String>,
}

/// A name for an attachment that has none, from its declared type or, for
/// "application/octet-stream", its first bytes.
fn unnamed(n: usize, ctype: &str, subtype: &str, bytes: &[u8]) -> String {
    let ext = match (ctype, subtype) {
        ("text", "csv") => "csv",
        ("text", "tab-separated-values") => "tsv",
        ("text", "plain") => "txt",
        ("application", "vnd.ms-excel") => "xls",
        ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet") => "xlsx",
        ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document") => "docx",
        ("application", "zip" | "x-zip-compressed") => "zip",
        ("application", "ms-tnef" | "vnd.ms-tnef") => return "winmail.dat".to_string(),
        _ if bytes.starts_with(b"PK\x03\x04") => "xlsx",
        _ if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) => "xls",
        // (Text with lines of commas among its first: a CSV sent as bytes.)
        _ if std::str::from_utf8(&bytes[..bytes.len().min(4096)]).is_ok_and(|t| t.lines().take(5).filter(|l| l.contains(',')).count() >= 2) => "csv",
        _ => "bin",
    };
    format!("attachment {n} (no name).{ext}")
}

/// The files attached to a saved e-mail ([`MailFiles`]), and to the e-mails
/// attached to it, after its own.
fn attachments(bytes: &[u8]) -> Result<MailFiles, String> {
    use mail_parser::MimeHeaders;
    fn collect(message: &mail_parser::Message, depth: usize, out: &mut MailFiles) {
        // (The message's own root part too: a scheduled report's e-mail is
        // sometimes the attachment alone, with no multipart around it.)
        for part in &message.parts {
            if part.is_multipart() {
                continue;
            }
            if let Some(inner) = part.message() {
                if depth < MAX_MAIL_DEPTH {
                    collect(inner, depth + 1, out);
                } else {
                    out.unread.push(format!(
                        "{} an e-mail forwarded inside more than {MAX_MAIL_DEPTH} others, which auditpack does not open: any files attached to it are not in the figures. Save them into the folder and run again",
                        NOT_READ
                    ));
                }
                continue;
            }
            let (ctype, subtype) =
                part.content_type().map(|c| (c.ctype().to_ascii_lowercase(), c.subtype().unwrap_or("").to_ascii_lowercase())).unwrap_or_default();
            let attached = part.content_disposition().is_some_and(|d| d.ctype().eq_ignore_ascii_case("attachment"));
            let name = part.attachment_name().map(str::trim).filter(|n| !n.is_empty()).map(str::to_string);
            // (The message's text, plain or HTML, and unnamed inline parts, are no files.)
            let body =
                name.is_none() && !attached && (ctype.is_empty() || matches!(subtype.as_str(), "plain" | "html" | "enriched" | "rtf") || ctype == "image");
            if body {
                continue;
            }
            // (A table written into the message itself, with no name and not
            // attached, "Automated reminder" with the overdue audits listed:
            // a copy of rows the exports hold, said, not read.)
            if name.is_none() && !attached {
                out.unread.push(format!(
                    "{} a {ctype}/{subtype} part written into the e-mail's text, with no file name (a list in a reminder or report e-mail): not read as an export, as its rows are usually a copy of the tracker's. If it is the only copy, save it into the folder",
                    NOT_READ
                ));
                continue;
            }
            let name = name.unwrap_or_else(|| unnamed(out.files.len() + out.unread.len() + 1, &ctype, &subtype, part.contents()));
            if part.is_encoding_problem {
                out.unread.push(format!(
                    "{} '{name}' is attached with a damaged encoding (its base64 or quoted-printable text has characters that cannot be there), so what it decodes to cannot be trusted: its records are not in the figures. Ask for it again, or save it from the e-mail into the folder",
                    NOT_READ
                ));
                continue;
            }
            out.files.push((name, part.contents().to_vec()));
        }
    }
    let message = mail_parser::MessageParser::default().parse(bytes).ok_or("cannot be read as an e-mail")?;
    let mut out = MailFiles { files: Vec::new(), unread: Vec::new() };
    collect(&message, 0, &mut out);
    Ok(out)
}

/// A zip archive on disk or, inside another container, from its bytes
/// there (`held`).
fn open(archive: &Path, held: Option<Vec<u8>>) -> Result<Zip, String> {
    let reader: Box<dyn ReadSeek> = match held {
        Some(bytes) => Box::new(std::io::Cursor::new(bytes)),
        None => Box::new(std::io::BufReader::new(std::fs::File::open(archive).map_err(|e| format!("cannot be read: {e}"))?)),
    };
    zip::ZipArchive::new(reader).map_err(|e| unopened_zip(&e.to_string()))
}

/// Why a zip archive cannot be opened, and what to do: one whose end is
/// missing was cut short (unzipping it fails too), so it is fetched again.
fn unopened_zip(said: &str) -> String {
    let lower = said.to_lowercase();
    if lower.contains("eocd") || lower.contains("end of central directory") || lower.contains("unexpected eof") {
        format!(
            "cannot be opened: its end is missing, so it is damaged or was cut short (still downloading, or cut short when copied or e-mailed). Download or save it again, then run again (the reader said: {said})"
        )
    } else {
        format!("cannot be opened ({said}). Unzip it (Extract All) into the folder and run again")
    }
}

/// How many containers deep a file may lie ("exports.zip/Team A.zip/x.csv"
/// is two); deeper is said, not read (a crafted file could nest without end).
const MAX_NESTING: usize = 4;

/// How many containers a path lies inside.
fn nesting(path: &Path) -> usize {
    let mut n = 0;
    let mut at = split(path);
    while let Some((archive, _)) = at {
        n += 1;
        at = split(archive);
    }
    n
}

/// The bytes of a container inside another (a zip in a zip, a zip attached
/// to a saved e-mail), or `None` for one on disk.
fn held_bytes(archive: &Path) -> Result<Option<Vec<u8>>, String> {
    match split(archive) {
        Some((outer, inner)) => read(outer, &inner, MAX_MEMBER_BYTES).map(Some),
        None => Ok(None),
    }
}

/// The files an archive holds, as paths under it (in name order), and the
/// ones not read, with why (`skip` says why a file of that name is not read
/// in a folder). A folder inside is walked; an archive inside an archive is
/// not opened.
///
/// # Errors
/// The archive cannot be opened, or passes a cap.
pub fn members(archive: &Path, skip: &dyn Fn(&Path) -> Option<String>) -> Result<(Vec<PathBuf>, Vec<Skipped>), String> {
    // Each file's name inside (folders left out) and what it unpacks to.
    // (Each file's name inside, as written, and what it unpacks to; what an
    // e-mail could not give.)
    type Listed = (Vec<(Option<String>, String, u64)>, Vec<String>);
    let (entries, unread): Listed =
        with_archive(archive, |o| Ok((o.files.iter().map(|f| (f.inner.clone(), f.raw.clone(), f.size)).collect(), o.unread.clone())))?;
    if is_mail(archive) && entries.is_empty() && unread.is_empty() {
        let reason = "a saved e-mail with no file attached (its text is not read): nothing in it is in the figures".to_string();
        return Ok((Vec::new(), vec![Skipped { path: display_path(archive), reason }]));
    }
    let total = entries.iter().fold(0u64, |t, (_, _, size)| t.saturating_add(*size));
    if total > MAX_ARCHIVE_BYTES {
        return Err(format!(
            "unpacks to {} MB, more than the {} MB auditpack reads from one archive (a damaged file, or a \"zip bomb\"). Unzip it and read the folders you need",
            total >> 20,
            MAX_ARCHIVE_BYTES >> 20
        ));
    }
    // Folders inside that hold an earlier run's outputs (its metrics.json):
    // never read as exports, as on disk.
    let outputs: Vec<String> = entries
        .iter()
        .filter_map(|(inner, _, _)| inner.as_deref()?.strip_suffix("metrics.json").filter(|d| d.is_empty() || d.ends_with('/')).map(str::to_string))
        .collect();
    let mut files = Vec::new();
    let mut skipped: Vec<Skipped> = unread.into_iter().map(|reason| Skipped { path: display_path(archive), reason }).collect();
    let mut seen = std::collections::HashSet::new();
    for (inner, raw, size) in entries {
        // A name that climbs out of the archive ("../x.csv") or is absolute is refused.
        let Some(inner) = inner else {
            skipped
                .push(Skipped { path: format!("{}/{}", display_path(archive), raw), reason: "a file name that points outside the archive: not read".into() });
            continue;
        };
        let path = archive.join(&inner);
        let name = inner.rsplit('/').next().unwrap_or_default();
        let reason = if name.starts_with('.') || inner.split('/').any(|c| c == "__MACOSX") {
            Some("hidden file or folder".to_string())
        } else if outputs.iter().any(|o| inner.starts_with(o.as_str())) {
            Some(format!("{} (the folder holds the metrics.json of an earlier run): not read as exports", super::OUTPUT_FOLDER))
        } else if !seen.insert(inner.clone()) {
            Some(format!(
                "{NOT_READ} a second file of the same name in it (the first is read), so any records in this one are not in the figures. {} and check which is right",
                if is_mail(archive) { "Save both attachments into the folder under different names" } else { "Unzip it" }
            ))
        } else if is_archive(Path::new(name)) && nesting(&path) > MAX_NESTING {
            Some(format!(
                "{NOT_READ} {} inside more than {MAX_NESTING} others, which auditpack does not open: the exports inside it are not in the figures. Save it into the folder{} and run again",
                kind(Path::new(name)),
                if is_mail(Path::new(name)) { "" } else { ", unzip it" }
            ))
        } else if is_archive(Path::new(name)) && size <= MAX_MEMBER_BYTES && !super::lock_file(Path::new(name)) {
            // A container inside ("Team A.zip" in the month's archive, an
            // archive attached to a saved e-mail): its files are read as a
            // folder of its name; one that cannot be opened loses them all.
            match members(&path, skip) {
                Ok((inside, not_read)) => {
                    files.extend(inside);
                    skipped.extend(not_read);
                }
                Err(why) => skipped.push(Skipped { path: display_path(&path), reason: format!("{} {}: it {why}", super::ARCHIVE_FAILED, kind(&path)) }),
            }
            continue;
        } else if size > MAX_MEMBER_BYTES {
            Some(format!("{NOT_READ} it unpacks to {} MB, more than the {} MB auditpack reads from inside an archive, so its records are not in the figures. Unzip it and run again", size >> 20, MAX_MEMBER_BYTES >> 20))
        } else {
            skip(&path)
        };
        match reason {
            Some(reason) => skipped.push(Skipped { path: display_path(&path), reason }),
            None => files.push(path),
        }
    }
    files.sort();
    Ok((files, skipped))
}

/// How the reason starts for a file inside an archive that may hold records
/// and is not read (too large, a second of its name): a warning.
pub const NOT_READ: &str = "not read from the archive or e-mail:";

/// A file's name inside an archive, its folders parted by "/" (a Windows
/// tool's "\\" too), or `None` when it is absolute or climbs out ("..").
fn inner_name(raw: &str) -> Option<String> {
    let parts: Vec<&str> = raw.split(['/', '\\']).filter(|p| !p.is_empty() && *p != ".").collect();
    let absolute = raw.starts_with(['/', '\\']) || raw.get(1..2) == Some(":");
    (!absolute && !parts.is_empty() && !parts.contains(&"..")).then(|| parts.join("/"))
}

/// The archive a path lies inside, and the file's name within it, when the
/// path is one [`members`] gave.
pub fn split(path: &Path) -> Option<(&Path, String)> {
    // (The nearest container: a file on disk, or one inside another.)
    let archive = path.ancestors().skip(1).find(|a| is_archive(a) && (a.is_file() || (!a.exists() && split(a).is_some())))?;
    let inner = path.strip_prefix(archive).ok()?;
    Some((archive, inner.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")))
}

/// A zip archive read in place: from its file, or (inside another archive
/// or an e-mail) from its bytes, unpacked into memory.
type Zip = zip::ZipArchive<Box<dyn ReadSeek>>;

trait ReadSeek: Read + std::io::Seek + Send {}
impl<T: Read + std::io::Seek + Send> ReadSeek for T {}

/// Where an opened container's files are: a zip archive read in place, or a
/// saved e-mail's attachments, decoded into memory once.
enum Store {
    Zip(Zip),
    Mail(Vec<Vec<u8>>),
}

/// One file's entry in an archive's list (folders left out).
struct Entry {
    /// Its name as the archive writes it.
    raw: String,
    /// Its name inside ([`inner_name`]): `None` when it points outside.
    inner: Option<String>,
    /// What it says it unpacks to.
    size: u64,
}

/// An archive opened once in a run: its list of files, read once, and where
/// each file [`members`] named is in it (the first of its name). Reading its
/// files one by one does not read its list again for each (thousands of
/// files would take time growing with the square of their number).
struct Opened {
    store: Store,
    files: Vec<Entry>,
    index: std::collections::HashMap<String, usize>,
    /// What could not be read from a saved e-mail, said as warnings.
    unread: Vec<String>,
}

impl Opened {
    fn new(archive: &Path) -> Result<Opened, String> {
        let held = held_bytes(archive)?;
        if is_mail(archive) {
            let len = match &held {
                Some(bytes) => bytes.len() as u64,
                None => std::fs::metadata(archive).map_err(|e| format!("cannot be read: {e}"))?.len(),
            };
            if len > MAX_MAIL_BYTES {
                return Err(format!(
                    "is {} MB, more than the {} MB auditpack reads as one e-mail. Save its attachments into the folder and run again",
                    len >> 20,
                    MAX_MAIL_BYTES >> 20
                ));
            }
            let bytes = match held {
                Some(bytes) => bytes,
                None => std::fs::read(archive).map_err(|e| format!("cannot be read: {e}"))?,
            };
            let MailFiles { files: found, unread } = attachments(&bytes)?;
            if found.len() > MAX_MEMBERS {
                return Err(format!("holds {} attachments, more than the {MAX_MEMBERS} auditpack opens in one e-mail", found.len()));
            }
            let mut files = Vec::new();
            let mut index = std::collections::HashMap::new();
            let mut contents = Vec::new();
            for (i, (raw, bytes)) in found.into_iter().enumerate() {
                let inner = inner_name(&raw);
                if let Some(name) = &inner {
                    index.entry(name.clone()).or_insert(i);
                }
                files.push(Entry { raw, inner, size: bytes.len() as u64 });
                contents.push(bytes);
            }
            return Ok(Opened { store: Store::Mail(contents), files, index, unread });
        }
        let mut zip = open(archive, held)?;
        if zip.len() > MAX_MEMBERS {
            return Err(format!(
                "holds {} files, more than the {MAX_MEMBERS} auditpack opens in one archive. Unzip it and read the folders you need",
                zip.len()
            ));
        }
        let mut files = Vec::new();
        let mut index = std::collections::HashMap::new();
        for i in 0..zip.len() {
            let entry = zip.by_index_raw(i).map_err(|e| format!("cannot be read: {e}"))?;
            if entry.is_dir() {
                continue;
            }
            let raw = entry.name().map(|n| n.to_string()).unwrap_or_default();
            let inner = inner_name(&raw);
            if let Some(name) = &inner {
                index.entry(name.clone()).or_insert(i);
            }
            files.push(Entry { raw, inner, size: entry.size() });
        }
        Ok(Opened { store: Store::Zip(zip), files, index, unread: Vec::new() })
    }
}

/// The archives opened in this run, by path.
static OPENED: std::sync::Mutex<Option<std::collections::HashMap<PathBuf, Opened>>> = std::sync::Mutex::new(None);

/// Runs `f` on the archive, opened (and its list read) the first time only.
fn with_archive<T>(archive: &Path, f: impl FnOnce(&mut Opened) -> Result<T, String>) -> Result<T, String> {
    let known = OPENED.lock().unwrap_or_else(std::sync::PoisonError::into_inner).as_ref().is_some_and(|all| all.contains_key(archive));
    if !known {
        // (Opened without the lock: one inside another reads the other's file.)
        let new = Opened::new(archive)?;
        OPENED.lock().unwrap_or_else(std::sync::PoisonError::into_inner).get_or_insert_with(Default::default).entry(archive.to_path_buf()).or_insert(new);
    }
    let mut opened = OPENED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    f(opened.get_or_insert_with(Default::default).get_mut(archive).ok_or("cannot be opened")?)
}

/// A file in an opened container: a zip archive and its index there, or an
/// e-mail's attachment, whole.
enum Member<'a> {
    Zip(&'a mut Zip, usize),
    Mail(&'a [u8]),
}

/// Runs `f` on the file named `inner` in the archive.
fn with_member<T>(archive: &Path, inner: &str, f: impl FnOnce(Member) -> Result<T, String>) -> Result<T, String> {
    with_archive(archive, |o| {
        let at = *o.index.get(inner).ok_or_else(|| format!("cannot be read from {}: not found in the archive", display_path(archive)))?;
        match &mut o.store {
            Store::Zip(zip) => f(Member::Zip(zip, at)),
            Store::Mail(contents) => f(Member::Mail(&contents[at])),
        }
    })
}

/// The size a file inside an archive says it unpacks to.
pub fn size(archive: &Path, inner: &str) -> Option<u64> {
    with_member(archive, inner, |m| match m {
        Member::Zip(zip, at) => zip.by_index_raw(at).map(|f| f.size()).map_err(|e| e.to_string()),
        Member::Mail(bytes) => Ok(bytes.len() as u64),
    })
    .ok()
}

/// Streams a file inside an archive through `sink`, piece by piece (never
/// held whole), up to the size it declares; `None` when it cannot be read or
/// unpacks to more than it declares.
pub fn stream(archive: &Path, inner: &str, sink: &mut dyn FnMut(&[u8])) -> Option<()> {
    with_member(archive, inner, |m| match m {
        Member::Zip(zip, at) => {
            let f = zip.by_index(at).map_err(|e| e.to_string())?;
            let declared = f.size();
            let mut seen = 0u64;
            let mut counted = |bytes: &[u8]| {
                seen += bytes.len() as u64;
                sink(bytes);
            };
            super::stream_into(&mut f.take(declared.saturating_add(1)), &mut counted).filter(|()| seen <= declared).ok_or_else(String::new)
        }
        Member::Mail(bytes) => {
            sink(bytes);
            Ok(())
        }
    })
    .ok()
}

/// A file inside an archive, unpacked into memory (at most `cap` bytes: its
/// declared size is checked first, and what it really unpacks to as it goes).
///
/// # Errors
/// The archive or the file cannot be read, or it unpacks to more than `cap`.
pub fn read(archive: &Path, inner: &str, cap: u64) -> Result<Vec<u8>, String> {
    let too_big =
        |n: u64| format!("unpacks to more than the {} MB auditpack reads from inside an archive or e-mail. Save it into the folder and run again", n >> 20);
    with_member(archive, inner, |m| match m {
        Member::Zip(zip, at) => {
            let mut f = zip.by_index(at).map_err(|e| format!("cannot be read from {}: {e}", display_path(archive)))?;
            if f.size() > cap {
                return Err(too_big(cap));
            }
            let mut bytes = Vec::with_capacity(f.size().min(cap) as usize);
            (&mut f).take(cap + 1).read_to_end(&mut bytes).map_err(|e| format!("cannot be unpacked: {e}"))?;
            if bytes.len() as u64 > cap {
                return Err(too_big(cap));
            }
            Ok(bytes)
        }
        Member::Mail(bytes) if bytes.len() as u64 > cap => Err(too_big(cap)),
        Member::Mail(bytes) => Ok(bytes.to_vec()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A zip cut short (its end missing) cannot be unzipped either: the
    /// advice is to fetch it again, not to unzip it.
    #[test]
    fn a_zip_cut_short_is_to_be_fetched_again() {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        w.start_file("notes.csv", zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(&b"Child ID,Date\n".repeat(200)).unwrap();
        let whole = w.finish().unwrap().into_inner();
        let cut = whole[..whole.len() / 2].to_vec();
        let why = open(Path::new("cut.zip"), Some(cut)).err().unwrap();
        assert!(why.contains("cut short") && why.contains("Download or save it again") && !why.contains("Unzip it"), "{why}");
    }

    fn archive(dir: &Path, files: &[(&str, &[u8])]) -> PathBuf {
        std::fs::create_dir_all(dir).unwrap();
        let path = dir.join("exports.zip");
        let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
        for (name, bytes) in files {
            zip.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap();
        path
    }

    #[test]
    fn members_are_paths_under_the_archive_and_read_back() {
        let dir = std::env::temp_dir().join(format!("auditpack-archive-{}", std::process::id()));
        let path = archive(
            &dir,
            &[
                ("b.csv", b"x,y\n1,2\n"),
                ("sub/a.csv", b"a\n"),
                ("inner.zip", b"PK"),
                ("../up.csv", b"u"),
                ("__MACOSX/._b.csv", b"m"),
                ("notes.pdf", b"%PDF"),
                ("Exports\\Sept\\c.csv", b"c\n"),
                ("packs/metrics.json", b"{}"),
                ("packs/normalised/audits.csv", b"a\n"),
            ],
        );
        let (files, skipped) = members(&path, &|p| (extension(p) == "pdf").then(|| "a PDF".to_string())).unwrap();
        assert_eq!(files, vec![path.join("Exports/Sept/c.csv"), path.join("b.csv"), path.join("sub/a.csv")], "a Windows tool's \\ parts folders");
        let why: Vec<&str> = skipped.iter().map(|s| s.reason.as_str()).collect();
        assert_eq!(why.len(), 6, "{why:?}");
        // (An archive inside that cannot be opened loses its files: said as such.)
        assert!(
            why.iter().any(|w| w.starts_with(crate::ingest::ARCHIVE_FAILED)) && why.iter().any(|w| w.contains("outside the archive")) && why.contains(&"a PDF")
        );
        assert_eq!(why.iter().filter(|w| w.contains("metrics.json of an earlier run")).count(), 2, "an earlier run's outputs: {why:?}");
        assert_eq!(read(&path, "Exports/Sept/c.csv", 100).unwrap(), b"c\n");
        let (at, inner) = split(&files[2]).unwrap();
        assert_eq!((at, inner.as_str()), (path.as_path(), "sub/a.csv"));
        assert_eq!(read(at, &inner, 100).unwrap(), b"a\n");
        assert!(read(&path, "b.csv", 3).unwrap_err().contains("more than"), "a file past the cap is refused");
        assert_eq!(split(&dir.join("b.csv")), None, "not inside an archive");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// An archive inside an archive, and one attached to a saved e-mail
    /// inside that: each read as a folder of its name, its files read back
    /// through every container; deeper than [`MAX_NESTING`] is said, not read.
    #[test]
    fn archives_inside_archives_and_e_mails_are_folders_too() {
        let dir = std::env::temp_dir().join(format!("auditpack-nested-{}", std::process::id()));
        let zipped = |files: &[(&str, &[u8])]| -> Vec<u8> {
            let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
            for (name, bytes) in files {
                z.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
                z.write_all(bytes).unwrap();
            }
            z.finish().unwrap().into_inner()
        };
        let team_a = zipped(&[("Team A audits.csv", b"Child ID,Grade\nC1,Good\n")]);
        // (Base64, as an e-mail carries an attachment.)
        let b64: String = zipped(&[("notes.csv", b"x,y\n1,2\n")])
            .chunks(3)
            .flat_map(|c| {
                const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
                let n = (u32::from(c[0]) << 16) | (u32::from(*c.get(1).unwrap_or(&0)) << 8) | u32::from(*c.get(2).unwrap_or(&0));
                (0..4).map(move |i| if i > c.len() { '=' } else { ABC[(n >> (18 - 6 * i) & 63) as usize] as char })
            })
            .collect();
        let mail = format!(
            "Subject: notes\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: application/zip; name=\"notes.zip\"\r\nContent-Disposition: attachment; filename=\"notes.zip\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{b64}\r\n--b--\r\n"
        );
        // Six deep: the fifth container is not opened.
        let deep = (0..6).fold(zipped(&[("deep.csv", b"d\n")]), |inner, _| zipped(&[("level.zip", &inner)]));
        let path = archive(&dir, &[("Team A.zip", &team_a), ("FW notes.eml", mail.as_bytes()), ("deep.zip", &deep), ("top.csv", b"t\n")]);
        let (files, skipped) = members(&path, &|_| None).unwrap();
        let a = path.join("Team A.zip/Team A audits.csv");
        let notes = path.join("FW notes.eml/notes.zip/notes.csv");
        assert_eq!(files, vec![notes.clone(), a.clone(), path.join("top.csv")], "{skipped:?}");
        let (at, inner) = split(&notes).unwrap();
        assert_eq!((at, inner.as_str()), (path.join("FW notes.eml/notes.zip").as_path(), "notes.csv"));
        assert_eq!(read(at, &inner, 100).unwrap(), b"x,y\n1,2\n");
        let (at, inner) = split(&a).unwrap();
        assert_eq!(read(at, &inner, 100).unwrap(), b"Child ID,Grade\nC1,Good\n");
        assert_eq!(size(at, &inner), Some(23));
        assert_eq!(skipped.len(), 1, "{skipped:?}");
        assert!(skipped[0].reason.contains(&format!("inside more than {MAX_NESTING} others")) && skipped[0].reason.starts_with(NOT_READ), "{skipped:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_saved_e_mail_s_attachments_are_files_under_it() {
        let dir = std::env::temp_dir().join(format!("auditpack-mail-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("RE_ tracker.eml");
        let mail = "Subject: tracker\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n\
                    --b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n\
                    --b\r\nContent-Type: text/csv; name=\"a.csv\"\r\nContent-Disposition: attachment; filename=\"a.csv\"\r\nContent-Transfer-Encoding: base64\r\n\r\neCx5CjEsMgo=\r\n\
                    --b\r\nContent-Type: application/zip; name=\"more.zip\"\r\nContent-Disposition: attachment; filename=\"more.zip\"\r\nContent-Transfer-Encoding: base64\r\n\r\nUEs=\r\n\
                    --b--\r\n";
        std::fs::write(&path, mail).unwrap();
        assert!(is_archive(&path) && is_mail(&path));
        let (files, skipped) = members(&path, &|_| None).unwrap();
        assert_eq!(files, vec![path.join("a.csv")]);
        assert_eq!(read(&path, "a.csv", 100).unwrap(), b"x,y\n1,2\n", "the attachment decoded");
        assert!(skipped[0].reason.starts_with(crate::ingest::ARCHIVE_FAILED) && skipped[0].path.ends_with("more.zip"), "{:?}", skipped);
        // An attachment with no name is named for its type; one whose base64
        // is damaged, and e-mails forwarded too deep, are said, not read.
        let odd = dir.join("odd.eml");
        let mut mail = String::from("Subject: odd\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n\
                                     --b0\r\nContent-Type: text/csv\r\nContent-Disposition: attachment\r\nContent-Transfer-Encoding: base64\r\n\r\neCx5CjEsMgo=\r\n\
                                     --b0\r\nContent-Type: text/csv; name=\"bad.csv\"\r\nContent-Disposition: attachment; filename=\"bad.csv\"\r\nContent-Transfer-Encoding: base64\r\n\r\neCx5!!!@@@CjEsMgo=\r\n");
        let deep = (1..=MAX_MAIL_DEPTH + 1).fold(String::from("Subject: x\r\nContent-Type: text/csv; name=\"deep.csv\"\r\nContent-Disposition: attachment; filename=\"deep.csv\"\r\n\r\nx,y\r\n"), |inner, n| {
            format!("Subject: FW {n}\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"f{n}\"\r\n\r\n--f{n}\r\nContent-Type: message/rfc822\r\n\r\n{inner}\r\n--f{n}--\r\n")
        });
        mail.push_str(&format!("--b0\r\nContent-Type: message/rfc822\r\n\r\n{deep}\r\n--b0--\r\n"));
        std::fs::write(&odd, mail).unwrap();
        let (files, skipped) = members(&odd, &|_| None).unwrap();
        assert_eq!(files, vec![odd.join("attachment 1 (no name).csv")], "{skipped:?}");
        let why: Vec<&str> = skipped.iter().map(|s| s.reason.as_str()).collect();
        assert!(why.iter().any(|w| w.contains("'bad.csv' is attached with a damaged encoding")), "{why:?}");
        assert!(why.iter().any(|w| w.contains("forwarded inside more than")), "{why:?}");
        assert!(why.iter().all(|w| w.starts_with(NOT_READ)), "warnings: {why:?}");
        // Nothing attached: said, and nothing read.
        let bare = dir.join("Reminder.eml");
        std::fs::write(&bare, "Subject: reminder\r\n\r\nAudits due.\r\n").unwrap();
        let (files, skipped) = members(&bare, &|_| None).unwrap();
        assert!(files.is_empty() && skipped[0].reason.contains("no file attached"), "{skipped:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
