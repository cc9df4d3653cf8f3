//! The normalised tables as Parquet: the same columns and values as the CSV
//! files, typed. `*_date` columns are Parquet dates, `source_row` and `row` are
//! 32-bit integers (both null when blank), everything else is UTF-8 text.
//! Snappy-compressed, dictionary-encoded, in row groups of [`ROW_GROUP`] rows, so
//! memory stays bounded however many rows a table has. Ids, dates and numbers
//! carry min / max statistics; label columns do not (see [`open`]).

use bytes::Bytes;
use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, Int32Type};
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use parquet::schema::types::ColumnPath;
use std::io::Write;
use std::sync::Arc;

/// Rows buffered before a row group is written.
pub const ROW_GROUP: usize = 1 << 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    Date,
    Int,
}

fn kind_of(column: &str) -> Kind {
    if column.ends_with("_date") {
        Kind::Date
    } else if column == "source_row" || column == "row" {
        Kind::Int
    } else {
        Kind::Text
    }
}

/// One column's buffered values.
enum Buffer {
    /// All texts end to end, and where each ends.
    Text(Vec<u8>, Vec<usize>),
    /// Values and definition levels (0 = null).
    Int(Vec<i32>, Vec<i16>),
}

/// Days since 1970-01-01 of an ISO date (`2026-11-06`).
fn epoch_day(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> { s.get(r).filter(|x| x.bytes().all(|c| c.is_ascii_digit()))?.parse().ok() };
    let d = chrono::NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
    Some((d - chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?).num_days() as i32)
}

fn io(e: parquet::errors::ParquetError) -> std::io::Error {
    std::io::Error::other(e)
}

/// A file with the given columns, and each column's kind.
fn open<W: Write + Send>(out: W, name: &str, header: &[&str]) -> std::io::Result<(SerializedFileWriter<W>, Vec<Kind>)> {
    let kinds: Vec<Kind> = header.iter().map(|h| kind_of(h)).collect();
    let fields: Vec<String> = header
        .iter()
        .zip(&kinds)
        .map(|(h, k)| match k {
            Kind::Text => format!("required binary {h} (UTF8);"),
            Kind::Date => format!("optional int32 {h} (DATE);"),
            Kind::Int => format!("optional int32 {h};"),
        })
        .collect();
    let schema = parse_message_type(&format!("message {name} {{ {} }}", fields.join(" "))).map_err(io)?;
    let mut props = WriterProperties::builder().set_compression(Compression::SNAPPY).set_created_by(format!("auditpack {}", env!("CARGO_PKG_VERSION")));
    // Min / max statistics where they can skip row groups: ids and dates and
    // numbers. A label column (team, note type, file) holds the same few
    // values in every row group, so its min / max skip nothing, and working
    // them out compared every value twice (5% of a 500k-note run's instructions).
    for (h, k) in header.iter().zip(&kinds) {
        if *k == Kind::Text && !h.ends_with("_id") {
            props = props.set_column_statistics_enabled(ColumnPath::from(h.to_string()), EnabledStatistics::None);
        }
    }
    let props = props.build();
    Ok((SerializedFileWriter::new(out, Arc::new(schema), Arc::new(props)).map_err(io)?, kinds))
}

/// Days since 1970-01-01 of a date in years 0 to 9999 (the dates the CSV writes
/// in ISO form; any other is null, as [`epoch_day`] makes it).
fn date_day(d: chrono::NaiveDate) -> Option<i32> {
    use chrono::Datelike;
    const UNIX_FROM_CE: i32 = 719_163;
    (0..=9999).contains(&d.year()).then(|| d.num_days_from_ce() - UNIX_FROM_CE)
}

/// Texts stored end to end in `bytes` (each ends where `ends` says) as Parquet
/// values: one shared buffer, each value a slice of it, not a copy.
fn slices(bytes: Vec<u8>, ends: &[usize]) -> Vec<ByteArray> {
    let all = Bytes::from(bytes);
    let mut start = 0;
    ends.iter()
        .map(|&e| {
            let v = ByteArray::from(all.slice(start..e));
            start = e;
            v
        })
        .collect()
}

/// One column of one row group, for [`write_columns`]: made by the functions
/// below, read only by [`write_columns`].
pub struct Column<'a>(Values, std::marker::PhantomData<&'a [u8]>);

enum Values {
    /// Texts, each a view of the caller's text (see [`Column::texts`]).
    Text(Vec<ByteArray>),
    /// Values (nulls left out) and definition levels (0 = null).
    Int(Vec<i32>, Vec<i16>),
}

impl<'a> Column<'a> {
    /// Texts as they are, not copied: each value a view of the caller's text,
    /// which outlives the [`write_columns`] call the column is made for.
    ///
    /// (A case-notes table has millions of texts a column. A copy of each, or a
    /// slice of one shared buffer, costs a count of references raised on this
    /// thread and lowered on the encoder's: 7% of a 5M-note run's CPU.)
    pub fn texts(values: impl Iterator<Item = &'a str>) -> Column<'a> {
        let values = values
            .map(|v| {
                // SAFETY: `Bytes::from_static` only needs the text to outlive
                // every copy of the view. The view and any copy the parquet
                // writer keeps (its dictionary, statistics) live only inside
                // `write_columns`: a `Column` is read by nothing else (its
                // values are private to this module), `write_columns` closes
                // and drops its writer before it returns, and `'a`, a lifetime
                // its caller names, outlives that call.
                let text: &'static [u8] = unsafe { std::mem::transmute::<&'a [u8], &'static [u8]>(v.as_bytes()) };
                ByteArray::from(Bytes::from_static(text))
            })
            .collect();
        Column(Values::Text(values), std::marker::PhantomData)
    }

    pub fn dates(values: impl Iterator<Item = Option<chrono::NaiveDate>>) -> Column<'a> {
        Column::nullable(values.map(|d| d.and_then(date_day)))
    }

    /// Row numbers (null beyond the 32-bit range, as the text writer does).
    pub fn ints(values: impl Iterator<Item = u32>) -> Column<'a> {
        Column::nullable(values.map(|x| i32::try_from(x).ok()))
    }

    fn nullable(values: impl Iterator<Item = Option<i32>>) -> Column<'a> {
        let (mut vals, mut defs) = (Vec::new(), Vec::new());
        for v in values {
            push_nullable(&mut vals, &mut defs, v);
        }
        Column(Values::Int(vals, defs), std::marker::PhantomData)
    }
}

/// One value of a nullable integer column: its definition level, and the value
/// when there is one.
fn push_nullable(vals: &mut Vec<i32>, defs: &mut Vec<i16>, v: Option<i32>) {
    if let Some(v) = v {
        vals.push(v);
    }
    defs.push(i16::from(v.is_some()));
}

/// Rows of one column made and encoded at a time, a multiple of the encoder's
/// 1,024-value batches (so the pages come out as from one call per column
/// chunk); small enough that its buffers are reused rather than taken fresh
/// from the kernel each time.
const PIECE: usize = 1 << 16;
const _: () = assert!(ROW_GROUP.is_multiple_of(PIECE) && PIECE.is_multiple_of(1024), "a piece is whole batches, and a row group whole pieces");

/// A table of `rows` rows written column by column: `column(i, rows)` gives
/// column `i`'s values for those rows, in row groups of [`ROW_GROUP`] rows,
/// each column of a group in pieces of [`PIECE`] rows: at most three pieces
/// are held at once (one being encoded, one waiting, one being made). The file
/// is the one [`ParquetTable`] writes for the same values.
///
/// # Errors
/// The schema is not valid, a column has the wrong kind, or the writer fails.
pub fn write_columns<'a, W: Write + Send>(
    out: W,
    name: &str,
    header: &[&str],
    rows: usize,
    mut column: impl FnMut(usize, std::ops::Range<usize>) -> Column<'a> + Send,
) -> std::io::Result<()> {
    let (mut writer, kinds) = open(out, name, header)?;
    let groups = || (0..rows).step_by(ROW_GROUP).map(move |start| start..(start + ROW_GROUP).min(rows));
    let pieces = |group: std::ops::Range<usize>| group.clone().step_by(PIECE).map(move |start| start..(start + PIECE).min(group.end));
    // The next piece is made on another thread while this one is encoded.
    std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Column<'a>>(1);
        s.spawn(move || {
            for group in groups() {
                for i in 0..header.len() {
                    for piece in pieces(group.clone()) {
                        if tx.send(column(i, piece)).is_err() {
                            return;
                        }
                    }
                }
            }
        });
        for group in groups() {
            let mut group_writer = writer.next_row_group().map_err(io)?;
            for (i, kind) in kinds.iter().enumerate() {
                let mut col = group_writer.next_column().map_err(io)?.ok_or_else(|| std::io::Error::other("fewer columns than the schema"))?;
                for _ in pieces(group.clone()) {
                    let Column(values, _) = rx.recv().map_err(|_| std::io::Error::other("the column maker stopped"))?;
                    match (values, kind) {
                        (Values::Text(values), Kind::Text) => col.typed::<ByteArrayType>().write_batch(&values, None, None).map_err(io)?,
                        (Values::Int(vals, defs), Kind::Date | Kind::Int) => col.typed::<Int32Type>().write_batch(&vals, Some(&defs), None).map_err(io)?,
                        _ => return Err(std::io::Error::other(format!("column {} has the wrong kind", header[i]))),
                    };
                }
                col.close().map_err(io)?;
            }
            group_writer.close().map_err(io)?;
        }
        Ok(())
    })?;
    writer.close().map_err(io)?;
    Ok(())
}

/// A table written row by row into a Parquet file.
pub struct ParquetTable<W: Write + Send> {
    writer: SerializedFileWriter<W>,
    kinds: Vec<Kind>,
    buffers: Vec<Buffer>,
    rows: usize,
}

impl<W: Write + Send> ParquetTable<W> {
    /// Starts a file with the given column names.
    ///
    /// # Errors
    /// The schema is not valid (a column name Parquet cannot take) or the writer fails.
    pub fn new(out: W, name: &str, header: &[&str]) -> std::io::Result<Self> {
        let (writer, kinds) = open(out, name, header)?;
        let buffers = kinds
            .iter()
            .map(|k| match k {
                Kind::Text => Buffer::Text(Vec::new(), Vec::new()),
                _ => Buffer::Int(Vec::new(), Vec::new()),
            })
            .collect();
        Ok(ParquetTable { writer, kinds, buffers, rows: 0 })
    }

    /// Adds one row (one value per column, as in the CSV).
    ///
    /// # Errors
    /// Writing a full row group fails.
    pub fn write_record<I, T>(&mut self, record: I) -> std::io::Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        let mut n = 0;
        for (i, v) in record.into_iter().enumerate() {
            let v = v.as_ref();
            match (&mut self.buffers[i], self.kinds[i]) {
                (Buffer::Text(bytes, ends), _) => {
                    bytes.extend_from_slice(v.as_bytes());
                    ends.push(bytes.len());
                }
                (Buffer::Int(vals, defs), kind) => {
                    let x = match kind {
                        Kind::Date => epoch_day(v),
                        _ => v.parse::<u32>().ok().and_then(|x| i32::try_from(x).ok()),
                    };
                    push_nullable(vals, defs, x);
                }
            }
            n += 1;
        }
        if n != self.kinds.len() {
            return Err(std::io::Error::other(format!("a row of {n} values for {} columns", self.kinds.len())));
        }
        self.rows += 1;
        if self.rows >= ROW_GROUP {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let mut group = self.writer.next_row_group().map_err(io)?;
        for buffer in &mut self.buffers {
            let mut col = group.next_column().map_err(io)?.ok_or_else(|| std::io::Error::other("fewer columns than the schema"))?;
            match buffer {
                Buffer::Text(bytes, ends) => {
                    let values = slices(std::mem::take(bytes), ends);
                    ends.clear();
                    col.typed::<ByteArrayType>().write_batch(&values, None, None).map_err(io)?;
                }
                Buffer::Int(vals, defs) => {
                    col.typed::<Int32Type>().write_batch(vals, Some(defs), None).map_err(io)?;
                    vals.clear();
                    defs.clear();
                }
            }
            col.close().map_err(io)?;
        }
        group.close().map_err(io)?;
        self.rows = 0;
        Ok(())
    }

    /// Writes the last row group and the footer.
    ///
    /// # Errors
    /// The writer fails.
    pub fn finish(mut self) -> std::io::Result<()> {
        self.flush()?;
        self.writer.close().map_err(io)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn iso_dates_to_epoch_days() {
        assert_eq!(super::epoch_day("1970-01-01"), Some(0));
        assert_eq!(super::epoch_day("2026-11-06"), Some(20763));
        for bad in ["", "2026-02-30", "06/11/2026", "2026-1-06", "2026-11-06T10"] {
            assert_eq!(super::epoch_day(bad), None, "{bad}");
        }
    }

    /// The file stops taking bytes part way (a full disk): the error comes back
    /// at once, and the thread making columns does not keep the call waiting.
    #[test]
    fn a_failing_writer_returns_its_error() {
        struct Fails(usize);
        impl std::io::Write for Fails {
            fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
                if self.0 < b.len() {
                    return Err(std::io::Error::other("disk full"));
                }
                self.0 -= b.len();
                Ok(b.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let r = super::write_columns(Fails(100), "t", &["source_row", "a_date"], 3 * super::ROW_GROUP + 1, |_, rows| {
                super::Column::ints(rows.map(|r| r as u32))
            });
            tx.send(r.map_err(|e| e.to_string())).unwrap();
        });
        let got = rx.recv_timeout(std::time::Duration::from_secs(120)).expect("write_columns returns");
        assert!(got.as_ref().is_err_and(|e| e.contains("disk full")), "{got:?}");
    }

    /// Ids, dates and numbers carry min / max statistics; a label column none.
    #[test]
    fn ids_and_dates_have_statistics_labels_do_not() {
        use parquet::file::reader::{FileReader, SerializedFileReader};
        let header = ["child_id", "team", "event_date", "source_row"];
        let mut file = Vec::new();
        let mut t = super::ParquetTable::new(&mut file, "t", &header).unwrap();
        for (c, team, d, r) in [("C2", "West", "2026-09-01", "2"), ("C1", "East", "2026-10-31", "3")] {
            t.write_record([c, team, d, r]).unwrap();
        }
        t.finish().unwrap();
        let reader = SerializedFileReader::new(bytes::Bytes::from(file)).unwrap();
        let group = reader.metadata().row_group(0);
        let stats = |i: usize| group.column(i).statistics().map(|s| (s.min_bytes_opt().map(<[u8]>::to_vec), s.max_bytes_opt().map(<[u8]>::to_vec)));
        assert_eq!(stats(0), Some((Some(b"C1".to_vec()), Some(b"C2".to_vec()))));
        assert_eq!(stats(1), None, "a label column");
        assert!(stats(2).is_some_and(|(min, max)| min.is_some() && max.is_some()));
        assert!(stats(3).is_some_and(|(min, max)| min.is_some() && max.is_some()));
    }

    /// Pieces against one call per column chunk where the encoder's page-size,
    /// dictionary-size and row-count checks all fire: many distinct texts
    /// (dictionary fallback), some over a page on their own (byte-budget
    /// sub-batches), and a nullable integer column. (A piece size that is not a
    /// multiple of the encoder's batches, 1,000 say, makes this fail.)
    #[test]
    fn pieces_match_one_call_when_dictionary_falls_back_and_pages_split() {
        let rows = 3 * 65_536 + 1234;
        let text = |i: usize| -> String {
            if i % 9973 == 5 {
                format!("{i}{}", "L".repeat(1_200_000 + i % 777))
            } else {
                format!("note {i} {}", "x".repeat(i % 300))
            }
        };
        let texts: Vec<String> = (0..rows).map(text).collect();
        let nums: Vec<u32> = (0..rows).map(|i| if i % 7 == 0 { u32::MAX } else { i as u32 }).collect();
        let header = ["note", "source_row"];
        let mut pieces = Vec::new();
        super::write_columns(&mut pieces, "t", &header, rows, |c, r| match c {
            0 => super::Column::texts(texts[r].iter().map(String::as_str)),
            _ => super::Column::ints(nums[r].iter().copied()),
        })
        .unwrap();
        let mut whole = Vec::new();
        let mut t = super::ParquetTable::new(&mut whole, "t", &header).unwrap();
        for i in 0..rows {
            let n = if nums[i] == u32::MAX { String::new() } else { nums[i].to_string() };
            t.write_record([texts[i].as_str(), n.as_str()]).unwrap();
        }
        t.finish().unwrap();
        assert!(pieces.len() > 2_000_000);
        assert!(pieces == whole, "{} bytes in pieces, {} in one call", pieces.len(), whole.len());
    }
}
