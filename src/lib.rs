//! auditpack: case-file audit exports in, compliance and board packs out.
//!
//! ```text
//! inputs ─▶ ingest ─▶ normalise ─▶ analyse ─▶ render ─▶ outputs
//! ```
//! `ingest` knows files, `normalise` knows the domain, `render` writes bytes.
//! Data flows forward only.

pub mod analyse;
pub mod calendar;
pub mod cli;
pub mod fasthash;
pub mod generate;
pub mod ingest;
pub mod normalise;
pub mod output;
pub mod render;
pub mod run;
