//! `--format sarif`: SARIF 2.1.0 for code-scanning tools (GitHub code scanning reads it). A rule
//! per check, with the descriptions and help GitHub asks for; a result per finding with one
//! short message, its level, columns and character offsets in UTF-16 code units (SARIF's
//! default, what GitHub reads), a fingerprint that survives moved lines, and `suppressions`
//! when a directive, a per-file ignore or a baseline silenced it.
//!
//! Results are written as each file is done, each serialised from serde-sarif's typed
//! structures, with the envelope written around them: keys in sorted order, as serde-sarif
//! writes a whole log, except the run's `invocations`, written after its `results` because
//! they carry notes known only at the end of the run (a stale baseline entry).

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

use serde_json::json;
use serde_sarif::sarif::{
    self, ArtifactLocation, Invocation, Location, Message, MultiformatMessageString, Notification,
    PhysicalLocation, Region, ReportingDescriptor, ResultLevel, Tool, ToolComponent,
};

use super::explain::explain;
use super::pretty::{write_at, write_indent};
use super::{Finding, Level, RenderOptions, Renderer, RunEnd, level};
use crate::check::{CheckId, FileReport};
use crate::document::Document;
use crate::lexicon::Lexicon;
use crate::triage::suppress::CHECKS;
use crate::triage::{fingerprint_fields, path_key, stable_hash};

/// The SARIF renderer.
pub(crate) struct Sarif<'a> {
    pub(crate) lex: &'a Lexicon,
    pub(crate) options: RenderOptions,
}

/// Depth of an element of `runs[0].results`.
const RESULT_DEPTH: usize = 4;

/// Depth of a value of `runs[0]`.
const RUN_DEPTH: usize = 3;

/// Where the project is published (Cargo.toml's `repository`), if it says.
const HOME: Option<&str> = option_env!("CARGO_PKG_REPOSITORY");

fn home() -> Option<&'static str> {
    HOME.filter(|h| !h.is_empty())
}

/// What a check is, for people: (name, short description, full description, help).
fn describe(check: CheckId) -> [&'static str; 4] {
    match check {
        CheckId::Conversion => [
            "ConversionMismatch",
            "A figure disagrees with its own conversion",
            "A figure and its conversion into another unit or currency (\"10 km (6 miles)\", \"€1bn ($1.2bn)\") do not agree: the conversion was computed with the unit factor, or the euro reference rate of the article's date, and the stated figure is outside what rounding and the rate tolerance allow.",
            "Recompute the conversion; the finding gives the figure it should be. Exchange rates are the ECB reference rates of the article's date (front matter `date:` or `--date`).",
        ],
        CheckId::Share => [
            "ShareMismatch",
            "A percentage disagrees with the counts it is a share of",
            "A percentage stated beside two counts (\"30 of 120 staff, or 25%\") is not the share those counts give, once rounding is allowed for.",
            "Recompute the share from the counts; the finding gives it.",
        ],
        CheckId::Change => [
            "ChangeMismatch",
            "A stated change disagrees with the levels it is between",
            "A change stated beside its two levels (\"rose from 40 to 52, a rise of 30%\", \"doubled from 5 to 12\") is not the change those levels give, or goes the other way, once rounding is allowed for.",
            "Recompute the change from the two levels; the finding gives it.",
        ],
        CheckId::Total => [
            "TotalMismatch",
            "Parts do not add up to their stated total",
            "Figures stated as the parts of a total (\"120 staff: 70 in London and 40 in Leeds\") do not sum to it, once rounding is allowed for.",
            "Make the parts and the total agree, or say what the rest is.",
        ],
        CheckId::LooseBound => [
            "LooseBound",
            "A bound that is true but far from the figure",
            "A figure given as a bound (\"more than 10,000\", \"up to 5%\") is true of the reference fact, but the fact is well past it: bound qualifiers are read tightly, as readers take them.",
            "State the figure, or a bound close to it; the finding gives the fact.",
        ],
        CheckId::Reference => [
            "ReferenceMismatch",
            "A figure disagrees with the reference data",
            "A figure was linked to a fact of the reference data (a fact table or country statistics) and is outside what the fact allows, once the figure's rounding and qualifiers (about, more than, up to) are allowed for. Claims with no fact are notes: they could not be checked.",
            "Check the figure against the fact and its source, named in the finding. If the article is right and the fact is out of date, correct the reference table; if the claim is about something else, silence it with a numcheck:ignore directive.",
        ],
        CheckId::Restated => [
            "RestatedMismatch",
            "The same quantity is stated twice with different values",
            "The article states the same quantity (the same thing counted or measured) twice, and the two figures do not agree.",
            "Make the two figures agree, or make clear they are about different things.",
        ],
    }
}

fn rules() -> Vec<ReportingDescriptor> {
    CHECKS
        .iter()
        .map(|&c| {
            let [name, short, full, help] = describe(c);
            let rule = ReportingDescriptor::builder()
                .id(c.as_str())
                .name(name)
                .short_description(MultiformatMessageString::builder().text(short).build())
                .full_description(MultiformatMessageString::builder().text(full).build())
                .help(
                    MultiformatMessageString::builder()
                        .text(help)
                        .markdown(format!("**{short}.** {help}"))
                        .build(),
                );
            match home() {
                Some(h) => rule
                    .help_uri(format!("{h}/blob/main/docs/ci.md#checks"))
                    .build(),
                None => rule.build(),
            }
        })
        .collect()
}

/// A document's name as a SARIF URI: relative paths percent-encoded, absolute ones as `file:`.
pub(crate) fn uri(name: &str) -> String {
    let key = path_key(name);
    let encoded: String = key
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    if key.starts_with('/') {
        format!("file://{encoded}")
    } else {
        encoded
    }
}

/// UTF-16 code units in a string.
fn u16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// UTF-16 code units from the start of a document's text (after a byte order mark) at the
/// byte offsets a file's results need, counted in one pass over the text: so the cost is the
/// document's length, however many results, wherever they are.
struct Utf16<'d> {
    doc: &'d Document,
    /// (byte offset, code units before it), sorted.
    at: Vec<(usize, usize)>,
}

impl<'d> Utf16<'d> {
    /// Counts the code units before each of `offsets` and before the start of their lines.
    fn new(doc: &'d Document, offsets: impl IntoIterator<Item = usize>) -> Self {
        let src = &doc.source;
        let body = if src.starts_with('\u{feff}') { 3 } else { 0 };
        let mut bytes: Vec<usize> = Vec::new();
        for at in offsets {
            bytes.push(at.min(src.len()));
            bytes.push(line_start(doc, at));
        }
        bytes.sort_unstable();
        bytes.dedup();
        let (mut byte, mut units) = (body, 0);
        let mut at = Vec::with_capacity(bytes.len());
        for b in bytes {
            let b = b.max(byte);
            if let Some(piece) = src.get(byte..b) {
                units += u16_len(piece);
                byte = b;
            }
            at.push((b, units));
        }
        Utf16 { doc, at }
    }

    /// Code units before byte `at` (from the start of the text, after a byte order mark).
    fn at(&self, at: usize) -> usize {
        let at = at.min(self.doc.source.len());
        match self.at.binary_search_by_key(&at, |&(b, _)| b) {
            Ok(i) => self.at[i].1,
            // an offset not counted (never asked for): count from the one before
            Err(i) => {
                let (b, u) = i.checked_sub(1).map_or((0, 0), |k| self.at[k]);
                u + self.doc.source.get(b..at).map_or(0, u16_len)
            }
        }
    }

    /// (line, column in UTF-16 code units, 1-based) of byte `at`.
    fn line_col(&self, at: usize) -> (usize, usize) {
        let (line, _) = self.doc.line_col(at);
        let start = line_start(self.doc, at);
        (line, self.at(at.max(start)) - self.at(start) + 1)
    }
}

/// The byte offset where the line holding byte `at` starts.
fn line_start(doc: &Document, at: usize) -> usize {
    let (line, _) = doc.line_col(at);
    let text = doc.line_text(line);
    text.as_ptr() as usize - doc.source.as_ptr() as usize
}

impl Sarif<'_> {
    fn result(
        &self,
        f: &Finding,
        cursor: &Utf16,
        seen: &mut HashMap<String, usize>,
    ) -> sarif::Result {
        let (r, v) = (f.file, f.verdict);
        let c = &r.claims[v.claim];
        let prose = explain(r, v, self.lex);
        let (start_line, start_col) = cursor.line_col(c.span.start);
        let (end_line, end_col) = cursor.line_col(c.span.end);
        let offset = cursor.at(c.span.start);
        let length = cursor.at(c.span.end) - offset;
        let region = Region::builder()
            .start_line(start_line as i64)
            .start_column(start_col as i64)
            .end_line(end_line as i64)
            .end_column(end_col as i64)
            .char_offset(offset as i64)
            .char_length(length as i64)
            .build();
        let location = Location::builder()
            .physical_location(
                PhysicalLocation::builder()
                    .artifact_location(ArtifactLocation::builder().uri(uri(&r.doc.name)).build())
                    .region(region)
                    .build(),
            )
            .build();
        let fields = fingerprint_fields(&path_key(&r.doc.name), r, v);
        let key = stable_hash(&fields.each_ref().map(String::as_str));
        let n = seen.entry(key.clone()).or_default();
        *n += 1;
        let fingerprint = stable_hash(&[&key, &n.to_string()]);
        let mut properties = BTreeMap::new();
        properties.insert("verdict".to_string(), json!(v.kind.as_str()));
        if let Some(s) = &prose.suggestion {
            properties.insert("suggestion".to_string(), json!(s));
        }
        let result = sarif::Result::builder()
            .rule_id(v.check().as_str())
            .level(match f.level {
                Level::Error => ResultLevel::Error,
                Level::Warning => ResultLevel::Warning,
                Level::Note => ResultLevel::Note,
            })
            .message(Message::builder().text(prose.summary).build())
            .locations(vec![location])
            .partial_fingerprints(BTreeMap::from([("numcheck/v1".to_string(), fingerprint)]))
            .properties(
                sarif::PropertyBag::builder()
                    .additional_properties(properties)
                    .build(),
            );
        match &v.suppressed {
            Some(s) => result
                .suppressions(vec![
                    sarif::Suppression::builder()
                        .kind(json!(if s.in_source() {
                            "inSource"
                        } else {
                            "external"
                        }))
                        .justification(s.describe())
                        .build(),
                ])
                .build(),
            None => result.build(),
        }
    }

    /// Unreadable inputs (errors) and notes about the run, as notifications.
    fn invocation(&self, end: &RunEnd) -> Invocation {
        let mut notes: Vec<Notification> = end
            .unreadable
            .iter()
            .map(|e| {
                Notification::builder()
                    .message(Message::builder().text(e.clone()).build())
                    .level(json!("error"))
                    .build()
            })
            .collect();
        notes.extend(end.notes.iter().map(|n| {
            Notification::builder()
                .message(Message::builder().text(n.to_string()).build())
                .level(json!("note"))
                .build()
        }));
        let inv = Invocation::builder().execution_successful(end.unreadable.is_empty());
        if notes.is_empty() {
            inv.build()
        } else {
            inv.tool_execution_notifications(notes).build()
        }
    }
}

/// Every finding of a file at a level shown, silenced ones included (marked with
/// `suppressions`).
fn file_findings<'r>(r: &'r FileReport<'r>, options: &RenderOptions) -> Vec<Finding<'r>> {
    r.verdicts
        .iter()
        .filter_map(|v| {
            let level = level(v)?;
            options.lists(level).then_some(Finding {
                file: r,
                verdict: v,
                level,
            })
        })
        .collect()
}

impl Renderer for Sarif<'_> {
    fn check_start(&self, out: &mut dyn Write, _unreadable: &[String]) -> io::Result<()> {
        out.write_all(b"{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"runs\": [\n    {\n      \"columnKind\": \"utf16CodeUnits\",\n      \"results\": [")
    }

    fn check_part(&self, out: &mut dyn Write, _section: usize, r: &FileReport) -> io::Result<()> {
        let findings = file_findings(r, &self.options);
        let spans = findings.iter().map(|f| r.claims[f.verdict.claim].span);
        let cursor = Utf16::new(r.doc, spans.flat_map(|s| [s.start, s.end]));
        let mut seen = HashMap::new();
        for (i, f) in findings.iter().enumerate() {
            if i > 0 {
                out.write_all(b",\n")?;
            }
            write_indent(out, RESULT_DEPTH)?;
            write_at(out, RESULT_DEPTH, &self.result(f, &cursor, &mut seen))?;
        }
        Ok(())
    }

    fn separator(&self, first: bool) -> &'static str {
        if first { "\n" } else { ",\n" }
    }

    fn check_end(&self, out: &mut dyn Write, end: &RunEnd, _held: &[Vec<u8>]) -> io::Result<()> {
        out.write_all(if end.parts > 0 { b"\n      ]" } else { b"]" })?;
        out.write_all(b",\n      \"invocations\": ")?;
        write_at(out, RUN_DEPTH, &[self.invocation(end)])?;
        let driver = ToolComponent::builder()
            .name("numcheck")
            .semantic_version(env!("CARGO_PKG_VERSION"))
            .rules(rules());
        let driver = match home() {
            Some(h) => driver.information_uri(h).build(),
            None => driver.build(),
        };
        out.write_all(b",\n      \"tool\": ")?;
        write_at(out, RUN_DEPTH, &Tool::builder().driver(driver).build())?;
        out.write_all(b"\n    }\n  ],\n  \"version\": \"2.1.0\"\n}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    #[test]
    fn columns_and_offsets_count_utf16_code_units() {
        let doc = Document::from_text("a.md", "£5 “x” 😀 and 7\nnext 9".into(), Format::Text);
        let seven = doc.source.find('7').unwrap();
        let nine = doc.source.find('9').unwrap();
        let cur = Utf16::new(&doc, [nine, seven]);
        // £ (1 unit), quotes (1 each), the emoji (2 units)
        assert_eq!(cur.line_col(seven), (1, 15));
        assert_eq!(cur.at(seven), 14);
        assert_eq!(cur.line_col(nine), (2, 6));
        assert_eq!(cur.at(nine), 21);
        // an offset not asked for is counted from the one before
        let x = doc.source.find('x').unwrap();
        assert_eq!(cur.at(x), 4);
        assert_eq!(cur.line_col(x), (1, 5));
    }

    #[test]
    fn uris_are_percent_encoded_and_absolute_paths_are_file_uris() {
        assert_eq!(uri("./news/a b.md"), "news/a%20b.md");
        assert_eq!(uri("/srv/é.md"), "file:///srv/%C3%A9.md");
    }
}
