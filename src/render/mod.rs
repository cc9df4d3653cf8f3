//! Render turns results into bytes, one module per output. Renderers never
//! compute a figure; they present what earlier stages produced.

pub mod charts;
pub mod doc;
pub mod html;
pub mod json;
pub mod normalised;
pub mod parquet;
mod sections;
pub mod validate;
pub mod xlsx;
