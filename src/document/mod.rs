//! Stage 1: reading an article. Plain text (including text extracted from PDF), Markdown and
//! HTML become one `scan` text for the extractor, with a map back to byte offsets of the
//! ORIGINAL input; every later stage reports spans in the original.
//!
//! One reader a file: [`text`] (plain text and PDF hyphenation), [`markdown`] (pulldown-cmark)
//! with [`front_matter`] (YAML or TOML), [`html`] (html5gum's tokenizer). Around them: [`sniff`]
//! decides what the bytes are, [`scan`] builds the scan text and its map, [`invisible`] keeps
//! zero-width and bidirectional characters from changing what is read, [`mojibake`] repairs
//! UTF-8 that was read as Windows-1252, and [`lines`] answers
//! line and column questions without rescanning.
//!
//! Offsets are byte offsets into [`Document::source`]. For UTF-16 input that is the text as
//! decoded to UTF-8 (the byte order mark dropped), not the file's bytes; for UTF-8 it is the file
//! as read, a byte order mark included (columns count from after it).

mod date;
mod front_matter;
mod html;
mod invisible;
mod lines;
mod markdown;
mod mojibake;
mod scan;
mod sniff;
mod text;

use std::ops::Range;

pub use date::Date;
pub use invisible::{InvisibleKind, InvisibleMark};
pub use mojibake::space_len as mojibake_space_len;

use crate::error::InputError;
use lines::LineIndex;
use scan::{ScanBuilder, Segment};

/// The markup an article is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text, including text extracted from PDF (hard line breaks, hyphenation).
    Text,
    /// Markdown with optional YAML front matter.
    Markdown,
    /// HTML: tags, scripts and styles skipped, entities decoded.
    Html,
}

/// Something in a document a reader could not take as meant, though the document was read: front
/// matter that never closes or does not parse, a date that is no date, text under a
/// right-to-left override.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    /// The document's name.
    pub path: String,
    /// 1-based line in the source.
    pub line: usize,
    /// What is wrong, and what the reader did about it.
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: line {}: {}", self.path, self.line, self.message)
    }
}

/// (source offset, message) of what a reader noticed.
type Notes = Vec<(usize, String)>;

/// What a reader found besides the text.
#[derive(Debug, Default)]
struct Meta {
    date: Option<Date>,
    locale: Option<String>,
    notes: Notes,
}

/// An article ready for extraction.
///
/// `source` must not be changed after construction: the scan map and the line index refer to it.
#[derive(Debug, Clone)]
pub struct Document {
    /// How the article is named in reports (a path, `-`, or a stream id).
    pub name: String,
    /// The original input, exactly as read (UTF-16 input: as decoded).
    pub source: String,
    /// The text the extractor reads: markup removed, entities decoded, line-end hyphenation
    /// joined, invisible characters handled (see [`InvisibleMark`]). Offsets in it map back to
    /// `source` through [`Document::to_source`].
    pub scan: String,
    /// Where `scan` and `source` stop running in step; empty when they are the same bytes.
    segments: Vec<Segment>,
    /// The markup the article was read as.
    pub format: Format,
    /// The article's date: from `--date`, front matter or HTML meta.
    pub date: Option<Date>,
    /// The article's locale ("en-GB"): from `--locale`, front matter `lang:` or `<html lang>`.
    pub locale: Option<String>,
    lines: LineIndex,
    marks: Vec<InvisibleMark>,
    warnings: Vec<Warning>,
}

impl Document {
    /// Reads raw bytes as an article, refusing binary, empty and badly encoded input with an
    /// error that names the file (and the line and byte offset of bad UTF-8 or UTF-16). UTF-16
    /// with a byte order mark is decoded.
    pub fn from_bytes(
        name: &str,
        bytes: &[u8],
        format: Option<Format>,
    ) -> Result<Document, InputError> {
        let text = sniff::decode(name, bytes)?;
        let format = format.unwrap_or_else(|| sniff::format(name, &text));
        Ok(Document::from_text(name, text.into_owned(), format))
    }

    /// Builds a document from text already known to be valid. A byte order mark at the start is
    /// skipped (it is neither scanned nor counted in columns).
    pub fn from_text(name: &str, source: String, format: Format) -> Document {
        let body = if source.starts_with(sniff::BOM) {
            sniff::BOM.len_utf8()
        } else {
            0
        };
        let mut b = ScanBuilder::new(&source, format == Format::Text);
        b.skip(body);
        let meta = match format {
            Format::Text => {
                text::read(&mut b, body, source.len());
                Meta::default()
            }
            Format::Markdown => markdown::read(&mut b, body),
            Format::Html => html::read(&mut b, body),
        };
        let built = b.finish();
        let lines = LineIndex::new(&source, body);
        let mut notes = meta.notes;
        notes.extend(built.reversed_at.iter().map(|&at| {
            (
                at,
                "text under a right-to-left override (U+202E) displays reversed; it is not read"
                    .to_string(),
            )
        }));
        notes.sort_by_key(|n| n.0);
        let warnings = notes
            .into_iter()
            .map(|(at, message)| Warning {
                path: name.into(),
                line: lines.line_col(&source, at).0,
                message,
            })
            .collect();
        Document {
            name: name.into(),
            source,
            scan: built.scan,
            segments: built.segments,
            format,
            date: meta.date,
            locale: meta.locale,
            lines,
            marks: built.marks,
            warnings,
        }
    }

    /// Maps an offset in `scan` to the offset in `source` (always a char boundary). An offset
    /// inside a decoded piece (an entity) maps to the piece's start; its end to the piece's end.
    pub fn to_source(&self, scan_offset: usize) -> usize {
        scan::to_source(&self.segments, &self.source, scan_offset)
    }

    /// 1-based line and column (in characters) of a source byte offset. Columns of the first
    /// line count from after a byte order mark. O(log lines) plus at most two 1 KiB blocks.
    pub fn line_col(&self, source_offset: usize) -> (usize, usize) {
        self.lines.line_col(&self.source, source_offset)
    }

    /// The whole source line (without its line end) of a 1-based line number; `""` past the
    /// end. O(log lines).
    pub fn line_text(&self, line: usize) -> &str {
        self.lines.line_text(&self.source, line)
    }

    /// Every zero-width or bidirectional control character in the text, and every run of text
    /// under an embedding, isolate or override, in source order and disjoint.
    pub fn invisible_marks(&self) -> &[InvisibleMark] {
        &self.marks
    }

    /// The invisible marks that overlap or touch a source span (a claim's): a claim with any
    /// may display otherwise than it is read. O(log marks).
    pub fn invisible_marks_near(&self, span: Range<usize>) -> &[InvisibleMark] {
        invisible::touching(&self.marks, span)
    }

    /// Where the article's text begins: after a byte order mark and, in Markdown, after the
    /// front matter (which is `source[..body_start()]`).
    pub fn body_start(&self) -> usize {
        let bom = if self.source.starts_with(sniff::BOM) {
            sniff::BOM.len_utf8()
        } else {
            0
        };
        match self.format {
            Format::Markdown => front_matter::read(&self.source, bom).map_or(bom, |fm| fm.body),
            _ => bom,
        }
    }

    /// What the readers could not take as meant, in source order (each names the line).
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_spans_map_to_source() {
        let src = "<html><head><meta property=\"article:published_time\" content=\"2021-10-20T10:00:00Z\"></head><body><p>It cost &euro;5m in <b>2019</b>.</p><script>var x = 12;</script></body></html>";
        let d = Document::from_text("a.html", src.to_string(), Format::Html);
        assert_eq!(d.date, Date::parse("2021-10-20"));
        let at = d.scan.find("€5m").unwrap();
        let s = d.to_source(at);
        let e = d.to_source(at + "€5m".len());
        assert_eq!(&src[s..e], "&euro;5m");
        assert!(!d.scan.contains("12"));
    }

    #[test]
    fn markdown_front_matter_and_code() {
        let src = "---\ntitle: x\ndate: 2020-03-01\n---\nWe saw 5 cats.\n\n```\nlet n = 99;\n```\nAnd `42` more.\n";
        let d = Document::from_text("a.md", src.to_string(), Format::Markdown);
        assert_eq!(d.date, Date::parse("2020-03-01"));
        assert!(d.scan.contains("5 cats"));
        assert!(!d.scan.contains("99"));
        assert!(!d.scan.contains("42"));
        assert_eq!(d.scan.len(), src.len());
    }

    #[test]
    fn pdf_hyphenation_joined_and_mapped() {
        let src = "the neigh-\nbouring states and a decade-\nlong war";
        let d = Document::from_text("a.txt", src.to_string(), Format::Text);
        assert!(d.scan.contains("neighbouring"));
        assert!(d.scan.contains("decade-\nlong"));
        let at = d.scan.find("states").unwrap();
        assert_eq!(&src[d.to_source(at)..d.to_source(at + 6)], "states");
    }

    #[test]
    fn bad_bytes_are_named() {
        assert!(matches!(
            Document::from_bytes("e.txt", b"  \n", None),
            Err(InputError::Empty { .. })
        ));
        assert!(matches!(
            Document::from_bytes("b.bin", b"ab\0cd", None),
            Err(InputError::Binary { offset: 2, .. })
        ));
        let err = Document::from_bytes("u.txt", b"ok\nbad \xff here", None).unwrap_err();
        assert_eq!(
            err,
            InputError::InvalidUtf8 {
                path: "u.txt".into(),
                line: 2,
                offset: 7
            }
        );
    }
}
