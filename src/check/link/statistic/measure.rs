//! Which measures a claim could state: the catalogue phrases near it, kept when the claim's unit
//! and kind fit the measure (percent is never percentage points, a change is not a level, a
//! share of GDP needs "of GDP", international dollars need purchasing power parity and US
//! dollars its absence), narrowed by the words that pick one measure ("women"), best first.

use super::sentence::{Gap, Phrase, StatSentence};
use super::{Shape, Window};
use crate::claim::Claim;
use crate::statistics::{CueKind, Kind, Measure, Statistics, Unit};

/// A measure the claim could state, with the phrases that name it (the best first).
#[derive(Debug, Clone)]
pub(crate) struct MeasurePick<'s> {
    pub(crate) measure: &'s Measure,
    pub(crate) phrases: Vec<Phrase>,
    pub(crate) score: f64,
    /// Named by an earlier figure and carried to this one ("…, against 3.4% in Uganda"): a
    /// weak phrase carried so needs a place tied to this figure.
    pub(crate) carried: bool,
}

impl MeasurePick<'_> {
    /// The phrase that names it best.
    pub(crate) fn phrase(&self) -> &Phrase {
        &self.phrases[0]
    }
}

/// Two measures whose scores differ by less than this are equally likely.
const TIE: f64 = 0.01;

/// The measures the claim could state, best first (several when equally likely).
pub(crate) fn measures<'s>(
    stats: &'s Statistics,
    s: &StatSentence,
    c: &Claim,
    shape: Shape,
    w: &Window,
) -> Vec<MeasurePick<'s>> {
    let mut picks = named(stats, s, c, shape, w, |p| {
        w.holds(&p.span) && placed(s, p, w)
    });
    // "2% in Kenya, against 3.4% in Uganda": the measure of the figure before
    if picks.is_empty()
        && let Some(from) = &w.inherit
    {
        let within = |p: &Phrase| p.span.start >= from.start && p.span.end <= from.end;
        picks = named(stats, s, c, shape, w, within);
        picks.iter_mut().for_each(|k| k.carried = true);
    }
    select(stats, s, w, &mut picks, shape, c);
    let Some(best) = picks.iter().map(|k| k.score).reduce(f64::max) else {
        return picks;
    };
    picks.retain(|k| k.score >= best - TIE);
    picks
}

/// The measures the phrases `near` keeps name, that the claim can state, with their scores.
fn named<'s>(
    stats: &'s Statistics,
    s: &StatSentence,
    c: &Claim,
    shape: Shape,
    w: &Window,
    near: impl Fn(&Phrase) -> bool,
) -> Vec<MeasurePick<'s>> {
    let cat = stats.catalogue();
    let mut picks: Vec<MeasurePick> = Vec::new();
    for p in s.phrases.iter().filter(|p| near(p)) {
        let Some(m) = cat.get(&p.measure) else {
            continue;
        };
        if !fits(m, shape, s, c, w) {
            continue;
        }
        // a measure named in words beats one the figure's own unit implies ("a land area of
        // 340,000 sq km" is the land area, though "sq km" also names the area)
        let on_figure = p.span.start >= w.claim.start && p.span.end <= w.claim.end;
        let near = if on_figure {
            2.5
        } else if p.span.start >= w.before.end {
            3.0
        } else {
            2.0
        };
        let score = near + if p.primary { 1.0 } else { 0.0 };
        match picks.iter_mut().find(|k| k.measure.id == m.id) {
            // another phrase names it too ("GNI per capita ... PPP")
            Some(k) => {
                if score > k.score || (score == k.score && nearer(p, k.phrase(), c)) {
                    k.phrases.insert(0, p.clone());
                } else {
                    k.phrases.push(p.clone());
                }
                k.score = k.score.max(score) + 0.5;
            }
            None => picks.push(MeasurePick {
                measure: m,
                phrases: vec![p.clone()],
                score,
                carried: false,
            }),
        }
    }
    picks
}

/// Does a phrase stand where it can name the figure's measure: after the figure only right
/// after it ("3% growth", "33 million people live", "92% of Japan's population live in
/// cities"), and a weak phrase ("grew", "exports")
/// before it only with nothing but linking words and places between ("China's exports reached
/// $500bn", "the economy grew by 3%"), as must any phrase in the complement of the figure
/// before ("two-thirds of the world's population, 4 billion people")?
fn placed(s: &StatSentence, p: &Phrase, w: &Window) -> bool {
    let figure = &w.claim;
    if p.span.start >= figure.end {
        let gap = Gap {
            places: true,
            ..Gap::words(4)
        };
        return s.linking_only(figure.end..p.span.start, gap);
    }
    if (p.weak || w.of_stretch) && p.span.end <= figure.start {
        let gap = Gap {
            places: true,
            phrases: true,
            ..Gap::words(6)
        };
        return s.linking_only(p.span.end..figure.start, gap);
    }
    true
}

/// Is phrase `a` nearer the claim than `b`?
fn nearer(a: &Phrase, b: &Phrase, c: &Claim) -> bool {
    let d = |p: &Phrase| {
        if p.span.end <= c.span.start {
            c.span.start - p.span.end
        } else {
            p.span.start.saturating_sub(c.span.end)
        }
    };
    d(a) < d(b)
}

/// A word that picks measures ("women": female life expectancy) before the claim: the measures
/// it picks replace those they share a unit and kind with.
fn select<'s>(
    stats: &'s Statistics,
    s: &StatSentence,
    w: &Window,
    picks: &mut Vec<MeasurePick<'s>>,
    shape: Shape,
    c: &Claim,
) {
    let Some(cue) = s
        .cues
        .iter()
        .filter(|k| k.kind == CueKind::Select && w.holds(&k.span))
        .max_by_key(|k| k.span.start)
    else {
        return;
    };
    let picked: Vec<&Measure> = cue
        .measures
        .iter()
        .filter_map(|id| stats.catalogue().get(id))
        .filter(|m| fits(m, shape, s, c, w))
        .collect();
    let mut out: Vec<MeasurePick> = Vec::new();
    for k in picks.iter() {
        if let Some(m) = picked.iter().find(|m| {
            m.id == k.measure.id || (m.unit == k.measure.unit && m.kind == k.measure.kind)
        }) && !out.iter().any(|o| o.measure.id == m.id)
        {
            out.push(MeasurePick {
                measure: m,
                phrases: k.phrases.clone(),
                score: k.score + 1.0,
                carried: k.carried,
            });
        }
    }
    if !out.is_empty() {
        *picks = out;
    }
}

/// Can the claim state this measure: unit, kind, share of GDP, per head, PPP?
fn fits(m: &Measure, shape: Shape, s: &StatSentence, c: &Claim, w: &Window) -> bool {
    let unit_ok = match m.unit {
        Unit::Percent => matches!(shape, Shape::Percent | Shape::Number),
        Unit::Year => matches!(shape, Shape::Years | Shape::Number),
        Unit::BirthPerWoman => matches!(shape, Shape::Number | Shape::Count),
        Unit::Usd => matches!(shape, Shape::Money(_) | Shape::Number),
        Unit::InternationalDollar => matches!(shape, Shape::Money(true) | Shape::Number),
        Unit::Tonne => shape == Shape::Mass,
        Unit::SquareKilometre => shape == Shape::Area,
        Unit::Person => matches!(shape, Shape::People | Shape::Number),
        Unit::PersonPerSquareKilometre => matches!(shape, Shape::People | Shape::Number),
        // the exchange rate serves conversions, not claims
        Unit::LcuPerUsd => false,
    };
    if !unit_ok {
        return false;
    }
    // a change ("rose 2%") is not a level or a rate
    if c.reading.direction.is_some() && m.kind != Kind::Growth {
        return false;
    }
    let share = s.has_cue(CueKind::ShareOfGdp, w.before.start..w.after.end);
    if (m.kind == Kind::ShareOfGdp) != share {
        return false;
    }
    if m.kind == Kind::Level && s.has_cue(CueKind::PerCapita, w.after.clone()) {
        return false;
    }
    // a quarter's or a month's flow is not a year's
    let stretch = w.before.start.min(w.clause.start)..w.after.end.max(w.clause.end);
    if super::is_flow(m) && s.has_cue(CueKind::Period, stretch) {
        return false;
    }
    let ppp = s.has_cue(CueKind::Ppp, w.before.start..w.after.end);
    match m.unit {
        Unit::InternationalDollar => ppp,
        Unit::Usd => !ppp,
        _ => true,
    }
}
