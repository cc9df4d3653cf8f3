//! Render turns results into bytes, one module per output. Renderers never
//! compute a figure; they present what earlier stages produced.

pub mod json;
pub mod normalised;
pub mod validate;
