//! The JSON model of claims and verdicts (schema in `docs/json-schema.md`), shared by the JSON
//! and JSON-lines renderers.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::Value;

use super::SCHEMA_VERSION;
use super::explain::words::fact_unit;
use super::explain::{explain, link_label};
use crate::check::{FileReport, Frame, Verdict};
use crate::claim::{Claim, Direction, Interval, Span};
use crate::document::{Document, Format};
use crate::lexicon::Lexicon;
use crate::triage::Suppression;

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
struct DecStr(rust_decimal::Decimal);

impl Serialize for DecStr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0.normalize())
    }
}

/// The unit of a claim as JSON.
#[derive(Serialize)]
struct UnitOut<'a> {
    code: &'a str,
    name: &'a str,
    dimension: &'a str,
    si_unit: &'a str,
    si_factor: DecStr,
}

/// One claim as JSON.
#[derive(Serialize)]
pub(crate) struct ClaimOut<'a> {
    text: &'a str,
    span: SpanJson,
    line: usize,
    column: usize,
    kind: &'static str,
    value: Option<DecStr>,
    value_high: Option<DecStr>,
    precision: DecStr,
    qualifier: &'static str,
    interval: Option<Interval>,
    unit: Option<UnitOut<'a>>,
    per: Option<&'a str>,
    dimension: &'a str,
    si_value: Option<DecStr>,
    unit_note: Option<&'a str>,
    counted: Option<&'a str>,
    counted_phrase: Option<&'a str>,
    direction: Option<Direction>,
    vague: bool,
    sentence: SpanJson,
    problem: Option<&'a str>,
}

/// The JSON form of a claim.
pub(crate) fn claim_out<'a>(c: &'a Claim, lex: &'a Lexicon) -> ClaimOut<'a> {
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
pub(crate) fn claim_json(c: &Claim, lex: &Lexicon) -> Value {
    serde_json::to_value(claim_out(c, lex)).unwrap_or(Value::Null)
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
    /// Which statistic the fact is (facts from the statistics tables only).
    #[serde(skip_serializing_if = "Option::is_none")]
    statistic: Option<&'a crate::reference::StatisticRef>,
    tolerance: Option<String>,
}

#[derive(Serialize)]
struct GapOut {
    absolute: DecStr,
    relative: Option<DecStr>,
}

/// One verdict as JSON, its English written from the evidence.
#[derive(Serialize)]
pub(crate) struct VerdictOut<'a> {
    claim: ClaimOut<'a>,
    verdict: &'static str,
    severity: Option<&'static str>,
    summary: String,
    explanation: Vec<String>,
    details: Vec<String>,
    frames: &'a [Frame],
    fact: Option<FactOut<'a>>,
    other_facts: &'a [String],
    linked_by: Vec<String>,
    expected: Option<String>,
    gap: Option<GapOut>,
    suggestion: Option<String>,
    check: Option<&'static str>,
    suppressed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    suppression: Option<&'a Suppression>,
}

/// The JSON form of a verdict.
pub(crate) fn verdict_out<'a>(
    r: &'a FileReport,
    v: &'a Verdict,
    lex: &'a Lexicon,
) -> VerdictOut<'a> {
    let prose = explain(r, v, lex);
    VerdictOut {
        claim: claim_out(&r.claims[v.claim], lex),
        verdict: v.kind.as_str(),
        severity: v.severity.map(|s| s.as_str()),
        summary: prose.summary,
        explanation: prose.explanation,
        details: prose.details,
        frames: &v.frames,
        fact: v.fact.as_ref().map(|f| FactOut {
            id: &f.id,
            entity: &f.entity,
            measure: &f.measure,
            value: &f.value_text,
            unit: fact_unit(f),
            as_of: f.as_of.map(|d| d.to_string()),
            source: &f.source,
            statistic: f.statistic.as_ref(),
            tolerance: f.tolerance.map(|t| t.to_string()),
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
        suppressed: v.suppressed.is_some(),
        suppression: v.suppressed.as_ref(),
    }
}

/// One verdict as a JSON value.
pub(crate) fn verdict_json(r: &FileReport, v: &Verdict, lex: &Lexicon) -> Value {
    serde_json::to_value(verdict_out(r, v, lex)).unwrap_or(Value::Null)
}

#[derive(Serialize)]
struct LineOut<'a, T: Serialize> {
    schema_version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    path: &'a str,
    format: Format,
    date: Option<String>,
    #[serde(flatten)]
    body: T,
}

/// Claims serialised one at a time (never all held at once).
pub(crate) struct ClaimsOut<'a> {
    pub(crate) claims: &'a [Claim],
    pub(crate) lex: &'a Lexicon,
}

impl Serialize for ClaimsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.claims.iter().map(|c| claim_out(c, self.lex)))
    }
}

/// The verdicts of a file serialised one at a time, each with its English.
pub(crate) struct VerdictsOut<'a> {
    pub(crate) report: &'a FileReport<'a>,
    pub(crate) lex: &'a Lexicon,
}

impl Serialize for VerdictsOut<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.report;
        s.collect_seq(r.verdicts.iter().map(|v| verdict_out(r, v, self.lex)))
    }
}

/// The claims of a JSON line.
#[derive(Serialize)]
pub(crate) struct ClaimsBody<'a> {
    pub(crate) claims: ClaimsOut<'a>,
}

/// The verdicts of a JSON line.
#[derive(Serialize)]
pub(crate) struct VerdictsBody<'a> {
    pub(crate) verdicts: VerdictsOut<'a>,
}

/// Writes one JSON line: the article's header fields, then `body`'s fields.
pub(crate) fn write_line<T: Serialize>(
    out: &mut dyn Write,
    doc: &Document,
    id: Option<&Value>,
    body: T,
) -> io::Result<()> {
    let line = LineOut {
        schema_version: SCHEMA_VERSION,
        id,
        path: &doc.name,
        format: doc.format,
        date: doc.date.map(|d| d.to_string()),
        body,
    };
    serde_json::to_writer(&mut *out, &line)?;
    out.write_all(b"\n")
}
