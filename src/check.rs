//! Stage 5: verdicts. Each claim is linked to the reference fact it speaks of (by the words of
//! its sentence against the fact's entity, measure and aliases, its dimension and time), and
//! its interval is compared with the fact after converting units and currencies. Internal
//! checks need no fact: parenthetical conversions, shares that must add up, and the same
//! quantity stated twice.

use std::str::FromStr;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rustc_hash::FxHashMap;

use crate::document::{Date, Document};
use crate::extract::{ClaimKind, singularise};
use crate::lexicon::{Lexicon, Qualifier, UnitId, UnitKind};
use crate::normalise::{Claim, Interval, Tolerances, fmt_num};
use crate::reference::{Fact, RateUsed, ReferenceSet};

/// The lowest verdict that makes a run fail (exit 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// Fail on any inconsistent claim (the default).
    Inconsistent,
    /// Fail on inconsistent, ambiguous or unverifiable claims.
    Unverifiable,
    /// Never fail on findings (exit 0 unless there is an error).
    Never,
}

/// What was found about a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VerdictKind {
    Consistent,
    /// Consistent only because the claim is a rounded figure.
    ConsistentByRounding,
    Inconsistent,
    /// No fact to check it against.
    Unverifiable,
    /// Two facts fit about equally.
    Ambiguous,
}

impl VerdictKind {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            VerdictKind::Consistent => "consistent",
            VerdictKind::ConsistentByRounding => "consistent_by_rounding",
            VerdictKind::Inconsistent => "inconsistent",
            VerdictKind::Unverifiable => "unverifiable",
            VerdictKind::Ambiguous => "ambiguous",
        }
    }
}

/// How bad an inconsistency is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Severity {
    /// Off, but within a factor of 1.5.
    Minor,
    /// Far off, or a scale slip (thousand/million/billion, percent read as points).
    Gross,
}

impl Severity {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Minor => "minor",
            Severity::Gross => "gross",
        }
    }
}

/// The fact a verdict rests on, as reports show it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FactRef {
    pub id: String,
    pub entity: String,
    pub measure: String,
    pub value_text: String,
    pub unit: String,
    pub as_of: Option<String>,
    pub source: String,
}

/// The distance between a claim and what the reference says.
#[derive(Debug, Clone, Copy)]
pub struct Gap {
    /// Distance from the claim's interval to the fact, in the claim's unit.
    pub absolute: Decimal,
    /// (stated − fact) / fact.
    pub relative: Option<Decimal>,
}

/// The verdict on one claim, with everything needed to explain it.
#[derive(Debug, Clone)]
pub struct Verdict {
    /// Index into [`FileReport::claims`].
    pub claim: usize,
    pub kind: VerdictKind,
    pub severity: Option<Severity>,
    /// One line: what is wrong or right.
    pub summary: String,
    /// The arithmetic, in lines a sub-editor understands.
    pub explanation: Vec<String>,
    pub fact: Option<FactRef>,
    /// Other facts that fit equally (ambiguous verdicts).
    pub other_facts: Vec<String>,
    /// Words that linked claim and fact.
    pub linked_by: Vec<String>,
    /// What the reference allows, in the claim's unit.
    pub expected: Option<Interval>,
    pub gap: Option<Gap>,
    /// A corrected figure to write instead.
    pub suggestion: Option<String>,
    /// Which check decided: reference, conversion, share, restated.
    pub check: Option<String>,
    /// Where the figures of an internal check come from (an exchange rate, a unit factor).
    pub source_note: Option<String>,
    /// Silenced by an inline `numcheck:ignore`.
    pub suppressed: bool,
}

impl Verdict {
    fn new(claim: usize, kind: VerdictKind, summary: String) -> Verdict {
        Verdict {
            claim,
            kind,
            severity: None,
            summary,
            explanation: Vec::new(),
            fact: None,
            other_facts: Vec::new(),
            linked_by: Vec::new(),
            expected: None,
            gap: None,
            suggestion: None,
            check: None,
            source_note: None,
            suppressed: false,
        }
    }
}

/// Every claim of one document with its verdict.
pub struct FileReport<'d> {
    pub doc: &'d Document,
    pub claims: Vec<Claim>,
    /// One verdict per claim, in claim order.
    pub verdicts: Vec<Verdict>,
}

impl FileReport<'_> {
    /// Does this report reach the fail level?
    pub fn fails(&self, fail_on: FailOn) -> bool {
        self.verdicts
            .iter()
            .filter(|v| !v.suppressed)
            .any(|v| match fail_on {
                FailOn::Inconsistent => v.kind == VerdictKind::Inconsistent,
                FailOn::Unverifiable => matches!(
                    v.kind,
                    VerdictKind::Inconsistent | VerdictKind::Unverifiable | VerdictKind::Ambiguous
                ),
                FailOn::Never => false,
            })
    }
}

/// Settings of a check run.
#[derive(Debug, Clone, Copy, Default)]
pub struct CheckOptions {
    pub tolerances: Tolerances,
}

/// Checks documents against one loaded reference.
pub struct Checker<'a> {
    lex: &'a Lexicon,
    reference: &'a ReferenceSet,
    options: CheckOptions,
}

/// A fact for this claim: a row of a fact table or a country statistic made on the fly.
#[derive(Debug, Clone)]
struct Candidate<'r> {
    fact: std::borrow::Cow<'r, Fact>,
    score: f64,
    linked_by: Vec<String>,
    group: String,
}

/// A claim more than this many times larger or smaller than a fact is not about it.
const MAX_RATIO: f64 = 20.0;

/// How much of the article's opening counts as context for every claim, in bytes.
const LEAD_CONTEXT: usize = 600;

/// How much text before a claim's sentence counts as its preceding context, in bytes.
const PRECEDING_CONTEXT: usize = 300;

/// Two facts whose link scores differ by less than this are equally good.
const AMBIGUITY_MARGIN: f64 = 2.0;

const POPULATION_NOUNS: &[&str] = &[
    "person",
    "inhabitant",
    "resident",
    "citizen",
    "soul",
    "population",
    "national",
];

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_default()
}

/// "1.16 billion", "83.3 million", "14,453".
pub fn human_amount(v: Decimal) -> String {
    let a = v.abs();
    for (scale, word) in [
        (dec("1000000000000"), "trillion"),
        (dec("1000000000"), "billion"),
        (dec("1000000"), "million"),
    ] {
        if a >= scale {
            let x = (v / scale).round_sf(3).unwrap_or(v / scale);
            return format!("{} {word}", fmt_num(x));
        }
    }
    fmt_num(v.round_dp(2))
}

fn unit_label(lex: &Lexicon, c: &Claim) -> String {
    match c.reading.unit {
        Some(u) => lex.unit(u).code.clone(),
        None => c.reading.counted.clone().unwrap_or_default(),
    }
}

/// A figure with its unit as an editor writes it: "USD 541 million", "2,850 km", "14,453 troops".
fn with_unit(lex: &Lexicon, unit: Option<UnitId>, counted: Option<&str>, v: &str) -> String {
    let one = v == "1";
    match unit {
        Some(u) => {
            let u = lex.unit(u);
            match u.kind {
                UnitKind::Currency => format!("{} {v}", u.code),
                UnitKind::Percent => format!("{v}%"),
                _ => match &u.symbol {
                    Some(sym) if sym.chars().count() <= 4 && !sym.contains('|') => {
                        format!("{v} {sym}")
                    }
                    _ if one => format!("{v} {}", u.name),
                    _ => format!("{v} {}", plural(&u.name)),
                },
            }
        }
        None => match counted {
            Some(c) if one => format!("{v} {c}"),
            Some(c) => format!("{v} {}", plural(c)),
            None => v.to_string(),
        },
    }
}

/// English plural of a singular noun, good enough for reports.
fn plural(noun: &str) -> String {
    match noun {
        "person" => "people".into(),
        "foot" => "feet".into(),
        "man" => "men".into(),
        "woman" => "women".into(),
        "child" => "children".into(),
        "staff" | "police" | "personnel" | "sheep" | "fish" => noun.into(),
        n if n.ends_with('y') && !n.ends_with("ay") && !n.ends_with("ey") && !n.ends_with("oy") => {
            format!("{}ies", &n[..n.len() - 1])
        }
        n if n.ends_with('s') || n.ends_with("sh") || n.ends_with("ch") || n.ends_with('x') => {
            format!("{n}es")
        }
        n => format!("{n}s"),
    }
}

/// Years stated in a sentence ("in 2019"), and "last year"/"this year" against the article date.
fn sentence_years(sentence: &str, article: Option<Date>) -> Vec<i32> {
    let mut years = Vec::new();
    let b = sentence.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        if b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric() && b[i - 1] != b',' && b[i - 1] != b'.')
            && (i + 4 == b.len() || !b[i + 4].is_ascii_digit() && b[i + 4] != b',')
        {
            if let Ok(y) = sentence[i..i + 4].parse::<i32>() {
                if (1900..=2100).contains(&y) {
                    years.push(y);
                }
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    if let Some(d) = article {
        let lower = sentence.to_lowercase();
        if lower.contains("last year") {
            years.push(d.year - 1);
        }
        if lower.contains("this year") {
            years.push(d.year);
        }
    }
    years
}

/// The clause around a claim: from the last , ; : ( or "and"/"but" before it to the next after it.
fn clause_bounds(src: &str, sentence: (usize, usize), span: (usize, usize)) -> (usize, usize) {
    let is_delim = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–');
    let before = src.get(sentence.0..span.0).unwrap_or("");
    let mut start = sentence.0;
    for (i, c) in before.char_indices().rev() {
        if is_delim(c) {
            start = sentence.0 + i + c.len_utf8();
            break;
        }
        let rest = &before[i..];
        if (rest.starts_with(" and ") || rest.starts_with(" but ") || rest.starts_with("\nand "))
            && i + 5 <= before.len()
        {
            start = sentence.0 + i + 4;
            break;
        }
    }
    let after = src.get(span.1..sentence.1.max(span.1)).unwrap_or("");
    let mut end = sentence.1.max(span.1);
    for (i, c) in after.char_indices() {
        if is_delim(c)
            || after[i..].starts_with(" and ")
            || after[i..].starts_with(" but ")
            || after[i..].starts_with("\nand ")
        {
            end = span.1 + i;
            break;
        }
    }
    (start, end)
}

/// The terms of a sentence with their byte offsets, computed once per sentence.
type SentenceTerms = Vec<(usize, String)>;

/// Words a country statistic looks for in a sentence besides fact terms.
const STATISTIC_WORDS: &[&str] = &[
    "population",
    "gdp",
    "economy",
    "output",
    "domestic",
    "area",
    "size",
    "cover",
    "territory",
    "country",
    "nation",
    "home",
    "inhabitant",
    "populous",
    "resident",
];

/// The terms of a sentence that some fact (or a country statistic) could use, with their byte
/// offsets. Other words are dropped without allocating.
fn sentence_terms(src: &str, start: usize, end: usize, reference: &ReferenceSet) -> SentenceTerms {
    let mut out = Vec::new();
    let text = src.get(start..end).unwrap_or("");
    let mut pos = start;
    let mut buf = String::new();
    for piece in
        text.split_inclusive(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
    {
        let w_start = pos;
        pos += piece.len();
        let word = piece.trim_end_matches(|c: char| {
            !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-')
        });
        for part in word.split('-') {
            if crate::reference::term_into(part, &mut buf)
                && (reference.index.contains_key(buf.as_str())
                    || STATISTIC_WORDS.contains(&buf.as_str()))
            {
                out.push((w_start, buf.clone()));
            }
        }
    }
    out
}

/// Context terms of a claim with proximity weights: 3 in its clause, 1 elsewhere in the
/// sentence, 0.5 in the sentence before.
fn context_terms<'t>(
    doc: &Document,
    claim: &Claim,
    sentence: &'t SentenceTerms,
    prev: Option<&'t SentenceTerms>,
) -> FxHashMap<&'t str, f64> {
    let src = &doc.source;
    let mut out: FxHashMap<&'t str, f64> = FxHashMap::default();
    let s = claim.sentence.start.min(claim.span.start);
    let e = claim.sentence.end.max(claim.span.end).min(src.len());
    let (cs, ce) = clause_bounds(src, (s, e), (claim.span.start, claim.span.end));
    for (pos, t) in sentence {
        let w = if *pos >= cs && *pos < ce { 3.0 } else { 1.0 };
        let e = out.entry(t.as_str()).or_insert(0.0);
        if *e < w {
            *e = w;
        }
    }
    if let Some(prev) = prev {
        for (pos, t) in prev {
            out.entry(t.as_str())
                .or_insert(if *pos == usize::MAX { 0.25 } else { 0.5 });
        }
    }
    out
}

impl<'a> Checker<'a> {
    /// A checker over a lexicon and a loaded reference.
    pub fn new(lex: &'a Lexicon, reference: &'a ReferenceSet, options: CheckOptions) -> Self {
        Checker {
            lex,
            reference,
            options,
        }
    }

    /// Extracts the claims of a document and gives each a verdict.
    pub fn check<'d>(&self, doc: &'d Document) -> FileReport<'d> {
        let claims = crate::extract_claims(doc, self.lex, &self.options.tolerances);
        let mut verdicts: Vec<Option<Verdict>> = vec![None; claims.len()];

        // internal: parenthetical conversions "one billion euros ($1.2 billion)"
        for i in 0..claims.len().saturating_sub(1) {
            if let Some(v) = self.conversion(doc, &claims, i) {
                verdicts[i + 1] = Some(v);
            }
        }
        // internal: shares "30 of 120 staff, or 25%"
        for (i, slot) in verdicts.iter_mut().enumerate().skip(2) {
            if slot.is_none() {
                *slot = self.share(doc, &claims, i);
            }
        }
        // reference facts; the context before a sentence (up to PRECEDING_CONTEXT bytes, the
        // sentence or two before it) can name the entity a figure is about
        let mut lead_end = LEAD_CONTEXT.min(doc.source.len());
        while !doc.source.is_char_boundary(lead_end) {
            lead_end -= 1;
        }
        let lead_terms = sentence_terms(&doc.source, 0, lead_end, self.reference);
        let mut cache_key: Option<(usize, usize)> = None;
        let mut cur_terms: SentenceTerms = Vec::new();
        let mut prev_terms: Option<SentenceTerms> = None;
        for (i, c) in claims.iter().enumerate() {
            if verdicts[i].is_none() {
                let key = (c.sentence.start, c.sentence.end);
                if cache_key != Some(key) {
                    let start = key.0.min(c.span.start);
                    let mut before = start.saturating_sub(PRECEDING_CONTEXT);
                    while !doc.source.is_char_boundary(before) {
                        before += 1;
                    }
                    let mut prev = if before < start {
                        sentence_terms(&doc.source, before, start, self.reference)
                    } else {
                        Vec::new()
                    };
                    // the article's opening names what it is about: it counts as context too
                    prev.extend(lead_terms.iter().map(|(_, t)| (usize::MAX, t.clone())));
                    prev_terms = Some(prev);
                    cur_terms =
                        sentence_terms(&doc.source, start, key.1.max(c.span.end), self.reference);
                    cache_key = Some(key);
                }
                verdicts[i] =
                    Some(self.against_reference(doc, c, i, &cur_terms, prev_terms.as_ref()));
            }
        }
        let mut verdicts: Vec<Verdict> = verdicts
            .into_iter()
            .map(|v| v.expect("every claim has a verdict"))
            .collect();
        // internal: the same quantity stated twice with different values
        self.restated(doc, &claims, &mut verdicts);
        // inline suppression
        for v in &mut verdicts {
            let c = &claims[v.claim];
            let line = doc.line_text(c.line);
            let prev = if c.line > 1 {
                doc.line_text(c.line - 1)
            } else {
                ""
            };
            if line.contains("numcheck:ignore") || prev.contains("numcheck:ignore-next-line") {
                v.suppressed = true;
            }
        }
        FileReport {
            doc,
            claims,
            verdicts,
        }
    }

    /// Converts `value` from one unit to another; currency at `date`.
    fn convert(
        &self,
        value: Decimal,
        from: UnitId,
        to: UnitId,
        date: Option<Date>,
    ) -> Result<(Decimal, Option<RateUsed>), String> {
        if from == to {
            return Ok((value, None));
        }
        let (uf, ut) = (self.lex.unit(from), self.lex.unit(to));
        match (uf.kind, ut.kind) {
            (UnitKind::Currency, UnitKind::Currency) => {
                let Some(date) = date else {
                    return Err(
                        "the article has no date to take an exchange rate from (give --date)"
                            .into(),
                    );
                };
                let used = self.reference.rates.cross(&uf.code, &ut.code, date)?;
                let v = value
                    .checked_mul(used.rate)
                    .ok_or("the converted amount is too large")?;
                Ok((v, Some(used)))
            }
            (a, b) if a == b && uf.dimension == ut.dimension => {
                let si = value
                    .checked_mul(uf.si_factor)
                    .and_then(|x| x.checked_add(uf.si_offset))
                    .ok_or("the converted value is too large")?;
                if ut.si_factor.is_zero() {
                    return Err(format!("unit {} has a zero factor", ut.code));
                }
                Ok((
                    si.checked_sub(ut.si_offset)
                        .and_then(|x| x.checked_div(ut.si_factor))
                        .ok_or("the converted value is too large")?,
                    None,
                ))
            }
            _ => Err(format!(
                "{} and {} measure different things",
                uf.code, ut.code
            )),
        }
    }

    fn conversion(&self, doc: &Document, claims: &[Claim], i: usize) -> Option<Verdict> {
        let (a, b) = (&claims[i], &claims[i + 1]);
        let between = doc.source.get(a.span.end..b.span.start)?;
        if between.trim() != "(" {
            return None;
        }
        let after = doc.source.get(b.span.end..)?.trim_start();
        if !after.starts_with(')') {
            return None;
        }
        let (ua, ub) = (a.reading.unit?, b.reading.unit?);
        if ua == ub || !ReferenceSet::comparable(self.lex, Some(ua), Some(ub)) {
            return None;
        }
        let (va, vb) = (a.reading.value?, b.reading.value?);
        let bi = b.interval?;
        let mut v = Verdict::new(i + 1, VerdictKind::Unverifiable, String::new());
        v.check = Some("conversion".into());
        let (converted, rate) = match self.convert(va, ua, ub, doc.date) {
            Ok(x) => x,
            Err(why) => {
                v.summary = format!(
                    "cannot check the conversion of {}: {why}",
                    a.text.split_whitespace().collect::<Vec<_>>().join(" ")
                );
                return Some(v);
            }
        };
        let how = match &rate {
            Some(r) => format!(
                "{} × {} {}/{} (ECB reference rate, {}) = {}",
                with_unit(self.lex, Some(ua), None, &fmt_num(va)),
                r.rate.round_dp(6).normalize(),
                r.to,
                r.from,
                r.date,
                with_unit(self.lex, Some(ub), None, &fmt_num(converted.round_dp(4)))
            ),
            None => format!(
                "{} = {} (units table factor)",
                with_unit(self.lex, Some(ua), None, &fmt_num(va)),
                with_unit(self.lex, Some(ub), None, &fmt_num(converted.round_dp(4)))
            ),
        };
        v.source_note = Some(match &rate {
            Some(_) => "European Central Bank, euro foreign exchange reference rates".into(),
            None => "reference/units.csv conversion factors".into(),
        });
        v.explanation.push(format!("converted: {how}"));
        v.explanation.push(format!(
            "read as: {} → {}",
            with_unit(self.lex, Some(ub), None, &fmt_num(vb)),
            bi.display()
        ));
        v.expected = Some(Interval {
            low: Some(converted),
            high: Some(converted),
            low_open: false,
            high_open: false,
        });
        let a_range = a.interval.map(|ai| {
            let lo = ai
                .low
                .and_then(|x| self.convert(x, ua, ub, doc.date).ok())
                .map(|x| x.0);
            let hi = ai
                .high
                .and_then(|x| self.convert(x, ua, ub, doc.date).ok())
                .map(|x| x.0);
            Interval {
                low: lo,
                high: hi,
                ..ai
            }
        });
        let rate_slack = if rate.is_some() {
            converted
                .abs()
                .saturating_mul(self.options.tolerances.currency_rate)
                .round_dp(6)
        } else {
            Decimal::ZERO
        };
        let with_slack = Interval {
            low: Some(converted.saturating_sub(rate_slack)),
            high: Some(converted.saturating_add(rate_slack)),
            low_open: false,
            high_open: false,
        };
        if bi.contains(converted) {
            if converted == vb {
                v.kind = VerdictKind::Consistent;
                v.summary = format!("the conversion of {} is right", oneline(&a.text));
            } else {
                v.kind = VerdictKind::ConsistentByRounding;
                v.summary = format!(
                    "{} rounds {} correctly",
                    oneline(&b.text),
                    with_unit(self.lex, Some(ub), None, &human_amount(converted))
                );
            }
        } else if !rate_slack.is_zero() && bi.overlaps(&with_slack) {
            v.kind = VerdictKind::ConsistentByRounding;
            v.summary = format!(
                "{} is within {}% of {} at the ECB rate",
                oneline(&b.text),
                fmt_num(
                    self.options
                        .tolerances
                        .currency_rate
                        .saturating_mul(Decimal::ONE_HUNDRED)
                ),
                with_unit(self.lex, Some(ub), None, &human_amount(converted))
            );
            v.explanation.push(format!(
                "allowing {}% for exchange-rate movement and the newsroom's own rate",
                fmt_num(
                    self.options
                        .tolerances
                        .currency_rate
                        .saturating_mul(Decimal::ONE_HUNDRED)
                )
            ));
        } else if a_range.is_some_and(|ar| ar.overlaps(&bi)) {
            v.kind = VerdictKind::ConsistentByRounding;
            v.summary = format!(
                "{} agrees with {} only if both are rounded",
                oneline(&b.text),
                oneline(&a.text)
            );
        } else {
            v.kind = VerdictKind::Inconsistent;
            let rel = if converted.is_zero() {
                None
            } else {
                vb.checked_sub(converted)
                    .and_then(|d| d.checked_div(converted))
            };
            v.gap = Some(Gap {
                absolute: bi.distance(converted),
                relative: rel,
            });
            v.severity = Some(severity(vb, converted, false));
            v.summary = format!(
                "{} does not match {}: it should be about {}",
                oneline(&b.text),
                oneline(&a.text),
                with_unit(self.lex, Some(ub), None, &human_amount(converted))
            );
            v.suggestion = Some(with_unit(
                self.lex,
                Some(ub),
                None,
                &human_amount(converted),
            ));
            if let Some(r) = rel {
                v.explanation.push(format!(
                    "gap: {} ({:+.1}%)",
                    fmt_num(bi.distance(converted).round_dp(4)),
                    r.to_f64().unwrap_or(0.0) * 100.0
                ));
            }
            if v.severity == Some(Severity::Gross) {
                if let Some(slip) = scale_slip(vb, converted) {
                    v.explanation
                        .push(format!("looks like a scale slip: {slip}"));
                }
            }
        }
        Some(v)
    }

    fn share(&self, doc: &Document, claims: &[Claim], i: usize) -> Option<Verdict> {
        let c = &claims[i];
        if c.reading.kind != ClaimKind::Percent {
            return None;
        }
        let (a, b) = (&claims[i - 2], &claims[i - 1]);
        if a.sentence != c.sentence || b.sentence != c.sentence {
            return None;
        }
        let ab = doc.source.get(a.span.end..b.span.start)?.to_lowercase();
        let bc = doc.source.get(b.span.end..c.span.start)?.to_lowercase();
        let ab_words = ab.split_whitespace().count();
        if !(ab.trim() == "of"
            || ab.trim() == "out of"
            || ab.trim().starts_with("of the") && ab_words <= 3)
        {
            return None;
        }
        let bc_t = bc.trim().trim_start_matches(',').trim();
        if !(bc_t == "or" || bc_t == "(" || bc_t == "," || bc_t.is_empty()) {
            return None;
        }
        if !matches!(a.reading.kind, ClaimKind::Count | ClaimKind::Number)
            || !matches!(b.reading.kind, ClaimKind::Count | ClaimKind::Number)
        {
            return None;
        }
        let (va, vb) = (a.reading.value?, b.reading.value?);
        if vb.is_zero() {
            return None;
        }
        let share = va.checked_div(vb)?.checked_mul(Decimal::ONE_HUNDRED)?;
        let ci = c.interval?;
        let mut v = Verdict::new(i, VerdictKind::Consistent, String::new());
        v.check = Some("share".into());
        v.explanation.push(format!(
            "computed: {} / {} × 100 = {}%",
            fmt_num(va),
            fmt_num(vb),
            fmt_num(share.round_dp(2))
        ));
        v.expected = Some(Interval {
            low: Some(share),
            high: Some(share),
            low_open: false,
            high_open: false,
        });
        if ci.contains(share) {
            if c.reading.value == Some(share) {
                v.summary = format!(
                    "{} is {} of {}",
                    oneline(&c.text),
                    oneline(&a.text),
                    oneline(&b.text)
                );
            } else {
                v.kind = VerdictKind::ConsistentByRounding;
                v.summary = format!(
                    "{} rounds {}% correctly",
                    oneline(&c.text),
                    fmt_num(share.round_dp(2))
                );
            }
        } else {
            v.kind = VerdictKind::Inconsistent;
            let stated = c.reading.value.unwrap_or_default();
            v.severity = Some(severity(stated, share, false));
            v.gap = Some(Gap {
                absolute: ci.distance(share),
                relative: if share.is_zero() {
                    None
                } else {
                    stated.checked_sub(share).and_then(|d| d.checked_div(share))
                },
            });
            v.summary = format!(
                "{} of {} is {}%, not {}",
                oneline(&a.text),
                oneline(&b.text),
                fmt_num(share.round_dp(1)),
                oneline(&c.text)
            );
            v.suggestion = Some(format!("{}%", fmt_num(share.round_dp(1))));
        }
        Some(v)
    }

    /// The same quantity stated twice: a later definite re-mention ("the 15,000 Soviet
    /// troops") of a noun phrase introduced with another figure ("14,000 Soviet troops").
    fn restated(&self, doc: &Document, claims: &[Claim], verdicts: &mut [Verdict]) {
        let mut seen: FxHashMap<String, usize> = FxHashMap::default();
        for (i, c) in claims.iter().enumerate() {
            let Some(phrase) = c.reading.counted_phrase.as_ref() else {
                continue;
            };
            // the phrase must be written in the claim itself (not carried over) and be specific
            if phrase.split_whitespace().count() < 2
                || !c.text.contains(phrase.as_str())
                || c.reading.direction.is_some()
                || c.reading.value_high.is_some()
                || !matches!(
                    c.reading.qualifier,
                    Qualifier::Exact | Qualifier::Approximately
                )
            {
                continue;
            }
            let key = phrase
                .to_lowercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let Some(&j) = seen.get(&key) else {
                seen.insert(key, i);
                continue;
            };
            let before = doc.source.get(..c.span.start).unwrap_or("");
            let prev_word = before
                .trim_end()
                .rsplit(|ch: char| !ch.is_alphabetic())
                .next()
                .unwrap_or("")
                .to_lowercase();
            if !matches!(
                prev_word.as_str(),
                "the" | "those" | "these" | "its" | "their" | "all"
            ) {
                continue;
            }
            let first = &claims[j];
            let (Some(a), Some(b)) = (first.interval, c.interval) else {
                continue;
            };
            if a.overlaps(&b) || verdicts[i].kind != VerdictKind::Unverifiable {
                continue;
            }
            let v = &mut verdicts[i];
            v.kind = VerdictKind::Inconsistent;
            v.check = Some("restated".into());
            let (sa, sb) = (
                first.reading.value.unwrap_or_default(),
                c.reading.value.unwrap_or_default(),
            );
            v.severity = Some(severity(sb, sa, false));
            v.summary = format!(
                "{} contradicts {} earlier (line {})",
                oneline(&c.text),
                oneline(&first.text),
                first.line
            );
            v.explanation = vec![
                format!("read as: {} → {}", fmt_num(sb), b.display()),
                format!("earlier: {} → {}", fmt_num(sa), a.display()),
            ];
            v.gap = Some(Gap {
                absolute: sb.saturating_sub(sa).abs(),
                relative: sb.checked_sub(sa).and_then(|d| d.checked_div(sa)),
            });
            v.suggestion = Some(oneline(&first.text));
        }
    }

    fn candidates(
        &self,
        doc: &Document,
        c: &Claim,
        ctx_map: &FxHashMap<&str, f64>,
    ) -> Vec<Candidate<'a>> {
        let lex = self.lex;
        let r = self.reference;
        let mut keys: Vec<&str> = ctx_map.keys().copied().collect();
        if let Some(cn) = &c.reading.counted {
            keys.push(cn.as_str());
        }
        let mut out = Vec::new();
        for id in r.candidates(&keys) {
            let f = &r.facts[id as usize];
            // dimension: counts against counts, units against comparable units
            match (&f.counted, f.unit) {
                (Some(fc), None) => {
                    let Some(cc) = &c.reading.counted else {
                        continue;
                    };
                    if c.reading.unit.is_some() {
                        continue;
                    }
                    if cc != fc && !f.aliases.iter().any(|a| singularise(a) == *cc) {
                        continue;
                    }
                }
                (None, None) => {
                    if c.reading.unit.is_some() {
                        continue;
                    }
                }
                (_, Some(_)) => {
                    if !ReferenceSet::comparable(lex, f.unit, c.reading.unit)
                        && !points_for_percent(lex, f.unit, c)
                    {
                        continue;
                    }
                }
            }
            // a fact from after the article cannot be what it states
            if let (Some(ad), Some(fd)) = (doc.date, f.as_of) {
                if fd.days() > ad.days() + 366 {
                    continue;
                }
            }
            let fact_terms = &f.terms;
            let mut score = 0.0;
            let mut linked = Vec::new();
            for t in fact_terms {
                if let Some(w) = ctx_map.get(t.as_str()) {
                    score += w * r.weight(t);
                    linked.push(t.clone());
                }
            }
            // a link needs the entity named in the sentence or the one before ("Soviet",
            // "Brussels") and, in the sentence itself, what is measured: a word of the
            // measure or keywords, or the counted noun
            let present = f
                .entity_terms
                .iter()
                .filter(|t| ctx_map.contains_key(t.as_str()))
                .count();
            let needed = if f.entity_is_name {
                f.entity_terms.len()
            } else {
                f.entity_terms.len().min(2)
            };
            let names_entity = (needed > 0 && present >= needed)
                || f.alias_terms
                    .iter()
                    .any(|a| a.iter().all(|t| ctx_map.contains_key(t.as_str())));
            let measure_here = f.counted.is_some()
                || linked.iter().any(|t| {
                    Some(t.as_str()) != c.reading.counted.as_deref()
                        && !f.entity_terms.contains(t)
                        && ctx_map.get(t.as_str()).is_some_and(|w| *w >= 1.0)
                });
            if !names_entity || !measure_here {
                continue;
            }
            if f.counted.is_some() {
                score += 4.0;
                linked.push(format!(
                    "counted: {}",
                    c.reading.counted.clone().unwrap_or_default()
                ));
            }
            out.push(Candidate {
                fact: std::borrow::Cow::Borrowed(f),
                score,
                linked_by: linked,
                group: format!("{}|{}", f.entity.to_lowercase(), f.measure.to_lowercase()),
            });
        }
        out.extend(self.country_candidates(doc, c, ctx_map));
        out
    }

    fn country_candidates(
        &self,
        doc: &Document,
        c: &Claim,
        ctx: &FxHashMap<&str, f64>,
    ) -> Vec<Candidate<'a>> {
        let lex = self.lex;
        let table = &self.reference.countries;
        if table.countries.is_empty() {
            return Vec::new();
        }
        let sentence = doc
            .source
            .get(c.sentence.start..c.sentence.end)
            .unwrap_or("");
        // only claims that can be a population, a GDP or an area look for countries, and only
        // when their own clause says so ("a country of 38 million people", "France's
        // population of 68 million", "GDP of $2tn", "covers an area of")
        let in_clause = |w: &str| ctx.get(w).is_some_and(|x| *x >= 3.0);
        let people = c.reading.unit.is_none()
            && (in_clause("population")
                || in_clause("inhabitant")
                || (c
                    .reading
                    .counted
                    .as_deref()
                    .is_some_and(|n| POPULATION_NOUNS.contains(&n))
                    && (in_clause("country")
                        || in_clause("nation")
                        || in_clause("home")
                        || in_clause("populous"))));
        let money = c
            .reading
            .unit
            .is_some_and(|u| lex.unit(u).kind == UnitKind::Currency)
            && (in_clause("gdp") || in_clause("economy") || in_clause("domestic"));
        let area = c
            .reading
            .unit
            .is_some_and(|u| lex.unit(u).dimension == "area")
            && (in_clause("area")
                || in_clause("cover")
                || in_clause("territory")
                || in_clause("size"));
        if !(people || money || area) {
            return Vec::new();
        }
        // countries named in the sentence, nearest to the claim first
        let words: Vec<(usize, &str)> = {
            let mut v = Vec::new();
            let mut pos = 0;
            for piece in sentence.split_inclusive(|ch: char| {
                !(ch.is_alphanumeric() || ch == '.' || ch == '\'' || ch == '’')
            }) {
                let w = piece.trim_end_matches(|ch: char| {
                    !(ch.is_alphanumeric() || ch == '.' || ch == '\'' || ch == '’')
                });
                let w = w
                    .trim_end_matches('.')
                    .trim_end_matches("'s")
                    .trim_end_matches("’s");
                if !w.is_empty() {
                    v.push((c.sentence.start + pos, w));
                }
                pos += piece.len();
            }
            v
        };
        let mut found: Vec<(usize, usize)> = Vec::new(); // (country, distance)
        let claim_mid = c.span.start;
        let mut k = 0;
        while k < words.len() {
            let mut matched = 0;
            if words[k]
                .1
                .chars()
                .next()
                .is_some_and(|ch| ch.is_uppercase())
            {
                for n in (1..=table.max_name_words.min(words.len() - k)).rev() {
                    let name = words[k..k + n]
                        .iter()
                        .map(|w| w.1)
                        .collect::<Vec<_>>()
                        .join(" ")
                        .to_lowercase();
                    if let Some(&ci) = table.by_name.get(&name) {
                        let dist = words[k].0.abs_diff(claim_mid);
                        found.push((ci, dist));
                        matched = n;
                        break;
                    }
                }
            }
            k += matched.max(1);
        }
        found.sort_by_key(|f| f.1);
        found.dedup_by_key(|f| f.0);
        let Some(&(country, _)) = found.first() else {
            return Vec::new();
        };
        let ctry = &table.countries[country];
        let years = sentence_years(sentence, doc.date);
        // statistics change every year: without a year in the sentence or an article date
        // there is nothing to compare with
        let Some(year) = years.first().copied().or(doc.date.map(|d| d.year)) else {
            return Vec::new();
        };
        let has = |w: &str| ctx.get(w).is_some_and(|x| *x >= 1.0);
        let mut out = Vec::new();
        let dim_count = c.reading.unit.is_none()
            && (c.reading.counted.is_some() || c.reading.kind == ClaimKind::Number);
        let counted_people = c
            .reading
            .counted
            .as_deref()
            .is_some_and(|n| POPULATION_NOUNS.contains(&n));
        let mut push = |measure: &str,
                        value: Decimal,
                        vyear: i32,
                        unit: Option<UnitId>,
                        unit_text: &str,
                        counted: Option<&str>,
                        source: &str,
                        linked: Vec<String>| {
            out.push(Candidate {
                fact: std::borrow::Cow::Owned(Fact {
                    id: format!(
                        "{}-{}-{}",
                        ctry.iso3.to_lowercase(),
                        measure.to_lowercase().replace(' ', "-"),
                        vyear
                    ),
                    entity: ctry.name.clone(),
                    measure: measure.into(),
                    low: value,
                    high: value,
                    value_text: value.normalize().to_string(),
                    unit,
                    unit_text: unit_text.into(),
                    counted: counted.map(String::from),
                    as_of: Some(Date::from_year(vyear)),
                    period: None,
                    source: source.into(),
                    aliases: Vec::new(),
                    origin: "country statistics".into(),
                    terms: Vec::new(),
                    entity_terms: Vec::new(),
                    entity_is_name: true,
                    alias_terms: Vec::new(),
                    keywords: Vec::new(),
                }),
                score: 12.0,
                linked_by: linked,
                group: format!("{}|{}", ctry.iso3, measure),
            });
        };
        if dim_count && (counted_people || (has("population") && c.reading.counted.is_none())) {
            if let Some((vy, v)) =
                crate::reference::CountryTable::value_near(&table.population, country, year)
            {
                push(
                    "population",
                    v,
                    vy,
                    None,
                    "person",
                    c.reading.counted.as_deref().or(Some("person")),
                    &format!("World Bank, population total (SP.POP.TOTL), {vy}"),
                    vec![
                        ctry.name.clone(),
                        if has("population") {
                            "population".into()
                        } else {
                            format!("counted: {}", c.reading.counted.clone().unwrap_or_default())
                        },
                    ],
                );
            }
        }
        if c.reading
            .unit
            .is_some_and(|u| lex.unit(u).kind == UnitKind::Currency)
            && (has("gdp")
                || has("economy")
                || has("output")
                || sentence.to_lowercase().contains("gross domestic product"))
        {
            if let Some((vy, v)) = crate::reference::CountryTable::value_near(
                &self.reference.countries.gdp,
                country,
                year,
            ) {
                let usd = lex.unit_by_code("USD");
                push(
                    "GDP",
                    v,
                    vy,
                    usd,
                    "USD",
                    None,
                    &format!("World Bank, GDP in current US$ (NY.GDP.MKTP.CD), {vy}"),
                    vec![
                        ctry.name.clone(),
                        if has("gdp") {
                            "gdp".into()
                        } else {
                            "economy".into()
                        },
                    ],
                );
            }
        }
        if let (Some(u), Some(area)) = (c.reading.unit, ctry.area_km2) {
            if lex.unit(u).dimension == "area"
                && (has("area") || has("size") || has("cover") || has("territory"))
            {
                push(
                    "area",
                    area,
                    year,
                    lex.unit_by_code("square kilometre"),
                    "square kilometre",
                    None,
                    "GeoNames country information (area in km²)",
                    vec![ctry.name.clone(), "area".into()],
                );
            }
        }
        out
    }

    /// Could the claim be a statement (right or wrong) of this fact, judging by magnitude?
    fn plausible(&self, doc: &Document, c: &Claim, f: &Fact) -> bool {
        let Some(stated) = c.reading.value else {
            return true;
        };
        let date = doc.date.or(f.as_of);
        let conv = |x: Decimal| match (f.unit, c.reading.unit) {
            (Some(fu), Some(cu)) => self.convert(x, fu, cu, date).map(|r| r.0).ok(),
            _ => Some(x),
        };
        let (Some(lo), Some(hi)) = (conv(f.low), conv(f.high)) else {
            return true; // reported as a conversion problem
        };
        let stated_hi = c.reading.value_high.unwrap_or(stated);
        let near = |v: Decimal| {
            let nearest = if v.saturating_sub(lo).abs() < v.saturating_sub(hi).abs() {
                lo
            } else {
                hi
            };
            if nearest.is_zero() || v.is_zero() {
                return true;
            }
            let r = v
                .checked_div(nearest)
                .and_then(|r| r.abs().to_f64())
                .unwrap_or(f64::INFINITY);
            (1.0 / MAX_RATIO..=MAX_RATIO).contains(&r) || scale_slip(v, nearest).is_some()
        };
        near(stated) || near(stated_hi)
    }

    fn against_reference(
        &self,
        doc: &Document,
        c: &Claim,
        idx: usize,
        sentence_terms_now: &SentenceTerms,
        prev_terms: Option<&SentenceTerms>,
    ) -> Verdict {
        let lex = self.lex;
        let mut v = Verdict::new(idx, VerdictKind::Unverifiable, String::new());
        v.check = Some("reference".into());
        let Some(interval) = c.interval else {
            v.summary = c
                .reading
                .problem
                .clone()
                .unwrap_or_else(|| "the figure cannot be represented".into());
            return v;
        };
        let ctx = context_terms(doc, c, sentence_terms_now, prev_terms);
        let mut cands = self.candidates(doc, c, &ctx);
        const THRESHOLD: f64 = 7.0;
        cands.retain(|k| k.score >= THRESHOLD);
        // a figure far from a fact (more than MAX_RATIO either way) is about something else,
        // unless the gap is a clean thousand-fold scale slip
        cands.retain(|k| self.plausible(doc, c, &k.fact));
        if cands.is_empty() {
            v.summary = match c.reading.kind {
                ClaimKind::Number => {
                    "no reference fact; nothing says what the number counts".into()
                }
                _ => format!("no reference fact about {}", describe_subject(c, lex)),
            };
            v.explanation.push(read_as(lex, c, &interval));
            if let Some(note) = &c.reading.unit_note {
                v.explanation.push(note.clone());
            }
            return v;
        }
        // within a group (same entity and measure), prefer the fact whose time fits
        let sentence = doc
            .source
            .get(c.sentence.start..c.sentence.end)
            .unwrap_or("");
        let years = sentence_years(sentence, doc.date);
        let target_year = years.first().copied();
        let article_days = doc.date.map(|d| d.days());
        for k in &mut cands {
            if let (Some(y), Some(fy)) = (target_year, k.fact.year()) {
                let in_period = k
                    .fact
                    .period
                    .is_some_and(|(a, b)| a.year <= y && y <= b.year);
                if fy == y || in_period {
                    k.score += 3.0;
                    k.linked_by.push(format!("year {y}"));
                } else {
                    k.score -= (fy - y).abs().min(10) as f64 * 0.2;
                }
            } else if let (Some(ad), Some(d)) = (article_days, k.fact.as_of) {
                // the latest fact not after the article
                let delta = ad - d.days();
                k.score -= if delta < 0 {
                    1.0 + (-delta as f64) / 3650.0
                } else {
                    (delta as f64) / 36500.0
                };
            }
        }
        cands.sort_by(|a, b| {
            b.score
                .partial_cmp(&a.score)
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let mut best_per_group: Vec<&Candidate<'a>> = Vec::new();
        for k in &cands {
            if !best_per_group.iter().any(|b| b.group == k.group) {
                best_per_group.push(k);
            }
        }
        let best = best_per_group[0];

        if let Some(second) = best_per_group.get(1) {
            if second.score >= best.score - AMBIGUITY_MARGIN {
                v.kind = VerdictKind::Ambiguous;
                v.summary = format!(
                    "two facts fit equally: {} {} and {} {}",
                    best.fact.entity, best.fact.measure, second.fact.entity, second.fact.measure
                );
                v.other_facts = best_per_group[1..]
                    .iter()
                    .filter(|k| k.score >= best.score - AMBIGUITY_MARGIN)
                    .map(|k| k.fact.id.clone())
                    .collect();
                v.fact = Some(fact_ref(&best.fact));
                v.linked_by = best.linked_by.clone();
                return v;
            }
        }
        let f = &best.fact;
        v.fact = Some(fact_ref(f));
        v.linked_by = best.linked_by.clone();
        if points_for_percent(lex, f.unit, c) {
            v.kind = VerdictKind::Inconsistent;
            v.severity = Some(Severity::Gross);
            v.summary = format!(
                "{} gives percentage points, but {} {} is a percentage ({}%)",
                oneline(&c.text),
                f.entity,
                f.measure,
                human_range(f.low, f.high)
            );
            v.explanation.push(format!(
                "fact: {}, {} = {}% — {}",
                f.entity,
                f.measure,
                human_range(f.low, f.high),
                f.source
            ));
            v.explanation.push(
                "a percent read as points: points measure a difference between two percentages"
                    .into(),
            );
            v.explanation
                .push(format!("linked by: {}", best.linked_by.join(", ")));
            v.suggestion = Some(format!("{}%", human_range(f.low, f.high)));
            return v;
        }
        // the fact in the claim's unit
        let date = doc.date.or(f.as_of);
        let (flo, fhi, rate) = match (f.unit, c.reading.unit) {
            (Some(fu), Some(cu)) => match (
                self.convert(f.low, fu, cu, date),
                self.convert(f.high, fu, cu, date),
            ) {
                (Ok((lo, r)), Ok((hi, _))) => (lo, hi, r),
                (Err(e), _) | (_, Err(e)) => {
                    v.kind = VerdictKind::Unverifiable;
                    v.summary = format!(
                        "linked to {} {}, but cannot convert: {e}",
                        f.entity, f.measure
                    );
                    return v;
                }
            },
            _ => (f.low, f.high, None),
        };
        let slack = if rate.is_some() {
            self.options.tolerances.currency_rate
        } else {
            Decimal::ZERO
        };
        let fact_iv = Interval {
            low: Some(flo.min(fhi).saturating_mul(Decimal::ONE - slack)),
            high: Some(flo.max(fhi).saturating_mul(Decimal::ONE + slack)),
            low_open: false,
            high_open: false,
        };
        v.expected = Some(fact_iv);
        let unit = unit_label(lex, c);
        let fact_desc = if f.low == f.high {
            with_unit(lex, f.unit, f.counted.as_deref(), &fmt_num(f.low))
        } else {
            with_unit(
                lex,
                f.unit,
                f.counted.as_deref(),
                &format!("{}–{}", fmt_num(f.low), fmt_num(f.high)),
            )
        };
        v.explanation.push(read_as(lex, c, &interval));
        v.explanation.push(format!(
            "fact: {}, {} = {}{} — {}",
            f.entity,
            f.measure,
            fact_desc,
            f.as_of
                .map(|d| format!(
                    " (as of {})",
                    if d.month == 1 && d.day == 1 {
                        d.year.to_string()
                    } else {
                        d.to_string()
                    }
                ))
                .unwrap_or_default(),
            f.source
        ));
        if let Some(r) = &rate {
            v.explanation.push(format!(
                "converted at {} {}/{} (ECB reference rate, {}): {}",
                r.rate.round_dp(6).normalize(),
                r.to,
                r.from,
                r.date,
                with_unit(lex, c.reading.unit, None, &human_range(flo, fhi))
            ));
            v.explanation.push(format!(
                "allowing {}% for exchange-rate movement",
                fmt_num(slack.saturating_mul(Decimal::ONE_HUNDRED))
            ));
        } else if f.unit != c.reading.unit {
            v.explanation.push(format!(
                "in {}: {}",
                if unit.is_empty() {
                    "the claim's unit"
                } else {
                    &unit
                },
                human_range(flo, fhi)
            ));
        }
        v.explanation
            .push(format!("linked by: {}", best.linked_by.join(", ")));
        let stated = c.reading.value.unwrap_or_default();
        if interval.overlaps(&fact_iv) {
            let raw_iv = Interval {
                low: Some(flo.min(fhi)),
                high: Some(flo.max(fhi)),
                low_open: false,
                high_open: false,
            };
            let point_ok = raw_iv.contains(stated)
                || c.reading.value_high.is_some_and(|h| {
                    raw_iv.overlaps(&Interval {
                        low: Some(stated.min(h)),
                        high: Some(stated.max(h)),
                        low_open: false,
                        high_open: false,
                    })
                });
            if c.reading.qualifier == Qualifier::Exact && !c.reading.vague && !point_ok {
                v.kind = VerdictKind::ConsistentByRounding;
                v.summary = format!(
                    "{} is a rounded form of {}",
                    oneline(&c.text),
                    with_unit(
                        lex,
                        c.reading.unit,
                        c.reading.counted.as_deref(),
                        &human_range(flo, fhi)
                    )
                );
            } else {
                v.kind = VerdictKind::Consistent;
                v.summary = format!(
                    "{} agrees with {} {}",
                    oneline(&c.text),
                    f.entity,
                    f.measure
                );
            }
            return v;
        }
        v.kind = VerdictKind::Inconsistent;
        let nearest = if stated < fact_iv.low.unwrap_or(stated) {
            flo.min(fhi)
        } else {
            flo.max(fhi)
        };
        let gap_abs = gap_between(&interval, &fact_iv);
        let rel = if nearest.is_zero() {
            None
        } else {
            stated
                .checked_sub(nearest)
                .and_then(|d| d.checked_div(nearest))
        };
        v.gap = Some(Gap {
            absolute: gap_abs,
            relative: rel,
        });
        let qualifier_flip = !matches!(
            c.reading.qualifier,
            Qualifier::Exact | Qualifier::Approximately | Qualifier::Range | Qualifier::Nearly
        ) && stated.saturating_sub(nearest).abs()
            <= nearest.abs() * dec("0.5");
        v.severity = Some(severity(stated, nearest, qualifier_flip));
        let correct = with_unit(
            lex,
            c.reading.unit,
            c.reading.counted.as_deref().or(f.counted.as_deref()),
            &human_range(flo, fhi),
        );
        v.summary = if qualifier_flip {
            format!(
                "{} is wrong: the reference gives {}, which is not {} {}",
                oneline(&c.text),
                correct,
                qualifier_words(c.reading.qualifier),
                with_unit(
                    lex,
                    c.reading.unit,
                    c.reading.counted.as_deref(),
                    &fmt_num(stated)
                )
            )
        } else {
            format!(
                "{} is wrong: the reference gives {}",
                oneline(&c.text),
                correct
            )
        };
        if let Some(r) = rel {
            v.explanation.push(
                format!(
                    "gap: {} {} ({:+.1}% from the fact)",
                    fmt_num(gap_abs.round_dp(4)),
                    if unit.is_empty() { "" } else { unit.as_str() },
                    r.to_f64().unwrap_or(0.0) * 100.0
                )
                .replace("  ", " "),
            );
        }
        if let Some(slip) = scale_slip(stated, nearest) {
            v.explanation
                .push(format!("looks like a scale slip: {slip}"));
        }
        v.suggestion = Some(match c.reading.qualifier {
            Qualifier::Exact | Qualifier::Range => correct,
            q => format!("{} {}", qualifier_words(q), correct),
        });
        v
    }
}

/// A level stated in percentage points where the fact is a percentage ("the jobless rate is
/// 5 points"): a slip, unless the claim is a change ("fell 5 points").
fn points_for_percent(lex: &Lexicon, fact_unit: Option<UnitId>, c: &Claim) -> bool {
    let (Some(fu), Some(cu)) = (fact_unit, c.reading.unit) else {
        return false;
    };
    lex.unit(fu).kind == UnitKind::Percent
        && lex.unit(cu).kind == UnitKind::PercentagePoint
        && c.reading.direction.is_none()
}

fn gap_between(a: &Interval, b: &Interval) -> Decimal {
    if let (Some(ah), Some(bl)) = (a.high, b.low) {
        if ah < bl {
            return bl.saturating_sub(ah);
        }
    }
    if let (Some(bh), Some(al)) = (b.high, a.low) {
        if bh < al {
            return al.saturating_sub(bh);
        }
    }
    Decimal::ZERO
}

fn human_range(lo: Decimal, hi: Decimal) -> String {
    if lo == hi {
        human_amount(lo)
    } else {
        format!("{}–{}", human_amount(lo.min(hi)), human_amount(lo.max(hi)))
    }
}

/// "read as: more than 14,000 troops → (14,000, ∞)": how a claim was understood.
fn read_as(lex: &Lexicon, c: &Claim, interval: &Interval) -> String {
    format!(
        "read as: {} {} → {}",
        qualifier_words(c.reading.qualifier),
        with_unit(
            lex,
            c.reading.unit,
            c.reading.counted.as_deref(),
            &claim_value_text(c)
        ),
        interval.display()
    )
    .replace("  ", " ")
}

fn claim_value_text(c: &Claim) -> String {
    match (c.reading.value, c.reading.value_high) {
        (Some(a), Some(b)) => format!("{}–{}", fmt_num(a), fmt_num(b)),
        (Some(a), None) => fmt_num(a),
        _ => "?".into(),
    }
}

fn qualifier_words(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact | Qualifier::Range => "",
        Qualifier::Approximately => "about",
        Qualifier::Nearly => "nearly",
        Qualifier::MoreThan => "more than",
        Qualifier::AtLeast => "at least",
        Qualifier::UpTo => "up to",
        Qualifier::LessThan => "less than",
        Qualifier::AtMost => "at most",
    }
}

fn describe_subject(c: &Claim, lex: &Lexicon) -> String {
    match (&c.reading.counted_phrase, c.reading.unit) {
        (Some(p), _) => format!("\"{}\"", oneline(p)),
        (None, Some(u)) => format!("this {} figure", lex.unit(u).dimension.replace('_', " ")),
        _ => "this figure".into(),
    }
}

fn fact_ref(f: &Fact) -> FactRef {
    FactRef {
        id: f.id.clone(),
        entity: f.entity.clone(),
        measure: f.measure.clone(),
        value_text: f.value_text.clone(),
        unit: if f.unit_text.is_empty() {
            f.counted.clone().unwrap_or_default()
        } else {
            f.unit_text.clone()
        },
        as_of: f.as_of.map(|d| d.to_string()),
        source: f.source.clone(),
    }
}

fn oneline(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "million written for billion" when the ratio is close to a power of a thousand.
fn scale_slip(stated: Decimal, expected: Decimal) -> Option<String> {
    if expected.is_zero() || stated.is_zero() {
        return None;
    }
    let r = stated
        .checked_div(expected)
        .and_then(|r| r.abs().to_f64())?;
    for (k, name) in [(1e3, "thousand"), (1e6, "million"), (1e9, "billion")] {
        for (ratio, word) in [(k, "too large"), (1.0 / k, "too small")] {
            if (r / ratio - 1.0).abs() < 0.25 {
                let example = match name {
                    "thousand" => "thousand for million, or million for billion",
                    _ => "units of a different scale",
                };
                return Some(format!(
                    "the figure is about {k} times {word} (a {name}-fold slip: {example})"
                ));
            }
        }
    }
    None
}

fn severity(stated: Decimal, expected: Decimal, qualifier_flip: bool) -> Severity {
    if scale_slip(stated, expected).is_some() {
        return Severity::Gross;
    }
    if expected.is_zero() {
        return Severity::Gross;
    }
    let r = stated
        .checked_div(expected)
        .and_then(|r| r.abs().to_f64())
        .unwrap_or(f64::INFINITY);
    if !(0.67..=1.5).contains(&r) {
        Severity::Gross
    } else {
        let _ = qualifier_flip;
        Severity::Minor
    }
}
