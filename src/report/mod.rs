//! Stage 6: rendering. One renderer per format; each returns a `String` (the library never
//! prints). JSON output is versioned by [`SCHEMA_VERSION`] and documented in `docs/json-schema.md`.

use std::fmt::Write as _;

use serde::Serialize;
use serde_json::{Value, json};

mod explain;

pub use explain::{Prose, explain, link_label};

use crate::check::{FileReport, Severity, Verdict, VerdictKind};
use crate::document::Document;
use crate::extract::Span;
use crate::lexicon::Lexicon;
use crate::normalise::{Claim, fmt_num};

/// Version of the JSON and JSON-lines output schema.
pub const SCHEMA_VERSION: u32 = 1;

/// The result of reading one input: a document and its claims, or an error.
pub struct Extracted<'a> {
    pub doc: &'a Document,
    pub claims: &'a [Claim],
}

#[derive(Serialize)]
struct SpanJson {
    start: usize,
    end: usize,
}

impl From<Span> for SpanJson {
    fn from(s: Span) -> Self {
        SpanJson {
            start: s.start,
            end: s.end,
        }
    }
}

/// A decimal as JSON: a string with no trailing zeros.
#[derive(Clone, Copy)]
pub struct DecStr(pub rust_decimal::Decimal);

impl Serialize for DecStr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.normalize())
    }
}

/// The unit of a claim as JSON.
#[derive(Serialize)]
pub struct UnitOut<'a> {
    code: &'a str,
    name: &'a str,
    dimension: &'a str,
    si_unit: &'a str,
    si_factor: DecStr,
}

/// One claim as JSON (schema in `docs/json-schema.md`).
#[derive(Serialize)]
pub struct ClaimOut<'a> {
    text: &'a str,
    span: SpanJson,
    line: usize,
    column: usize,
    kind: &'static str,
    value: Option<DecStr>,
    value_high: Option<DecStr>,
    precision: DecStr,
    qualifier: &'static str,
    interval: Option<crate::normalise::Interval>,
    unit: Option<UnitOut<'a>>,
    per: Option<&'a str>,
    dimension: &'a str,
    si_value: Option<DecStr>,
    unit_note: Option<&'a str>,
    counted: Option<&'a str>,
    counted_phrase: Option<&'a str>,
    direction: Option<crate::lexicon::Direction>,
    vague: bool,
    sentence: SpanJson,
    problem: Option<&'a str>,
}

/// The JSON form of a claim.
pub fn claim_out<'a>(c: &'a Claim, lex: &'a Lexicon) -> ClaimOut<'a> {
    ClaimOut {
        text: &c.text,
        span: SpanJson::from(c.span),
        line: c.line,
        column: c.column,
        kind: c.reading.kind.as_str(),
        value: c.reading.value.map(DecStr),
        value_high: c.reading.value_high.map(DecStr),
        precision: DecStr(c.reading.precision),
        qualifier: c.reading.qualifier.as_str(),
        interval: c.interval,
        unit: c.reading.unit.map(|u| {
            let u = lex.unit(u);
            UnitOut {
                code: &u.code,
                name: &u.name,
                dimension: &u.dimension,
                si_unit: &u.si_unit,
                si_factor: DecStr(u.si_factor),
            }
        }),
        per: c.reading.per.as_deref(),
        dimension: c.dimension(lex),
        si_value: c.si_value.map(DecStr),
        unit_note: c.reading.unit_note.as_deref(),
        counted: c.reading.counted.as_deref(),
        counted_phrase: c.reading.counted_phrase.as_deref(),
        direction: c.reading.direction,
        vague: c.reading.vague,
        sentence: SpanJson::from(c.sentence),
        problem: c.reading.problem.as_deref(),
    }
}

/// One claim as a JSON value.
pub fn claim_json(c: &Claim, lex: &Lexicon) -> Value {
    serde_json::to_value(claim_out(c, lex)).unwrap_or(Value::Null)
}

#[derive(Serialize)]
struct LineOut<'a, T: Serialize> {
    schema_version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    path: &'a str,
    format: crate::document::Format,
    date: Option<String>,
    #[serde(flatten)]
    body: T,
}

#[derive(Serialize)]
struct ClaimsBody<'a> {
    claims: Vec<ClaimOut<'a>>,
}

#[derive(Serialize)]
struct VerdictsBody<'a> {
    verdicts: Vec<VerdictOut<'a>>,
}

#[derive(Serialize)]
struct FactOut<'a> {
    id: &'a str,
    entity: &'a str,
    measure: &'a str,
    value: &'a str,
    unit: &'a str,
    as_of: Option<String>,
    source: &'a str,
}

#[derive(Serialize)]
struct GapOut {
    absolute: DecStr,
    relative: Option<DecStr>,
}

/// One verdict as JSON (schema in `docs/json-schema.md`).
#[derive(Serialize)]
pub struct VerdictOut<'a> {
    claim: ClaimOut<'a>,
    verdict: &'static str,
    severity: Option<&'static str>,
    summary: String,
    explanation: Vec<String>,
    fact: Option<FactOut<'a>>,
    other_facts: &'a [String],
    linked_by: Vec<String>,
    expected: Option<String>,
    gap: Option<GapOut>,
    suggestion: Option<String>,
    check: Option<&'static str>,
    suppressed: bool,
}

fn verdict_out<'a>(r: &'a FileReport, v: &'a Verdict, lex: &'a Lexicon) -> VerdictOut<'a> {
    let prose = explain(r, v, lex);
    VerdictOut {
        claim: claim_out(&r.claims[v.claim], lex),
        verdict: v.kind.as_str(),
        severity: v.severity.map(|s| s.as_str()),
        summary: prose.summary,
        explanation: prose.explanation,
        fact: v.fact.as_ref().map(|f| FactOut {
            id: &f.id,
            entity: &f.entity,
            measure: &f.measure,
            value: &f.value_text,
            unit: if f.unit_text.is_empty() {
                f.counted.as_deref().unwrap_or_default()
            } else {
                &f.unit_text
            },
            as_of: f.as_of.map(|d| d.to_string()),
            source: &f.source,
        }),
        other_facts: &v.other_facts,
        linked_by: v.linked_by.iter().map(link_label).collect(),
        expected: v.expected.map(|i| i.display()),
        gap: v.gap.as_ref().map(|g| GapOut {
            absolute: DecStr(g.absolute),
            relative: g.relative.map(|x| DecStr(x.round_dp(4))),
        }),
        suggestion: prose.suggestion,
        check: Some(v.check().as_str()),
        suppressed: v.suppressed,
    }
}

fn doc_header(doc: &Document) -> serde_json::Map<String, Value> {
    let mut m = serde_json::Map::new();
    m.insert("path".into(), json!(doc.name));
    m.insert("format".into(), json!(doc.format));
    m.insert("date".into(), json!(doc.date.map(|d| d.to_string())));
    m
}

/// `extract --format json`: one document with every file.
pub fn extract_json(files: &[Extracted], errors: &[String], lex: &Lexicon) -> String {
    let files: Vec<Value> = files
        .iter()
        .map(|f| {
            let mut m = doc_header(f.doc);
            m.insert(
                "claims".into(),
                Value::Array(f.claims.iter().map(|c| claim_json(c, lex)).collect()),
            );
            Value::Object(m)
        })
        .collect();
    let out = json!({
        "schema_version": SCHEMA_VERSION,
        "tool": "numcheck",
        "command": "extract",
        "files": files,
        "errors": errors,
    });
    serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
}

/// `extract --format jsonl`: one line per file.
pub fn extract_jsonl_line(f: &Extracted, lex: &Lexicon, id: Option<&Value>) -> String {
    json_line(
        f.doc,
        id,
        ClaimsBody {
            claims: f.claims.iter().map(|c| claim_out(c, lex)).collect(),
        },
    )
}

/// One JSON line: the article's header fields, then `body`'s fields.
fn json_line<T: Serialize>(doc: &Document, id: Option<&Value>, body: T) -> String {
    let line = LineOut {
        schema_version: SCHEMA_VERSION,
        id,
        path: &doc.name,
        format: doc.format,
        date: doc.date.map(|d| d.to_string()),
        body,
    };
    serde_json::to_string(&line).unwrap_or_default() + "\n"
}

fn oneline(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A short description of what a claim states: "USD 1,200,000,000", "14,000 troop".
pub fn describe_value(c: &Claim, lex: &Lexicon) -> String {
    let v = match (c.reading.value, c.reading.value_high) {
        (Some(a), Some(b)) => format!("{}–{}", fmt_num(a), fmt_num(b)),
        (Some(a), None) => fmt_num(a),
        _ => "(unrepresentable)".into(),
    };
    let unit = match c.reading.unit {
        Some(u) => {
            let u = lex.unit(u);
            match u.kind {
                crate::lexicon::UnitKind::Currency => return format!("{} {v}{}", u.code, per(c)),
                crate::lexicon::UnitKind::Percent => return format!("{v}%{}", per(c)),
                _ => u.code.clone(),
            }
        }
        None => c.reading.counted.clone().unwrap_or_default(),
    };
    if unit.is_empty() {
        v
    } else {
        format!("{v} {unit}{}", per(c))
    }
}

fn per(c: &Claim) -> String {
    c.reading
        .per
        .as_ref()
        .map(|p| format!(" per {p}"))
        .unwrap_or_default()
}

/// `extract --format text`: one aligned row per claim.
pub fn extract_text(files: &[Extracted], lex: &Lexicon) -> String {
    let mut out = String::new();
    for f in files {
        let rows: Vec<[String; 5]> = f
            .claims
            .iter()
            .map(|c| {
                [
                    format!("{}:{}:{}", f.doc.name, c.line, c.column),
                    c.reading.kind.as_str().to_string(),
                    describe_value(c, lex),
                    c.reading.qualifier.as_str().to_string(),
                    format!(
                        "{}  {}",
                        oneline(&c.text),
                        c.interval.map(|i| i.display()).unwrap_or_default()
                    ),
                ]
            })
            .collect();
        let mut widths = [0usize; 4];
        for r in &rows {
            for k in 0..4 {
                widths[k] = widths[k].max(r[k].chars().count());
            }
        }
        for r in &rows {
            let _ = writeln!(
                out,
                "{:w0$}  {:w1$}  {:w2$}  {:w3$}  {}",
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                w0 = widths[0],
                w1 = widths[1],
                w2 = widths[2],
                w3 = widths[3]
            );
        }
        let n = f.claims.len();
        let _ = writeln!(
            out,
            "{}: {n} claim{}",
            f.doc.name,
            if n == 1 { "" } else { "s" }
        );
    }
    out
}

// ---------------------------------------------------------------------------------------------
// check reports
// ---------------------------------------------------------------------------------------------

/// Options shared by the check renderers.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// ANSI colour (only on a terminal and never with NO_COLOR; decided by the binary).
    pub color: bool,
    /// Show consistent claims too, not only findings.
    pub show_all: bool,
}

fn paint(on: bool, code: &str, s: &str) -> String {
    if on {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

fn verdict_color(v: &Verdict) -> &'static str {
    match v.kind {
        VerdictKind::Inconsistent => "1;31",
        VerdictKind::Ambiguous | VerdictKind::Unverifiable => "1;33",
        VerdictKind::Consistent | VerdictKind::ConsistentByRounding => "1;32",
    }
}

/// Label for a verdict: "inconsistent (gross)", "consistent by rounding".
pub fn verdict_label(v: &Verdict) -> String {
    match (v.kind, v.severity) {
        (VerdictKind::Inconsistent, Some(Severity::Gross)) => "inconsistent (gross)".into(),
        (VerdictKind::Inconsistent, _) => "inconsistent".into(),
        (k, _) => k.as_str().replace('_', " "),
    }
}

/// `check --format text`: rustc-style findings with the source line and a caret.
pub fn check_text(reports: &[FileReport], lex: &Lexicon, opts: RenderOptions) -> String {
    let mut out = String::new();
    let mut totals = Totals::default();
    for r in reports {
        totals.add(r);
        for v in &r.verdicts {
            if !opts.show_all && matches!(v.kind, VerdictKind::Consistent) {
                continue;
            }
            let c = &r.claims[v.claim];
            let prose = explain(r, v, lex);
            let label = verdict_label(v);
            let _ = writeln!(
                out,
                "{}: {}",
                paint(opts.color, verdict_color(v), &label),
                paint(opts.color, "1", &prose.summary)
            );
            let _ = writeln!(out, "  --> {}:{}:{}", r.doc.name, c.line, c.column);
            // the source line(s) with the claim underlined
            let (end_line, end_col) = r.doc.line_col(c.span.end);
            let gutter = format!("{}", end_line).len();
            let _ = writeln!(out, "{:gutter$} |", "");
            for line_no in c.line..=end_line {
                let text = r.doc.line_text(line_no);
                let from = if line_no == c.line { c.column } else { 1 };
                let to = if line_no == end_line {
                    end_col
                } else {
                    text.chars().count() + 1
                };
                // long lines (one-line dumps) show a window around the claim
                let (shown, offset) = line_window(text, from, to);
                let _ = writeln!(out, "{line_no:>gutter$} | {}", shown.trim_end());
                if to > from {
                    let _ = writeln!(
                        out,
                        "{:gutter$} | {}{}",
                        "",
                        " ".repeat(from - 1 - offset),
                        paint(
                            opts.color,
                            verdict_color(v),
                            &"^".repeat((to - from).min(WINDOW))
                        )
                    );
                }
            }
            for note in &prose.explanation {
                let _ = writeln!(out, "{:gutter$} = {}", "", note);
            }
            let _ = writeln!(out);
        }
    }
    let _ = writeln!(out, "{}", totals.summary_line());
    out
}

/// Widest source excerpt a text finding shows, in characters.
const WINDOW: usize = 160;

/// The part of a source line to show for a claim in columns `from..to` (1-based characters),
/// and how many characters were cut from the start ("…" included).
fn line_window(text: &str, from: usize, to: usize) -> (String, usize) {
    let n = text.chars().count();
    if n <= WINDOW {
        return (text.to_string(), 0);
    }
    let start = from.saturating_sub(1).saturating_sub(40);
    let end = (to.saturating_sub(1) + 40)
        .min(n)
        .max(start + 1)
        .min(start + WINDOW);
    let body: String = text.chars().skip(start).take(end - start).collect();
    if start == 0 {
        (format!("{body}…"), 0)
    } else {
        // the ellipsis takes one column, so the caret shifts by start - 1
        (
            format!("…{body}{}", if end < n { "…" } else { "" }),
            start - 1,
        )
    }
}

/// Counts of verdicts over a run.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Totals {
    pub files: usize,
    pub claims: usize,
    pub consistent: usize,
    pub consistent_by_rounding: usize,
    pub inconsistent: usize,
    pub unverifiable: usize,
    pub ambiguous: usize,
}

impl Totals {
    /// Adds one file's verdicts.
    pub fn add(&mut self, r: &FileReport) {
        self.files += 1;
        self.claims += r.claims.len();
        for v in &r.verdicts {
            match v.kind {
                VerdictKind::Consistent => self.consistent += 1,
                VerdictKind::ConsistentByRounding => self.consistent_by_rounding += 1,
                VerdictKind::Inconsistent => self.inconsistent += 1,
                VerdictKind::Unverifiable => self.unverifiable += 1,
                VerdictKind::Ambiguous => self.ambiguous += 1,
            }
        }
    }

    /// "2 files, 18 claims: 12 consistent (1 by rounding), 2 inconsistent, 4 unverifiable".
    pub fn summary_line(&self) -> String {
        format!(
            "{} file{}, {} claim{}: {} consistent ({} by rounding), {} inconsistent, {} unverifiable, {} ambiguous",
            self.files,
            if self.files == 1 { "" } else { "s" },
            self.claims,
            if self.claims == 1 { "" } else { "s" },
            self.consistent + self.consistent_by_rounding,
            self.consistent_by_rounding,
            self.inconsistent,
            self.unverifiable,
            self.ambiguous
        )
    }
}

fn verdict_json(r: &FileReport, v: &Verdict, lex: &Lexicon) -> Value {
    serde_json::to_value(verdict_out(r, v, lex)).unwrap_or(Value::Null)
}

/// `check --format json`: every claim with its verdict (schema in `docs/json-schema.md`).
pub fn check_json(reports: &[FileReport], errors: &[String], lex: &Lexicon) -> String {
    let mut totals = Totals::default();
    let files: Vec<Value> = reports
        .iter()
        .map(|r| {
            totals.add(r);
            let mut m = doc_header(r.doc);
            m.insert(
                "verdicts".into(),
                Value::Array(r.verdicts.iter().map(|v| verdict_json(r, v, lex)).collect()),
            );
            Value::Object(m)
        })
        .collect();
    let out = json!({
        "schema_version": SCHEMA_VERSION,
        "tool": "numcheck",
        "command": "check",
        "summary": totals,
        "files": files,
        "errors": errors,
    });
    serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
}

/// `check --format jsonl` / stream mode: one line per article.
pub fn check_jsonl_line(r: &FileReport, lex: &Lexicon, id: Option<&Value>) -> String {
    json_line(
        r.doc,
        id,
        VerdictsBody {
            verdicts: r.verdicts.iter().map(|v| verdict_out(r, v, lex)).collect(),
        },
    )
}

fn md_escape(s: &str) -> String {
    oneline(s).replace('|', "\\|")
}

/// `check --format markdown`: a discrepancy report to paste into a ticket.
pub fn check_markdown(reports: &[FileReport], lex: &Lexicon) -> String {
    let mut totals = Totals::default();
    for r in reports {
        totals.add(r);
    }
    let mut out = String::new();
    let _ = writeln!(out, "# numcheck discrepancy report\n");
    let _ = writeln!(
        out,
        "| files | claims | consistent | by rounding | inconsistent | unverifiable | ambiguous |"
    );
    let _ = writeln!(out, "|---:|---:|---:|---:|---:|---:|---:|");
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} |\n",
        totals.files,
        totals.claims,
        totals.consistent + totals.consistent_by_rounding,
        totals.consistent_by_rounding,
        totals.inconsistent,
        totals.unverifiable,
        totals.ambiguous
    );
    let discrepancies: Vec<(&FileReport, &Verdict)> = reports
        .iter()
        .flat_map(|r| r.verdicts.iter().map(move |v| (r, v)))
        .filter(|(_, v)| matches!(v.kind, VerdictKind::Inconsistent | VerdictKind::Ambiguous))
        .collect();
    if discrepancies.is_empty() {
        let _ = writeln!(out, "No discrepancies found.");
    } else {
        let _ = writeln!(out, "## Discrepancies\n");
        let _ = writeln!(
            out,
            "| where | claim as written | verdict | reference | source | suggested correction |"
        );
        let _ = writeln!(out, "|---|---|---|---|---|---|");
        for (r, v) in discrepancies {
            let c = &r.claims[v.claim];
            let prose = explain(r, v, lex);
            let (fact, source) = match &v.fact {
                Some(f) => {
                    let value = rust_decimal::Decimal::from_str_exact(&f.value_text)
                        .map(fmt_num)
                        .unwrap_or_else(|_| f.value_text.clone());
                    let unit = if f.unit_text.is_empty() {
                        f.counted.clone().unwrap_or_default()
                    } else {
                        f.unit_text.clone()
                    };
                    (
                        format!("{} {}: {} {}", f.entity, f.measure, value, unit),
                        f.source.clone(),
                    )
                }
                None => (
                    v.check().as_str().to_string(),
                    prose.source_note.clone().unwrap_or_default(),
                ),
            };
            let _ = writeln!(
                out,
                "| {}:{}:{} | {} | {} — {} | {} | {} | {} |",
                md_escape(&r.doc.name),
                c.line,
                c.column,
                md_escape(&c.text),
                verdict_label(v),
                md_escape(&prose.summary),
                md_escape(&fact),
                md_escape(&source),
                md_escape(prose.suggestion.as_deref().unwrap_or("—"))
            );
        }
    }
    let unverifiable: Vec<(&FileReport, &Verdict)> = reports
        .iter()
        .flat_map(|r| r.verdicts.iter().map(move |v| (r, v)))
        .filter(|(_, v)| v.kind == VerdictKind::Unverifiable)
        .collect();
    if !unverifiable.is_empty() {
        let _ = writeln!(out, "\n## Could not be checked\n");
        let _ = writeln!(out, "| where | claim as written | reads as | why |");
        let _ = writeln!(out, "|---|---|---|---|");
        for (r, v) in unverifiable {
            let c = &r.claims[v.claim];
            let _ = writeln!(
                out,
                "| {}:{}:{} | {} | {} | {} |",
                md_escape(&r.doc.name),
                c.line,
                c.column,
                md_escape(&c.text),
                md_escape(&describe_value(c, lex)),
                md_escape(&explain(r, v, lex).summary)
            );
        }
    }
    out
}

/// `check --format sarif`: SARIF 2.1.0 for code-review tools.
pub fn check_sarif(reports: &[FileReport], lex: &Lexicon) -> String {
    let mut results = Vec::new();
    for r in reports {
        for v in &r.verdicts {
            if matches!(
                v.kind,
                VerdictKind::Consistent | VerdictKind::ConsistentByRounding
            ) {
                continue;
            }
            let c = &r.claims[v.claim];
            let prose = explain(r, v, lex);
            let (end_line, end_col) = r.doc.line_col(c.span.end);
            let level = match v.kind {
                VerdictKind::Inconsistent => "error",
                VerdictKind::Ambiguous => "warning",
                _ => "note",
            };
            results.push(json!({
                "ruleId": v.kind.as_str(),
                "level": level,
                "message": {"text": format!("{}: {}", prose.summary, prose.explanation.join(" "))},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": r.doc.name},
                    "region": {"startLine": c.line, "startColumn": c.column, "endLine": end_line, "endColumn": end_col,
                               "charOffset": c.span.start, "charLength": c.span.end - c.span.start}
                }}],
            }));
        }
    }
    let out = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "numcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": [
                    {"id": "inconsistent", "shortDescription": {"text": "A figure disagrees with the reference or with itself"}},
                    {"id": "ambiguous", "shortDescription": {"text": "Two reference facts fit the figure equally"}},
                    {"id": "unverifiable", "shortDescription": {"text": "No reference fact for the figure"}},
                ]
            }},
            "results": results,
        }]
    });
    serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `check --format html`: a self-contained page with each article highlighted.
pub fn check_html(reports: &[FileReport], lex: &Lexicon) -> String {
    let mut totals = Totals::default();
    let mut body = String::new();
    for r in reports {
        totals.add(r);
        let _ = writeln!(
            body,
            "<section><h2>{}</h2><pre class=\"article\">",
            html_escape(&r.doc.name)
        );
        let prose: Vec<Prose> = r.verdicts.iter().map(|v| explain(r, v, lex)).collect();
        let mut marks: Vec<(usize, usize, &Verdict, &Prose)> = r
            .verdicts
            .iter()
            .zip(&prose)
            .map(|(v, p)| {
                (
                    r.claims[v.claim].span.start,
                    r.claims[v.claim].span.end,
                    v,
                    p,
                )
            })
            .collect();
        marks.sort_by_key(|m| m.0);
        let src = &r.doc.source;
        let mut pos = 0;
        for (s, e, v, p) in marks {
            if s < pos || e > src.len() || !src.is_char_boundary(s) || !src.is_char_boundary(e) {
                continue;
            }
            body.push_str(&html_escape(&src[pos..s]));
            let _ = write!(
                body,
                "<mark class=\"{}\" title=\"{}\">{}</mark>",
                v.kind.as_str(),
                html_escape(&format!(
                    "{}: {} {}",
                    verdict_label(v),
                    p.summary,
                    p.explanation.join(" ")
                )),
                html_escape(&src[s..e])
            );
            pos = e;
        }
        body.push_str(&html_escape(&src[pos..]));
        let _ = writeln!(body, "</pre><ol class=\"findings\">");
        for (v, p) in r.verdicts.iter().zip(&prose) {
            if v.kind == VerdictKind::Consistent {
                continue;
            }
            let c = &r.claims[v.claim];
            let _ = writeln!(
                body,
                "<li class=\"{}\"><b>{}</b> line {}: “{}” — {}<br><small>{}</small></li>",
                v.kind.as_str(),
                html_escape(&verdict_label(v)),
                c.line,
                html_escape(&oneline(&c.text)),
                html_escape(&p.summary),
                html_escape(&p.explanation.join(" "))
            );
        }
        let _ = writeln!(body, "</ol></section>");
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>numcheck report</title>\n<style>\nbody{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}\npre.article{{white-space:pre-wrap;line-height:1.5;background:#fafafa;padding:1rem;border:1px solid #ddd}}\nmark.consistent{{background:#d4f7d4}} mark.consistent_by_rounding{{background:#e8f7c8}}\nmark.inconsistent{{background:#ffc9c9}} mark.unverifiable{{background:#eee}} mark.ambiguous{{background:#ffe8a3}}\nli.inconsistent b{{color:#b00}}\n</style></head><body>\n<h1>numcheck report</h1>\n<p>{}</p>\n{}</body></html>\n",
        html_escape(&totals.summary_line()),
        body
    )
}
