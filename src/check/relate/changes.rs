//! Changes: a stated change (a percentage, percentage points or a multiplier) with the levels it
//! leads from and to, in one sentence:
//! - "rose 10% to £240m from £200m" (the change, "to" the new level, "from" the old one);
//! - "rose 20% from £200m to £240m", "doubled from £20m to £40m" (a range claim "from … to");
//! - "from 200 to 260 tonnes, a rise of 30%" (the range, then the change);
//! - "$671.7bn, 24.4% above the previous record of $496.5bn" (new level, change, old level);
//! - "lost 65 cents, or 25%, to $1.90" (the amount, the change, the new level: the old level is
//!   their sum).
//!
//! The levels must state the same quantity; a change word between the new and the old level
//! ("to £10m, having dropped from £12m") breaks the pattern.

use crate::check::verdict::Level;
use crate::claim::{Claim, ClaimKind, Direction};
use crate::document::Document;
use crate::lexicon::Lexicon;

use super::{between, same_quantity, sentences};

/// A stated change and its levels.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Change {
    /// The claim stating the change (a percentage, points or a multiplier).
    pub(crate) stated: usize,
    /// The level before (none when the sentence gives the amount of the change instead).
    pub(crate) from: Option<Level>,
    /// The level after.
    pub(crate) to: Level,
    /// The amount of the change ("lost 65 cents").
    pub(crate) by: Option<usize>,
    /// A rise (+1) or a fall (−1), as the words say; none when they do not.
    pub(crate) sign: Option<i8>,
}

/// Words after a range "from A to B" that introduce its change: "a rise of", "up", "(", after
/// at most four words of their own ("last year, a rise of").
fn rise_or_fall(s: &str) -> Option<Option<i8>> {
    let t = match s.rsplit_once(',') {
        Some((before, after)) if before.split_whitespace().count() <= 4 => after,
        _ => s,
    };
    let t = t.trim();
    let t = t
        .strip_prefix("an ")
        .or_else(|| t.strip_prefix("a "))
        .unwrap_or(t);
    let t = t.strip_suffix(" of").unwrap_or(t).trim();
    Some(match t {
        "" | "or" => None,
        "rise" | "increase" | "jump" | "gain" | "up" | "growth" => Some(1),
        "fall" | "drop" | "decline" | "decrease" | "cut" | "reduction" | "down" => Some(-1),
        _ => return None,
    })
}

/// Words after a change that name the level it is measured from: "above the previous record
/// of", "up on last year's", "higher than". With the sign they give.
fn compared_with(s: &str) -> Option<i8> {
    const UP: [&str; 6] = [
        "above",
        "higher than",
        "more than",
        "up on",
        "up from",
        "over",
    ];
    const DOWN: [&str; 5] = ["below", "lower than", "less than", "down on", "down from"];
    let (sign, rest) = UP
        .iter()
        .find_map(|w| s.strip_prefix(w).map(|r| (1, r)))
        .or_else(|| DOWN.iter().find_map(|w| s.strip_prefix(w).map(|r| (-1, r))))?;
    let words = rest.split_whitespace().count();
    (rest.is_empty() || rest.starts_with(' ') && words <= 5).then_some(sign)
}

fn sign_of(d: Option<Direction>) -> Option<i8> {
    d.map(|d| match d {
        Direction::Up => 1,
        Direction::Down => -1,
    })
}

fn is_range_from(c: &Claim) -> bool {
    c.reading.value_high.is_some()
        && c.text
            .get(..5)
            .is_some_and(|w| w.eq_ignore_ascii_case("from "))
}

fn is_change(c: &Claim) -> bool {
    match c.reading.kind {
        ClaimKind::Percent | ClaimKind::PercentagePoint => c.reading.value_high.is_none(),
        ClaimKind::Multiplier => c.reading.value_high.is_none() && c.reading.value.is_some(),
        _ => false,
    }
}

/// Every stated change of the document with its levels.
pub(super) fn find(
    doc: &Document,
    claims: &[Claim],
    lex: &Lexicon,
    converted: &[bool],
) -> Vec<Change> {
    let mut out = Vec::new();
    for run in sentences(claims, converted) {
        for k in 0..run.len() {
            if is_change(&claims[run[k]])
                && let Some(ch) = change_at(doc, claims, lex, &run, k)
            {
                out.push(ch);
            }
        }
    }
    out
}

/// The change stated by claim `run[k]`, if one of the patterns holds.
fn change_at(
    doc: &Document,
    claims: &[Claim],
    lex: &Lexicon,
    run: &[usize],
    k: usize,
) -> Option<Change> {
    let p = run[k];
    let pc = &claims[p];
    let at = |j: usize| run.get(j).map(|&i| (i, &claims[i]));
    let gap = |a: &Claim, b: &Claim| between(doc, a, b);
    let level = |claim: usize| Level {
        claim,
        high_end: false,
    };
    let words_sign = sign_of(pc.reading.direction);
    // "P to B from A"
    if let (Some((b, bc)), Some((a, ac))) = (at(k + 1), at(k + 2))
        && gap(pc, bc) == "to"
        && same_quantity(bc, ac)
        && level_from(lex, &gap(bc, ac))
    {
        return Some(Change {
            stated: p,
            from: Some(level(a)),
            to: level(b),
            by: None,
            sign: words_sign,
        });
    }
    // "P from A to B" (a range)
    if let Some((r, rc)) = at(k + 1)
        && is_range_from(rc)
        && matches!(gap(pc, rc).as_str(), "" | ",")
    {
        return Some(range_change(p, r, words_sign));
    }
    if pc.reading.kind == ClaimKind::Multiplier || k == 0 {
        return None;
    }
    let (prev, prevc) = at(k - 1)?;
    // "from A to B, a rise of P"
    if is_range_from(prevc)
        && let Some(sign) = rise_or_fall(&gap(prevc, pc))
    {
        return Some(range_change(p, prev, words_sign.or(sign)));
    }
    // "B, P above A"
    if let Some((a, ac)) = at(k + 1)
        && matches!(gap(prevc, pc).as_str(), "," | "" | "-" | "–" | "—")
        && same_quantity(prevc, ac)
        && let Some(sign) = compared_with(&gap(pc, ac))
    {
        return Some(Change {
            stated: p,
            from: Some(level(a)),
            to: level(prev),
            by: None,
            sign: Some(sign),
        });
    }
    // "lost N, or P, to B"
    if let Some((b, bc)) = at(k + 1)
        && matches!(gap(prevc, pc).as_str(), ", or" | "or")
        && matches!(gap(pc, bc).as_str(), ", to" | "to")
        && same_quantity(prevc, bc)
        && let Some(sign) = sign_of(prevc.reading.direction).or(words_sign)
    {
        return Some(Change {
            stated: p,
            from: None,
            to: level(b),
            by: Some(prev),
            sign: Some(sign),
        });
    }
    None
}

/// A change whose levels are the ends of a range claim "from A to B".
fn range_change(stated: usize, range: usize, sign: Option<i8>) -> Change {
    Change {
        stated,
        from: Some(Level {
            claim: range,
            high_end: false,
        }),
        to: Level {
            claim: range,
            high_end: true,
        },
        by: None,
        sign,
    }
}

/// Do the words between the new and the old level introduce the old one: they end with "from"
/// and hold no change word of their own but "up" or "down" ("to $1.13bn for the quarter, up
/// from $639m")?
fn level_from(lex: &Lexicon, s: &str) -> bool {
    let Some(rest) = s.strip_suffix("from") else {
        return false;
    };
    let words: Vec<&str> = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= 8
        && words
            .iter()
            .all(|w| matches!(*w, "up" | "down") || !lex.changes.contains_key(*w))
}
