//! The normalised tables as Parquet: the same columns and values as the CSV
//! files, typed. `*_date` columns are Parquet dates, `source_row` and `row` are
//! 32-bit integers (both null when blank), everything else is UTF-8 text.
//! Snappy-compressed, dictionary-encoded (but row numbers, all different:
//! plain), in row groups of [`ROW_GROUP`] rows, so
//! memory stays bounded however many rows a table has. Ids, dates and numbers
//! carry min / max statistics; label columns do not (see [`open`]).
//!
//! Text columns are dictionary-encoded here rather than by the parquet
//! crate's encoder, which copies every value and hashes its bytes again (a few
//! dozen labels, or a few thousand children, among millions of rows): the case
//! notes' columns ([`write_columns`]) by where each text is kept or its
//! interned id ([`dictionary_chunk`]); the other tables, written row by row
//! ([`ParquetTable`]), by each text once per run of rows that repeat it
//! (`TextDictionary`). The case notes' dates are dictionary-encoded here too,
//! each found by its day in a table ([`date_chunk`]).

use bytes::Bytes;
use parquet::basic::{Compression, Encoding, EncodingMask, PageType};
use parquet::column::page::{CompressedPage, Page, PageWriter};
use parquet::column::writer::ColumnCloseResult;
use parquet::data_type::{ByteArray, ByteArrayType, Int32Type};
use parquet::file::metadata::{ColumnChunkMetaData, PageEncodingStats};
use parquet::file::page_index::offset_index::{OffsetIndexMetaData, PageLocation};
use parquet::file::properties::{EnabledStatistics, WriterProperties, DEFAULT_DATA_PAGE_ROW_COUNT_LIMIT, DEFAULT_DICTIONARY_PAGE_SIZE_LIMIT};
use parquet::file::statistics::Statistics;
use parquet::file::writer::{SerializedFileWriter, SerializedPageWriter, TrackedWrite};
use parquet::schema::parser::parse_message_type;
use parquet::schema::types::ColumnDescPtr;
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
    /// Texts kept once each, with each row's place among them.
    Dictionary(TextDictionary),
    /// All texts end to end, and where each ends: a column whose distinct
    /// texts outgrew a dictionary page in this row group.
    Text(Vec<u8>, Vec<usize>),
    /// Values and definition levels (0 = null).
    Int(Vec<i32>, Vec<i16>),
}

/// A text column's row group as its distinct texts (in the order first met)
/// and each row's place among them: a text is hashed once per run of rows
/// that repeat it (an audit's id, child and file on each of its judgement
/// rows), and kept once, not once per row.
#[derive(Default)]
struct TextDictionary {
    texts: Vec<Box<str>>,
    place_of: crate::fasthash::FxHashMap<Box<str>, u32>,
    places: Vec<u32>,
    /// The dictionary page's size: 4 bytes and the text for each.
    bytes: usize,
}

impl TextDictionary {
    /// Adds a row's text; `false` (and nothing added) when a new text would
    /// take the dictionary past the parquet crate's page limit.
    fn push(&mut self, v: &str) -> bool {
        if let Some(&last) = self.places.last() {
            if *self.texts[last as usize] == *v {
                self.places.push(last);
                return true;
            }
        }
        let place = match self.place_of.get(v) {
            Some(&p) => p,
            None => {
                if self.bytes + 4 + v.len() > DEFAULT_DICTIONARY_PAGE_SIZE_LIMIT {
                    return false;
                }
                let p = self.texts.len() as u32;
                self.texts.push(v.into());
                self.place_of.insert(v.into(), p);
                self.bytes += 4 + v.len();
                p
            }
        };
        self.places.push(place);
        true
    }

    /// Every row's text end to end, and where each ends.
    fn into_plain(self) -> (Vec<u8>, Vec<usize>) {
        let mut bytes = Vec::new();
        let ends = self
            .places
            .iter()
            .map(|&p| {
                bytes.extend_from_slice(self.texts[p as usize].as_bytes());
                bytes.len()
            })
            .collect();
        (bytes, ends)
    }
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

/// Whether a column carries min / max statistics: all but label columns.
fn has_statistics(column: &str, kind: Kind) -> bool {
    kind != Kind::Text || column.ends_with("_id")
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
        if !has_statistics(h, *k) {
            props = props.set_column_statistics_enabled(ColumnPath::from(h.to_string()), EnabledStatistics::None);
        }
        // Row numbers are all different: a dictionary of them shortens
        // nothing (the encoder gave it up at its size limit, 262,144 rows into
        // each row group), and hashing each into it was 2% of a 500k-note
        // run's instructions. They are written plainly.
        if *k == Kind::Int {
            props = props.set_column_dictionary_enabled(ColumnPath::from(h.to_string()), false);
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
pub struct Column<'a>(Values<'a>);

enum Values<'a> {
    /// Texts, each the caller's own (not copied).
    Text(Vec<&'a str>),
    /// Texts the caller keeps once each: every row's id, and the texts by id.
    Ids(Vec<u32>, &'a [&'a str]),
    /// Values (nulls left out) and definition levels (0 = null).
    Int(Vec<i32>, Vec<i16>),
}

impl<'a> Column<'a> {
    /// Texts as they are, not copied. A text met again at the same place in
    /// memory (a label the caller keeps once, however many rows hold it) is
    /// looked up in the column's dictionary by that place, not by its bytes.
    pub fn texts(values: impl Iterator<Item = &'a str>) -> Column<'a> {
        Column(Values::Text(values.collect()))
    }

    /// Texts the caller keeps once each (interned): each row's id, and the
    /// texts by id (an id past the end is the empty text). An id is found in
    /// the column's dictionary by its text the first time, by its number after.
    pub fn ids(ids: impl Iterator<Item = u32>, texts: &'a [&'a str]) -> Column<'a> {
        Column(Values::Ids(ids.collect(), texts))
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
        Column(Values::Int(vals, defs))
    }
}

/// One row group's values of a text column, as the caller gave them.
enum TextChunk<'a> {
    Texts(Vec<&'a str>),
    Ids(Vec<u32>, &'a [&'a str]),
}

/// The text of id `i` in `texts` (the empty text past the end).
fn text_of<'a>(texts: &[&'a str], i: u32) -> &'a str {
    texts.get(i as usize).copied().unwrap_or("")
}

impl<'a> TextChunk<'a> {
    fn len(&self) -> usize {
        match self {
            TextChunk::Texts(t) => t.len(),
            TextChunk::Ids(ids, _) => ids.len(),
        }
    }

    fn into_texts(self) -> Vec<&'a str> {
        match self {
            TextChunk::Texts(t) => t,
            TextChunk::Ids(ids, texts) => ids.iter().map(|&i| text_of(texts, i)).collect(),
        }
    }

    /// The chunk with a piece's values after its own: kept as ids while
    /// every piece gives ids into the same texts, else as texts. `None` when
    /// the piece holds no texts.
    fn with(chunk: Option<Self>, piece: Values<'a>) -> Option<Self> {
        Some(match (chunk, piece) {
            (_, Values::Int(..)) => return None,
            (None, Values::Text(p)) => TextChunk::Texts(p),
            (None, Values::Ids(p, texts)) => TextChunk::Ids(p, texts),
            (Some(TextChunk::Ids(mut all, texts)), Values::Ids(p, more)) if std::ptr::eq(texts, more) => {
                all.extend(p);
                TextChunk::Ids(all, texts)
            }
            (Some(chunk), piece) => {
                let mut all = chunk.into_texts();
                match piece {
                    Values::Text(p) => all.extend(p),
                    Values::Ids(p, texts) => all.extend(p.iter().map(|&i| text_of(texts, i))),
                    Values::Int(..) => return None,
                }
                TextChunk::Texts(all)
            }
        })
    }
}

/// Each value's place in a dictionary of the distinct texts, and the
/// dictionary; `None` when the texts would take more than the parquet crate's
/// dictionary page limit. A text is found by where it is in memory (the same
/// label, kept once by the caller, is the same place in every row), or by its
/// id, and by its bytes only the first time a place or id is met.
fn dictionary_of<'a>(chunk: &TextChunk<'a>) -> Option<(Vec<u32>, Vec<&'a str>)> {
    use crate::fasthash::FxHashMap;
    let mut by_text: FxHashMap<&str, u32> = FxHashMap::default();
    let mut dictionary: Vec<&str> = Vec::new();
    let mut dictionary_bytes = 0usize;
    let mut places: Vec<u32> = Vec::with_capacity(chunk.len());
    let mut place_of = |v: &'a str| {
        let next = dictionary.len() as u32;
        let i = *by_text.entry(v).or_insert(next);
        if i == next {
            dictionary.push(v);
            dictionary_bytes += 4 + v.len();
        }
        (dictionary_bytes <= DEFAULT_DICTIONARY_PAGE_SIZE_LIMIT).then_some(i)
    };
    match chunk {
        TextChunk::Texts(values) => {
            let mut at_place: FxHashMap<(usize, usize), u32> = FxHashMap::default();
            let mut last: Option<((usize, usize), u32)> = None;
            for v in values {
                let place = (v.as_ptr() as usize, v.len());
                let i = match last {
                    Some((p, i)) if p == place => i,
                    _ => match at_place.get(&place) {
                        Some(&i) => i,
                        None => {
                            let i = place_of(v)?;
                            at_place.insert(place, i);
                            i
                        }
                    },
                };
                last = Some((place, i));
                places.push(i);
            }
        }
        TextChunk::Ids(ids, texts) => {
            // Each id's place in the dictionary, u32::MAX until met (every id
            // past the end of the texts is the empty text: one place for all).
            let mut of_id: Vec<u32> = Vec::new();
            for &id in ids {
                let k = (id as usize).min(texts.len());
                if k >= of_id.len() {
                    of_id.resize(k + 1, u32::MAX);
                }
                if of_id[k] == u32::MAX {
                    of_id[k] = place_of(text_of(texts, id))?;
                }
                places.push(of_id[k]);
            }
        }
    }
    Some((places, dictionary))
}

/// A text column's chunk (one row group's values), dictionary-encoded: the
/// distinct texts once, in a dictionary page, then each row's place in it,
/// bit-packed or run-length encoded ([`rle_hybrid`]), in data pages of
/// [`DEFAULT_DATA_PAGE_ROW_COUNT_LIMIT`] rows: the layout the parquet crate's
/// encoder makes, without hashing every value's bytes ([`dictionary_of`]).
/// Pages Snappy-compressed, as the crate's are.
///
/// `None` when the distinct texts would take more than the parquet crate's
/// dictionary page limit (a column of nearly all different texts, which a
/// dictionary does not shorten): the caller writes the chunk plainly then.
fn dictionary_chunk(chunk: &TextChunk, descr: ColumnDescPtr, statistics: bool) -> std::io::Result<Option<(Bytes, ColumnCloseResult)>> {
    let Some((places, dictionary)) = dictionary_of(chunk) else {
        return Ok(None);
    };
    dictionary_pages(&places, &dictionary, descr, statistics).map(Some)
}

/// A text column's chunk from its dictionary (the distinct texts) and each
/// row's place in it ([`dictionary_chunk`]), with the texts' min and max
/// where the column carries statistics.
fn dictionary_pages(places: &[u32], dictionary: &[&str], descr: ColumnDescPtr, statistics: bool) -> std::io::Result<(Bytes, ColumnCloseResult)> {
    let mut plain = Vec::with_capacity(dictionary.iter().map(|t| 4 + t.len()).sum());
    for t in dictionary {
        plain.extend_from_slice(&(t.len() as u32).to_le_bytes());
        plain.extend_from_slice(t.as_bytes());
    }
    let stats = statistics.then(|| {
        let min = dictionary.iter().min().map(|t| ByteArray::from(t.as_bytes().to_vec()));
        let max = dictionary.iter().max().map(|t| ByteArray::from(t.as_bytes().to_vec()));
        Statistics::byte_array(min, max, None, Some(0), false)
    });
    encoded_chunk(Dictionary { plain, distinct: dictionary.len(), places, defs: None }, descr, stats)
}

/// A dictionary-encoded column chunk's parts: the dictionary page's values
/// (PLAIN-encoded) and how many, each value's place in it, and, for a
/// nullable column, each row's definition level (0 = null, no place).
struct Dictionary<'a> {
    plain: Vec<u8>,
    distinct: usize,
    places: &'a [u32],
    defs: Option<&'a [i16]>,
}

/// A dictionary-encoded column chunk: the dictionary page, then each row's
/// place in it, bit-packed or run-length encoded ([`rle_hybrid`]), in data
/// pages of [`DEFAULT_DATA_PAGE_ROW_COUNT_LIMIT`] rows, a nullable column's
/// definition levels before them (run-length encoded, after their length):
/// the layout the parquet crate's encoder makes. Pages Snappy-compressed, as
/// the crate's are.
fn encoded_chunk(d: Dictionary, descr: ColumnDescPtr, statistics: Option<Statistics>) -> std::io::Result<(Bytes, ColumnCloseResult)> {
    let rows = d.defs.map_or(d.places.len(), <[i16]>::len);
    let width = match d.distinct {
        0 | 1 => 0,
        n => (32 - ((n - 1) as u32).leading_zeros()) as u8,
    };
    let mut sink = TrackedWrite::new(Vec::new());
    let mut pages = SerializedPageWriter::new(&mut sink);
    let mut snappy = snap::raw::Encoder::new();
    let mut compress = |page: &[u8]| snappy.compress_vec(page).map(Bytes::from).map_err(std::io::Error::other);
    let page = Page::DictionaryPage { buf: compress(&d.plain)?, num_values: d.distinct as u32, encoding: Encoding::PLAIN, is_sorted: false };
    let spec = pages.write_page(CompressedPage::new(page, d.plain.len())).map_err(io)?;
    let (mut compressed, mut uncompressed) = (spec.compressed_size as i64, spec.uncompressed_size as i64);
    let mut locations = Vec::new();
    let mut first_data_page = None;
    // The places of the values before this page.
    let mut placed = 0;
    for k in 0..rows.div_ceil(DEFAULT_DATA_PAGE_ROW_COUNT_LIMIT) {
        let first = k * DEFAULT_DATA_PAGE_ROW_COUNT_LIMIT;
        let last = (first + DEFAULT_DATA_PAGE_ROW_COUNT_LIMIT).min(rows);
        let mut buf = Vec::new();
        let values = match d.defs {
            Some(defs) => {
                let levels: Vec<u32> = defs[first..last].iter().map(|&l| u32::from(l > 0)).collect();
                let mut encoded = Vec::new();
                rle_hybrid(&levels, 1, &mut encoded);
                buf.extend_from_slice(&(encoded.len() as u32).to_le_bytes());
                buf.extend_from_slice(&encoded);
                levels.iter().filter(|&&l| l > 0).count()
            }
            None => last - first,
        };
        buf.push(width);
        rle_hybrid(&d.places[placed..placed + values], width, &mut buf);
        placed += values;
        let page = Page::DataPage {
            buf: compress(&buf)?,
            num_values: (last - first) as u32,
            encoding: Encoding::RLE_DICTIONARY,
            def_level_encoding: Encoding::RLE,
            rep_level_encoding: Encoding::RLE,
            statistics: None,
        };
        let spec = pages.write_page(CompressedPage::new(page, buf.len())).map_err(io)?;
        compressed += spec.compressed_size as i64;
        uncompressed += spec.uncompressed_size as i64;
        first_data_page.get_or_insert(spec.offset as i64);
        locations.push(PageLocation { offset: spec.offset as i64, compressed_page_size: spec.compressed_size as i32, first_row_index: first as i64 });
    }
    pages.close().map_err(io)?;
    let bytes = Bytes::from(sink.into_inner().map_err(io)?);
    let mut meta = ColumnChunkMetaData::builder(descr)
        .set_compression(Compression::SNAPPY)
        .set_encodings_mask(EncodingMask::new_from_encodings([Encoding::PLAIN, Encoding::RLE, Encoding::RLE_DICTIONARY].iter()))
        .set_page_encoding_stats(vec![
            PageEncodingStats { page_type: PageType::DICTIONARY_PAGE, encoding: Encoding::PLAIN, count: 1 },
            PageEncodingStats { page_type: PageType::DATA_PAGE, encoding: Encoding::RLE_DICTIONARY, count: locations.len() as i32 },
        ])
        .set_total_compressed_size(compressed)
        .set_total_uncompressed_size(uncompressed)
        .set_num_values(rows as i64)
        .set_data_page_offset(first_data_page.unwrap_or(0))
        .set_dictionary_page_offset(Some(0));
    if let Some(stats) = statistics {
        meta = meta.set_statistics(stats);
    }
    let close = ColumnCloseResult {
        bytes_written: compressed as u64,
        rows_written: rows as u64,
        metadata: meta.build().map_err(io)?,
        bloom_filter: None,
        column_index: None,
        offset_index: Some(OffsetIndexMetaData { page_locations: locations, unencoded_byte_array_data_bytes: None }),
    };
    Ok((bytes, close))
}

/// A date column chunk's values (nulls left out) dictionary-encoded, with
/// the dates' min and max and the count of nulls: `None` when the distinct
/// dates would take more than the parquet crate's dictionary page limit.
/// Each date's place is found in a table by its day where the dates span
/// less than 180 years (a hash only beyond: a damaged year).
fn date_chunk(vals: &[i32], defs: &[i16], descr: ColumnDescPtr) -> std::io::Result<Option<(Bytes, ColumnCloseResult)>> {
    let (Some(&min), Some(&max)) = (vals.iter().min(), vals.iter().max()) else {
        return Ok(None);
    };
    let limit = DEFAULT_DICTIONARY_PAGE_SIZE_LIMIT / 4;
    let mut dictionary: Vec<i32> = Vec::new();
    let mut places: Vec<u32> = Vec::with_capacity(vals.len());
    let span = (i64::from(max) - i64::from(min)) as usize;
    if span < 1 << 16 {
        let mut place_of = vec![u32::MAX; span + 1];
        for &v in vals {
            let slot = &mut place_of[(v - min) as usize];
            if *slot == u32::MAX {
                *slot = dictionary.len() as u32;
                dictionary.push(v);
            }
            places.push(*slot);
        }
    } else {
        let mut place_of: crate::fasthash::FxHashMap<i32, u32> = Default::default();
        for &v in vals {
            let next = dictionary.len() as u32;
            let p = *place_of.entry(v).or_insert(next);
            if p == next {
                dictionary.push(v);
            }
            places.push(p);
        }
    }
    if dictionary.len() > limit {
        return Ok(None);
    }
    let plain = dictionary.iter().flat_map(|v| v.to_le_bytes()).collect();
    let nulls = defs.iter().filter(|&&l| l == 0).count() as u64;
    // (The older min / max fields too, as the crate writes them for a signed order.)
    let stats = parquet::file::statistics::ValueStatistics::new(Some(min), Some(max), None, Some(nulls), false)
        .with_backwards_compatible_min_max(descr.sort_order().is_signed());
    let stats = Statistics::Int32(stats);
    encoded_chunk(Dictionary { plain, distinct: dictionary.len(), places: &places, defs: Some(defs) }, descr, Some(stats)).map(Some)
}

/// `values` (each below 2 to the power `width`) in Parquet's RLE / bit-packed
/// hybrid encoding: a run of 8 or more equal values (after the values before
/// it are made whole groups of 8) as one run, everything else bit-packed in
/// groups of 8, the last group padded with zeros (the page's value count says
/// where the values end).
fn rle_hybrid(values: &[u32], width: u8, out: &mut Vec<u8>) {
    let value_bytes = usize::from(width).div_ceil(8);
    // The first value not yet written.
    let mut from = 0;
    let mut i = 0;
    while i < values.len() {
        let v = values[i];
        let mut j = i + 1;
        while j < values.len() && values[j] == v {
            j += 1;
        }
        // The values taken from this run to make the bit-packed ones before it whole groups.
        let fill = (8 - (i - from) % 8) % 8;
        if j - i >= fill + 8 {
            bit_pack(&values[from..i + fill], width, out);
            varint(((j - i - fill) as u64) << 1, out);
            out.extend_from_slice(&v.to_le_bytes()[..value_bytes]);
            from = j;
        }
        i = j;
    }
    bit_pack(&values[from..], width, out);
}

/// Bit-packed runs of up to 63 groups of 8 values (a header of one byte), the
/// last group padded with zeros.
fn bit_pack(values: &[u32], width: u8, out: &mut Vec<u8>) {
    for run in values.chunks(63 * 8) {
        let groups = run.len().div_ceil(8);
        varint(((groups as u64) << 1) | 1, out);
        let (whole, rest) = run.as_chunks::<8>();
        for group in whole {
            pack_group(group, width, out);
        }
        if !rest.is_empty() {
            let mut last = [0u32; 8];
            last[..rest.len()].copy_from_slice(rest);
            pack_group(&last, width, out);
        }
    }
}

/// Eight values of `width` bits each, the first in the lowest bits: `width`
/// bytes. Up to 16 bits (a dictionary of up to 65,536 values, or definition
/// levels) the eight are put together in one word and its low bytes written
/// with one fixed-size copy, the unused ones taken off again.
#[inline]
fn pack_group(group: &[u32; 8], width: u8, out: &mut Vec<u8>) {
    let w = usize::from(width);
    let end = out.len() + w;
    if w <= 8 {
        let bits = group.iter().enumerate().fold(0u64, |bits, (k, &v)| bits | (u64::from(v) << (k * w)));
        out.extend_from_slice(&bits.to_le_bytes());
    } else if w <= 16 {
        let bits = group.iter().enumerate().fold(0u128, |bits, (k, &v)| bits | (u128::from(v) << (k * w)));
        out.extend_from_slice(&bits.to_le_bytes());
    } else {
        let (mut bits, mut held) = (0u64, 0usize);
        for &v in group {
            bits |= u64::from(v) << held;
            held += w;
            while held >= 8 {
                out.push(bits as u8);
                bits >>= 8;
                held -= 8;
            }
        }
    }
    out.truncate(end);
}

/// An unsigned LEB128 number, as Parquet's run headers are written.
fn varint(mut x: u64, out: &mut Vec<u8>) {
    while x >= 0x80 {
        out.push((x as u8) | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
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
/// are held at once (one being encoded, one waiting, one being made), but for
/// a text or date column, whose group is encoded whole ([`dictionary_chunk`],
/// [`date_chunk`]). The
/// file holds the values [`ParquetTable`] writes for them, in the same types
/// and row groups.
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
        let columns: Vec<ColumnDescPtr> = (0..header.len()).map(|i| writer.schema_descr().column(i)).collect();
        let wrong_kind = |i: usize| std::io::Error::other(format!("column {} has the wrong kind", header[i]));
        let next = || rx.recv().map_err(|_| std::io::Error::other("the column maker stopped"));
        for group in groups() {
            let mut group_writer = writer.next_row_group().map_err(io)?;
            for (i, kind) in kinds.iter().enumerate() {
                if *kind == Kind::Text {
                    let mut chunk = None;
                    for _ in pieces(group.clone()) {
                        chunk = Some(TextChunk::with(chunk, next()?.0).ok_or_else(|| wrong_kind(i))?);
                    }
                    let chunk = chunk.unwrap_or(TextChunk::Texts(Vec::new()));
                    match dictionary_chunk(&chunk, columns[i].clone(), has_statistics(header[i], *kind))? {
                        Some((bytes, close)) => group_writer.append_column(&bytes, close).map_err(io)?,
                        None => {
                            // Written plainly by the parquet crate, from one copy of the texts.
                            let texts = chunk.into_texts();
                            let mut all = Vec::with_capacity(texts.iter().map(|t| t.len()).sum());
                            let ends: Vec<usize> = texts
                                .iter()
                                .map(|t| {
                                    all.extend_from_slice(t.as_bytes());
                                    all.len()
                                })
                                .collect();
                            let mut col = next_column(&mut group_writer)?;
                            col.typed::<ByteArrayType>().write_batch(&slices(all, &ends), None, None).map_err(io)?;
                            col.close().map_err(io)?;
                        }
                    }
                    continue;
                }
                if *kind == Kind::Date {
                    // Encoded whole, as a text column is, by its own dictionary of days.
                    let (mut vals, mut defs) = (Vec::new(), Vec::new());
                    for _ in pieces(group.clone()) {
                        match next()? {
                            Column(Values::Int(v, d)) => {
                                vals.extend(v);
                                defs.extend(d);
                            }
                            _ => return Err(wrong_kind(i)),
                        }
                    }
                    match date_chunk(&vals, &defs, columns[i].clone())? {
                        Some((bytes, close)) => group_writer.append_column(&bytes, close).map_err(io)?,
                        None => {
                            let mut col = next_column(&mut group_writer)?;
                            col.typed::<Int32Type>().write_batch(&vals, Some(&defs), None).map_err(io)?;
                            col.close().map_err(io)?;
                        }
                    }
                    continue;
                }
                let mut col = next_column(&mut group_writer)?;
                for _ in pieces(group.clone()) {
                    match next()? {
                        Column(Values::Int(vals, defs)) => col.typed::<Int32Type>().write_batch(&vals, Some(&defs), None).map_err(io)?,
                        _ => return Err(wrong_kind(i)),
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

/// The row group's next column, to be written by the crate's encoder.
fn next_column<'b, W: Write + Send>(
    group: &'b mut parquet::file::writer::SerializedRowGroupWriter<'_, W>,
) -> std::io::Result<parquet::file::writer::SerializedColumnWriter<'b>> {
    group.next_column().map_err(io)?.ok_or_else(|| std::io::Error::other("fewer columns than the schema"))
}

/// An empty buffer for a column of that kind.
fn new_buffer(kind: Kind) -> Buffer {
    match kind {
        Kind::Text => Buffer::Dictionary(TextDictionary::default()),
        _ => Buffer::Int(Vec::new(), Vec::new()),
    }
}

/// A table written row by row into a Parquet file.
pub struct ParquetTable<W: Write + Send> {
    writer: SerializedFileWriter<W>,
    kinds: Vec<Kind>,
    /// Whether each column carries min / max statistics ([`has_statistics`]).
    statistics: Vec<bool>,
    columns: Vec<ColumnDescPtr>,
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
        let buffers = kinds.iter().map(|k| new_buffer(*k)).collect();
        let statistics = header.iter().zip(&kinds).map(|(h, k)| has_statistics(h, *k)).collect();
        let columns = (0..header.len()).map(|i| writer.schema_descr().column(i)).collect();
        Ok(ParquetTable { writer, kinds, statistics, columns, buffers, rows: 0 })
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
                (Buffer::Dictionary(d), _) => {
                    if !d.push(v) {
                        // Too many different texts for a dictionary page: this
                        // row group's column is written plainly, as the crate does.
                        let (mut bytes, mut ends) = std::mem::take(d).into_plain();
                        bytes.extend_from_slice(v.as_bytes());
                        ends.push(bytes.len());
                        self.buffers[i] = Buffer::Text(bytes, ends);
                    }
                }
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
        for (i, buffer) in self.buffers.iter_mut().enumerate() {
            match buffer {
                Buffer::Dictionary(d) => {
                    let texts: Vec<&str> = d.texts.iter().map(|t| &**t).collect();
                    let (bytes, close) = dictionary_pages(&d.places, &texts, self.columns[i].clone(), self.statistics[i])?;
                    group.append_column(&bytes, close).map_err(io)?;
                    *buffer = new_buffer(Kind::Text);
                }
                Buffer::Text(bytes, ends) => {
                    let mut col = next_column(&mut group)?;
                    col.typed::<ByteArrayType>().write_batch(&slices(std::mem::take(bytes), ends), None, None).map_err(io)?;
                    col.close().map_err(io)?;
                    // (The next row group starts with a dictionary again.)
                    *buffer = new_buffer(Kind::Text);
                }
                Buffer::Int(vals, defs) => {
                    let mut col = next_column(&mut group)?;
                    col.typed::<Int32Type>().write_batch(vals, Some(defs), None).map_err(io)?;
                    col.close().map_err(io)?;
                    vals.clear();
                    defs.clear();
                }
            }
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
pub(crate) mod tests {
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

    /// Row numbers (all different) are written plainly, with no dictionary;
    /// dates (a few hundred days among many rows) keep theirs; both read back.
    #[test]
    fn row_numbers_are_plain_and_dates_dictionary_encoded() {
        use parquet::file::reader::{FileReader, SerializedFileReader};
        let header = ["event_date", "source_row"];
        let mut file = Vec::new();
        let mut t = super::ParquetTable::new(&mut file, "t", &header).unwrap();
        let rows: Vec<[String; 2]> = (0..5000u32).map(|i| [format!("2026-{:02}-{:02}", 1 + i % 12, 1 + i % 28), (i + 2).to_string()]).collect();
        for r in &rows {
            t.write_record([r[0].as_str(), r[1].as_str()]).unwrap();
        }
        t.finish().unwrap();
        let reader = SerializedFileReader::new(bytes::Bytes::from(file.clone())).unwrap();
        let group = reader.metadata().row_group(0);
        assert!(group.column(0).dictionary_page_offset().is_some(), "dates keep a dictionary");
        assert!(group.column(1).dictionary_page_offset().is_none(), "row numbers: no dictionary");
        assert!(group.column(1).page_encoding_stats_mask().is_some_and(|m| m.is_only(parquet::basic::Encoding::PLAIN)));
        let got = rows_of(file);
        assert_eq!(got.len(), rows.len());
        // (Dates read back as days since 1970-01-01.)
        assert!(got.iter().zip(&rows).all(|(g, r)| g[0] == super::epoch_day(&r[0]).unwrap().to_string() && g[1] == r[1]), "{:?}", &got[..2]);
    }

    /// Every value of a file, row by row, as text ("" for a null).
    pub(crate) fn rows_of(file: Vec<u8>) -> Vec<Vec<String>> {
        use parquet::file::reader::{FileReader, SerializedFileReader};
        use parquet::record::Field;
        let reader = SerializedFileReader::new(bytes::Bytes::from(file)).unwrap();
        reader
            .get_row_iter(None)
            .unwrap()
            .map(|row| {
                row.unwrap()
                    .get_column_iter()
                    .map(|(_, f)| match f {
                        Field::Str(s) => s.clone(),
                        Field::Int(i) => i.to_string(),
                        Field::Date(d) => d.to_string(),
                        Field::Null => String::new(),
                        other => panic!("unexpected {other:?}"),
                    })
                    .collect()
            })
            .collect()
    }

    /// Whether every data page of a column chunk is dictionary-encoded.
    fn all_dictionary(c: &parquet::file::metadata::ColumnChunkMetaData) -> bool {
        c.dictionary_page_offset().is_some() && c.page_encoding_stats_mask().is_some_and(|m| m.is_only(parquet::basic::Encoding::RLE_DICTIONARY))
    }

    /// The same table written by [`super::write_columns`] and row by row
    /// ([`super::ParquetTable`]).
    fn both_ways(header: &[&str], rows: usize, texts: &[Vec<String>], nums: &[u32]) -> (Vec<u8>, Vec<u8>) {
        let mut columns = Vec::new();
        super::write_columns(&mut columns, "t", header, rows, |c, r| match c {
            c if c < texts.len() => super::Column::texts(texts[c][r].iter().map(String::as_str)),
            _ => super::Column::ints(nums[r].iter().copied()),
        })
        .unwrap();
        let mut whole = Vec::new();
        let mut t = super::ParquetTable::new(&mut whole, "t", header).unwrap();
        for i in 0..rows {
            let n = if nums[i] == u32::MAX { String::new() } else { nums[i].to_string() };
            let mut record: Vec<&str> = texts.iter().map(|col| col[i].as_str()).collect();
            record.push(&n);
            t.write_record(record).unwrap();
        }
        t.finish().unwrap();
        (columns, whole)
    }

    /// A repeatable stream of pseudo-random numbers (xorshift64) for the tests.
    pub(crate) fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
        move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        }
    }

    /// Text columns dictionary-encoded by write_columns and by ParquetTable
    /// read back as the values given: runs of every length around the
    /// 8-value groups, random labels among thousands, one label throughout,
    /// empty texts, the same text kept at different places, two row groups and
    /// a last page and group that end part way through a group of 8.
    #[test]
    fn dictionary_encoded_texts_read_back_as_the_crates_encoder_writes_them() {
        let rows = super::ROW_GROUP + 20_000 * 3 + 13;
        let labels: Vec<String> = (0..3000).map(|i| format!("C{i:05}")).collect();
        let mut next = xorshift(7);
        let mut runs = Vec::with_capacity(rows);
        while runs.len() < rows {
            let run = (next() % 23) as usize + 1;
            let label = labels[(next() % 3000) as usize].clone();
            runs.extend(std::iter::repeat_n(label, run));
        }
        runs.truncate(rows);
        let random: Vec<String> = (0..rows).map(|_| labels[(next() % 3000) as usize].clone()).collect();
        let few: Vec<String> = (0..rows).map(|i| ["", "yes", "no"][(i / 5 + i % 3) % 3].to_string()).collect();
        let one: Vec<String> = vec!["/exports/case-notes.csv".to_string(); rows];
        let nums: Vec<u32> = (0..rows).map(|i| if i % 11 == 0 { u32::MAX } else { i as u32 }).collect();
        let header = ["child_id", "team", "seen_alone", "source_file", "source_row"];
        let texts = [runs, random, few, one];
        let (columns, whole) = both_ways(&header, rows, &texts, &nums);
        let got = rows_of(columns.clone());
        assert_eq!(got.len(), rows);
        let given = |r: usize| -> Vec<String> {
            let n = if nums[r] == u32::MAX { String::new() } else { nums[r].to_string() };
            texts.iter().map(|col| col[r].clone()).chain([n]).collect()
        };
        assert!(got.iter().enumerate().all(|(r, row)| *row == given(r)), "the values differ from those given");
        assert!(got == rows_of(whole), "the values differ");
        // Dictionary-encoded by write_columns, with the child id's min and max.
        use parquet::file::reader::{FileReader, SerializedFileReader};
        let reader = SerializedFileReader::new(bytes::Bytes::from(columns)).unwrap();
        assert_eq!(reader.metadata().num_row_groups(), 2);
        for g in 0..2 {
            let group = reader.metadata().row_group(g);
            for c in 0..4 {
                assert!(all_dictionary(group.column(c)), "group {g} column {c}");
            }
        }
        let stats =
            reader.metadata().row_group(0).column(0).statistics().map(|s| (s.min_bytes_opt().map(<[u8]>::to_vec), s.max_bytes_opt().map(<[u8]>::to_vec)));
        let sorted: std::collections::BTreeSet<&String> = texts[0][..super::ROW_GROUP].iter().collect();
        let want = (Some(sorted.first().unwrap().as_bytes().to_vec()), Some(sorted.last().unwrap().as_bytes().to_vec()));
        assert_eq!(stats, Some(want));
        assert!(reader.metadata().row_group(0).column(1).statistics().is_none(), "a label column has none");
    }

    /// A column of nearly all different texts, more than a dictionary page
    /// holds, some over a page on their own, is written plainly by the crate,
    /// with the same values; beside a nullable integer column in pieces.
    #[test]
    fn texts_too_many_for_a_dictionary_are_written_plainly() {
        let rows = 3 * 65_536 + 1234;
        let text = |i: usize| -> String {
            if i % 9973 == 5 {
                format!("{i}{}", "L".repeat(1_200_000 + i % 777))
            } else {
                format!("note {i} {}", "x".repeat(i % 300))
            }
        };
        let texts = [(0..rows).map(text).collect::<Vec<String>>()];
        let nums: Vec<u32> = (0..rows).map(|i| if i % 7 == 0 { u32::MAX } else { i as u32 }).collect();
        let (columns, whole) = both_ways(&["note", "source_row"], rows, &texts, &nums);
        assert!(columns.len() > 2_000_000);
        use parquet::file::reader::{FileReader, SerializedFileReader};
        let reader = SerializedFileReader::new(bytes::Bytes::from(columns.clone())).unwrap();
        assert!(!all_dictionary(reader.metadata().row_group(0).column(0)), "written plainly by the crate");
        assert!(rows_of(columns.clone()) == rows_of(whole.clone()), "the values differ");
        // Both written by the crate, the integers in pieces: the same bytes
        // as one call per column chunk (a piece size that is not a multiple of
        // the encoder's batches, 1,000 say, makes this fail).
        assert!(columns == whole, "{} bytes in pieces, {} in one call", columns.len(), whole.len());
    }

    /// A table written row by row keeps each text column's distinct texts in
    /// a dictionary; a column whose texts outgrow a dictionary page part way
    /// through a row group is written plainly for that group (every row kept)
    /// and starts a dictionary again in the next. Values read back as given;
    /// an id column keeps its min and max.
    #[test]
    fn row_by_row_texts_are_dictionary_encoded_until_a_page_is_full() {
        use parquet::file::reader::{FileReader, SerializedFileReader};
        let rows = super::ROW_GROUP + 5000;
        // Column 1: all different for the first 100,000 rows (about 2.5 MB
        // of texts), then one text; column 0 repeats runs of ids.
        let row = |i: usize| -> [String; 3] {
            let note = if i < 100_000 { format!("note {i} {}", "x".repeat(i % 20)) } else { "same".to_string() };
            [format!("C{:04}", (i / 3) % 2000), note, (i + 2).to_string()]
        };
        let header = ["child_id", "note", "source_row"];
        let mut file = Vec::new();
        let mut t = super::ParquetTable::new(&mut file, "t", &header).unwrap();
        for i in 0..rows {
            let r = row(i);
            t.write_record(r.iter().map(String::as_str)).unwrap();
        }
        t.finish().unwrap();
        let reader = SerializedFileReader::new(bytes::Bytes::from(file.clone())).unwrap();
        let meta = reader.metadata();
        assert_eq!(meta.num_row_groups(), 2);
        assert!(all_dictionary(meta.row_group(0).column(0)) && all_dictionary(meta.row_group(1).column(0)));
        assert!(!all_dictionary(meta.row_group(0).column(1)), "outgrew its dictionary: plain");
        assert!(all_dictionary(meta.row_group(1).column(1)), "a dictionary again in the next group");
        let stats = meta.row_group(0).column(0).statistics().map(|s| (s.min_bytes_opt().map(<[u8]>::to_vec), s.max_bytes_opt().map(<[u8]>::to_vec)));
        assert_eq!(stats, Some((Some(b"C0000".to_vec()), Some(b"C1999".to_vec()))));
        assert!(meta.row_group(0).column(1).statistics().is_none(), "a label column has none");
        let got = rows_of(file);
        assert_eq!(got.len(), rows);
        for (i, g) in got.iter().enumerate() {
            assert!(g[..] == row(i)[..], "row {i}: {g:?}");
        }
    }

    /// Date columns dictionary-encoded by write_columns read back as the
    /// parquet crate's own encoder writes them row by row ([`super::ParquetTable`]):
    /// nulls among them, pages and row groups that end part way through a
    /// group of 8, a group whose dates span centuries (a damaged year), and a
    /// column with no date at all in one group. Min, max and nulls counted.
    #[test]
    fn dates_dictionary_encoded_read_back_as_the_crates_encoder_writes_them() {
        use chrono::NaiveDate;
        use parquet::file::reader::{FileReader, SerializedFileReader};
        let rows = super::ROW_GROUP + 3 * 20_000 + 77;
        let base = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        let event = |i: usize| -> Option<NaiveDate> {
            match i {
                _ if i.is_multiple_of(13) => None,
                _ if i >= super::ROW_GROUP && i % 1000 == 1 => NaiveDate::from_ymd_opt(1200 + (i % 7) as i32, 3, 4),
                _ => Some(base + chrono::Duration::days(((i * 7919) % 2000) as i64)),
            }
        };
        let due = |i: usize| -> Option<NaiveDate> { (i >= super::ROW_GROUP).then(|| base + chrono::Duration::days((i / 50 % 40) as i64)) };
        let header = ["event_date", "due_date", "source_row"];
        let mut columns = Vec::new();
        super::write_columns(&mut columns, "t", &header, rows, |c, r| match c {
            0 => super::Column::dates(r.map(event)),
            1 => super::Column::dates(r.map(due)),
            _ => super::Column::ints(r.map(|i| i as u32)),
        })
        .unwrap();
        let mut whole = Vec::new();
        let mut t = super::ParquetTable::new(&mut whole, "t", &header).unwrap();
        let iso = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
        for i in 0..rows {
            t.write_record([iso(event(i)), iso(due(i)), i.to_string()]).unwrap();
        }
        t.finish().unwrap();
        let got = rows_of(columns.clone());
        assert_eq!(got.len(), rows);
        assert!(got == rows_of(whole), "the values differ");
        let reader = SerializedFileReader::new(bytes::Bytes::from(columns)).unwrap();
        let meta = reader.metadata();
        assert!(all_dictionary(meta.row_group(0).column(0)) && all_dictionary(meta.row_group(1).column(0)));
        assert!(all_dictionary(meta.row_group(1).column(1)), "dates in the second group");
        let day = |d: NaiveDate| (d - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days() as i32;
        let dates: Vec<NaiveDate> = (0..super::ROW_GROUP).filter_map(event).collect();
        match meta.row_group(0).column(0).statistics() {
            Some(parquet::file::statistics::Statistics::Int32(s)) => {
                assert_eq!((s.min_opt(), s.max_opt()), (dates.iter().min().map(|d| day(*d)).as_ref(), dates.iter().max().map(|d| day(*d)).as_ref()));
                assert_eq!(s.null_count_opt(), Some((super::ROW_GROUP - dates.len()) as u64));
            }
            other => panic!("{other:?}"),
        }
    }

    /// Texts given as interned ids read back as the texts themselves: ids met
    /// again, two ids of one text, ids past the end of the table (the empty
    /// text), and a column given partly as ids into one table, partly as ids
    /// into another and partly as texts (kept as texts from there on).
    #[test]
    fn interned_ids_read_back_as_their_texts() {
        let table: Vec<String> = (0..5000).map(|i| if i % 1000 == 7 { "twin".to_string() } else { format!("T{i}") }).collect();
        let table: Vec<&str> = table.iter().map(String::as_str).collect();
        let other: Vec<&str> = vec!["", "other", "T1"];
        let rows = super::ROW_GROUP + 3 * super::PIECE + 5;
        let id = |r: usize| -> u32 {
            match r % 97 {
                0 => u32::MAX,
                1 => table.len() as u32,
                _ => ((r * 7919) % (table.len() + 3)) as u32,
            }
        };
        fn text<'a>(ids: &[&'a str], i: u32) -> &'a str {
            ids.get(i as usize).copied().unwrap_or("")
        }
        // Column 0: ids into `table` throughout; column 1: in the second row
        // group, ids into `other` from its second piece, then texts.
        let mut file = Vec::new();
        super::write_columns(&mut file, "t", &["child_id", "team"], rows, |c, r| {
            let piece = (r.start % super::ROW_GROUP) / super::PIECE;
            match (c, r.start >= super::ROW_GROUP, piece) {
                (0, ..) | (1, false, _) | (1, true, 0) => super::Column::ids(r.map(id), &table),
                (1, true, 1) => super::Column::ids(r.map(|x| (x % 4) as u32), &other),
                _ => super::Column::texts(r.map(|x| text(&table, id(x)))),
            }
        })
        .unwrap();
        let got = rows_of(file);
        assert_eq!(got.len(), rows);
        for (r, row) in got.iter().enumerate() {
            let piece = (r % super::ROW_GROUP) / super::PIECE;
            let want_team = if r >= super::ROW_GROUP && piece == 1 { text(&other, (r % 4) as u32) } else { text(&table, id(r)) };
            assert_eq!((row[0].as_str(), row[1].as_str()), (text(&table, id(r)), want_team), "row {r}");
        }
    }

    /// Bit-packed groups as Parquet's hybrid encoding defines them, checked
    /// bit by bit: every width from 0 to 32, runs shorter and longer than a
    /// header's 63 groups, and a last group padded with zeros.
    #[test]
    fn bit_packed_values_match_a_bit_by_bit_reference() {
        let mut next = xorshift(11);
        for width in 0..=32u8 {
            for len in [0usize, 1, 7, 8, 9, 63 * 8 - 1, 63 * 8, 63 * 8 + 1, 1100] {
                let mask = if width == 32 { u64::from(u32::MAX) } else { (1u64 << width) - 1 };
                let values: Vec<u32> = (0..len).map(|_| (next() & mask) as u32).collect();
                let mut got = Vec::new();
                super::bit_pack(&values, width, &mut got);
                let mut want = Vec::new();
                for run in values.chunks(63 * 8) {
                    let groups = run.len().div_ceil(8);
                    super::varint(((groups as u64) << 1) | 1, &mut want);
                    let mut bits: Vec<bool> = Vec::new();
                    for k in 0..groups * 8 {
                        let v = run.get(k).copied().unwrap_or(0);
                        bits.extend((0..width).map(|b| (v >> b) & 1 == 1));
                    }
                    want.extend(bits.chunks(8).map(|byte| byte.iter().enumerate().fold(0u8, |acc, (i, &b)| acc | (u8::from(b) << i))));
                }
                assert!(got == want, "width {width}, {len} values");
            }
        }
    }
}
