//! Frames: what a figure's own clause says it is, decided before it is linked to a fact, from the
//! cue words of `reference/lexicon/en/frames.csv`. A forecast ("is expected to peak at 127
//! million", "by 2050") is compared only with a fact for its period; a part of a total ("spent
//! £2bn on roads"), a subset of a population ("2 million people lack clean water") and a figure
//! about another entity ("the national rate of 5%") are not compared with the whole's fact; a
//! measure the fact is not ("tax revenue" beside a country's economy) keeps those facts out; a
//! price in another market in brackets ("$499 (£449 in the UK)") is not a conversion; a hedge
//! ("according to the census", "estimated at") makes an exact figure approximate.

mod clause;
mod table;

use serde::Serialize;

pub use table::FrameTable;
use table::{CueKind, Hit};

use crate::claim::{Claim, Span};
use crate::document::{Date, Document};

/// What a frame says about a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FrameKind {
    /// A forecast or target: compared only with a fact for its period.
    Projection,
    /// A part of a total (a budget line, "of which").
    PartOfTotal,
    /// Some of a population ("2 million people lack …").
    Subset,
    /// About another place or body than the sentence's subject ("the national rate").
    OtherEntity,
    /// A measure some facts are not ("revenue" is not GDP): those facts are kept out.
    MeasureMismatch,
    /// A price in another market beside a price ("$499 (£449 in the UK)"): not a conversion.
    LocalPrice,
    /// Hedged by its source ("according to", "estimated at"): read as approximate.
    Hedge,
    /// The sum of the other figures of its sentence ("200 in total", "a combined £40m").
    Total,
    /// Its sentence lists some of the parts, not all ("including", "such as").
    PartialList,
}

impl FrameKind {
    /// Every frame.
    pub const ALL: [FrameKind; 9] = [
        FrameKind::Projection,
        FrameKind::PartOfTotal,
        FrameKind::Subset,
        FrameKind::OtherEntity,
        FrameKind::MeasureMismatch,
        FrameKind::LocalPrice,
        FrameKind::Hedge,
        FrameKind::Total,
        FrameKind::PartialList,
    ];

    /// The name used in the frames table and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            FrameKind::Projection => "projection",
            FrameKind::PartOfTotal => "part_of_total",
            FrameKind::Subset => "subset",
            FrameKind::OtherEntity => "other_entity",
            FrameKind::MeasureMismatch => "measure_mismatch",
            FrameKind::LocalPrice => "local_price",
            FrameKind::Hedge => "hedge",
            FrameKind::Total => "total",
            FrameKind::PartialList => "partial_list",
        }
    }

    fn parse(s: &str) -> Option<FrameKind> {
        FrameKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Does a figure in this frame say nothing about the facts its words would link it to?
    pub(crate) fn keeps_from_linking(self) -> bool {
        matches!(
            self,
            FrameKind::PartOfTotal | FrameKind::Subset | FrameKind::OtherEntity
        )
    }
}

/// Where a cue stands relative to the figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    Before,
    After,
    /// The first part before the figure, the last after it ("spent £2bn on").
    Around,
    Any,
}

impl Position {
    fn parse(s: &str) -> Option<Position> {
        Some(match s {
            "before" => Position::Before,
            "after" => Position::After,
            "around" => Position::Around,
            "any" => Position::Any,
            _ => return None,
        })
    }
}

/// How far from the figure a cue counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    Clause,
    Sentence,
}

impl Scope {
    fn parse(s: &str) -> Option<Scope> {
        Some(match s {
            "clause" => Scope::Clause,
            "sentence" => Scope::Sentence,
            _ => return None,
        })
    }
}

/// One frame of a figure: its kind, the cue that put it there, and what the cue names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Frame {
    /// What it says.
    pub kind: FrameKind,
    /// The cue as the frames table writes it ("expected to", "by {year}").
    pub cue: String,
    /// The year a forecast is for ("by 2050").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Words of the fact measures a measure mismatch keeps out.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub excludes: Vec<String>,
}

/// The frames of every claim of a document, in claim order.
pub(crate) fn frames_of(doc: &Document, claims: &[Claim], table: &FrameTable) -> Vec<Vec<Frame>> {
    if claims.is_empty() {
        return Vec::new();
    }
    let hits = table.hits(&doc.source);
    claims
        .iter()
        .map(|c| {
            let from = hits.partition_point(|h| h.start < c.sentence.start);
            let to = hits.partition_point(|h| h.start < c.sentence.end.max(c.span.end));
            claim_frames(doc, c, table, &hits[from..to])
        })
        .collect()
}

/// The frames of one claim, from the cue words of its sentence.
fn claim_frames(doc: &Document, c: &Claim, table: &FrameTable, hits: &[Hit]) -> Vec<Frame> {
    let mut out: Vec<Frame> = Vec::new();
    if hits.is_empty() {
        return out;
    }
    let boundaries: Vec<Hit> = hits
        .iter()
        .filter(|h| table.cues[h.cue as usize].kind == CueKind::Boundary && !overlaps(h, c.span))
        .copied()
        .collect();
    let clause = clause::bounds(&doc.source, c.sentence, c.span, &boundaries);
    let sentence = Span {
        start: c.sentence.start.min(c.span.start),
        end: c.sentence.end.max(c.span.end),
    };
    for (i, cue) in table.cues.iter().enumerate() {
        let CueKind::Frame(kind) = cue.kind else {
            continue;
        };
        if out
            .iter()
            .any(|f| f.kind == kind && (f.year.is_some() || !cue.year))
        {
            continue;
        }
        let scope = match cue.scope {
            Scope::Clause => clause,
            Scope::Sentence => sentence,
        };
        let Some(year) = matched(cue, i as u32, hits, scope, c.span) else {
            continue;
        };
        if !applies(doc, kind, cue, year, clause) {
            continue;
        }
        out.retain(|f| f.kind != kind);
        out.push(Frame {
            kind,
            cue: cue.text.clone(),
            year,
            excludes: cue.excludes.clone(),
        });
    }
    out
}

/// Does a frame whose cue was found hold? A `{year}` cue marks a forecast only for a year after
/// the article's (undated, only "by {year}"); a local price only stands in brackets.
fn applies(
    doc: &Document,
    kind: FrameKind,
    cue: &table::Cue,
    year: Option<i32>,
    clause: Span,
) -> bool {
    if let Some(y) = year {
        return match doc.date {
            Some(Date { year: ay, .. }) => y > ay,
            None => cue.text.starts_with("by "),
        };
    }
    if kind == FrameKind::LocalPrice {
        return doc
            .source
            .get(..clause.start)
            .is_some_and(|s| s.trim_end().ends_with('('));
    }
    true
}

fn overlaps(h: &Hit, span: Span) -> bool {
    h.start < span.end && h.end > span.start
}

/// Are all parts of cue `id` found in order within `scope`, where its position says? `Some`
/// with the year of a `{year}` cue.
fn matched(
    cue: &table::Cue,
    id: u32,
    hits: &[Hit],
    scope: Span,
    claim: Span,
) -> Option<Option<i32>> {
    let mut after = scope.start;
    let mut year = None;
    for part in 0..cue.parts {
        let first = part == 0;
        let last = part + 1 == cue.parts;
        let h = hits.iter().find(|h| {
            h.cue == id
                && h.part == part
                && h.start >= after
                && h.end <= scope.end
                && !overlaps(h, claim)
                && match cue.position {
                    Position::Before => h.end <= claim.start,
                    Position::After => h.start >= claim.end,
                    Position::Around if first => h.end <= claim.start,
                    Position::Around if last => h.start >= claim.end,
                    _ => true,
                }
        })?;
        after = h.end;
        year = h.year;
    }
    Some(year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;
    use crate::lexicon::Lexicon;
    use crate::normalise::Tolerances;

    /// (claim text, frame kinds but measure mismatches) for each claim of a text, dated
    /// 2005-03-01.
    fn frames(text: &str) -> Vec<(String, Vec<&'static str>)> {
        let mut doc = Document::from_text("t.txt", text.to_string(), Format::Text);
        doc.date = Date::parse("2005-03-01");
        let claims = crate::extract_claims(&doc, Lexicon::embedded(), &Tolerances::default());
        let f = frames_of(&doc, &claims, FrameTable::embedded());
        claims
            .iter()
            .zip(f)
            .map(|(c, f)| {
                let kinds = f
                    .iter()
                    .filter(|x| x.kind != FrameKind::MeasureMismatch)
                    .map(|x| x.kind.as_str());
                (c.text.clone(), kinds.collect())
            })
            .collect()
    }

    fn one(text: &str) -> Vec<&'static str> {
        let f = frames(text);
        assert_eq!(f.len(), 1, "{f:?}");
        f[0].1.clone()
    }

    #[test]
    fn a_forecast_is_a_projection() {
        assert_eq!(
            one("The population is expected to peak at 127 million."),
            ["projection"]
        );
        assert_eq!(
            one("It could reach 420 million by the middle of the century."),
            ["projection"]
        );
        assert_eq!(one("The town will have 9,000 homes."), ["projection"]);
        // a year after the article's is a forecast; one before it is not
        assert_eq!(one("Output reaches 40 tonnes in 2010."), ["projection"]);
        assert!(one("Output reached 40 tonnes in 2003.").is_empty());
        // the cue must be in the figure's clause
        let f = frames("Sales will rise, but last year 300 cars were sold.");
        assert!(f[0].1.is_empty(), "{f:?}");
    }

    #[test]
    fn parts_subsets_and_other_entities() {
        assert_eq!(one("The council spent £2m on roads."), ["part_of_total"]);
        assert_eq!(
            one("In the city 40,000 people lack clean water."),
            ["subset"]
        );
        let f = frames("Leeds has 7% jobless, against the national rate of 5%.");
        assert_eq!(f[0].1, Vec::<&str>::new());
        assert_eq!(f[1].1, ["other_entity"]);
    }

    #[test]
    fn a_measure_mismatch_names_what_it_keeps_out() {
        let mut doc = Document::from_text(
            "t.txt",
            "Tax revenue in the economy was $20bn.".into(),
            Format::Text,
        );
        doc.date = Date::parse("2005-03-01");
        let claims = crate::extract_claims(&doc, Lexicon::embedded(), &Tolerances::default());
        let f = frames_of(&doc, &claims, FrameTable::embedded());
        let mm = f[0]
            .iter()
            .find(|x| x.kind == FrameKind::MeasureMismatch)
            .unwrap();
        assert!(mm.excludes.contains(&"gdp".to_string()), "{mm:?}");
    }

    #[test]
    fn a_price_in_another_market_only_in_brackets() {
        let f = frames("It costs $499 (£449 in the UK).");
        assert_eq!(f[1].1, ["local_price"]);
        let f = frames("It costs £449 in the UK.");
        assert!(f[0].1.is_empty(), "{f:?}");
    }

    #[test]
    fn a_hedge_marks_the_figure_approximate() {
        assert_eq!(
            one("According to the census, it has 33,125,000 people."),
            ["hedge"]
        );
    }
}
