//! Writing a [`crate::document::Document`] (or its rows) in each file format.

pub mod csv;
pub mod docx;
pub mod html;
pub mod markdown;
pub mod pdf;
