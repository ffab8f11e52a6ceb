//! Relations between the claims of one document, found once before the rules run, so that no
//! rule re-reads the source text to find the claims it compares, one file per kind:
//! - [`conversions`]: "€1bn ($1.2bn)", "30bn baht (£398m; $768m)": each bracketed figure restates
//!   the one before it in a comparable unit (unless it is a price in another market);
//! - [`shares`]: "30 of 120 staff, or 25%", "Twelve of the 60 shops, or 25%": the percentage is a
//!   share of the whole;
//! - [`changes`]: "rose 10% to £240m from £200m", "24.4% above … $496.5bn": a stated change and
//!   the levels it leads from and to;
//! - [`totals`]: "120 in London and 80 in Paris, 200 in total": parts and their total;
//! - [`restatements`]: "the 15,000 Soviet troops" re-mentions "14,000 Soviet troops" stated
//!   earlier.

mod changes;
mod conversions;
mod restatements;
mod shares;
mod totals;

pub(crate) use changes::Change;
pub(crate) use shares::WordShare;
pub(crate) use totals::Total;

use super::frame::Frame;
use crate::claim::{Claim, Relation, RelationKind};
use crate::document::Document;
use crate::lexicon::Lexicon;

/// Every relation between the claims of a document.
#[derive(Debug, Default)]
pub(crate) struct Relations {
    /// Relations between two claims, sorted by the claim they start from.
    pub(crate) pairs: Vec<Relation>,
    /// Shares whose part is written in words that are not a claim.
    pub(crate) word_shares: Vec<WordShare>,
    /// Stated changes with their levels.
    pub(crate) changes: Vec<Change>,
    /// Totals with their parts.
    pub(crate) totals: Vec<Total>,
}

/// Every relation between the claims of a document; `frames` are the claims' frames.
pub(crate) fn relate(
    doc: &Document,
    claims: &[Claim],
    lex: &Lexicon,
    frames: &[Vec<Frame>],
) -> Relations {
    let mut pairs = Vec::new();
    conversions::find(doc, claims, lex, frames, &mut pairs);
    let word_shares = shares::find(doc, claims, lex, &mut pairs);
    restatements::find(doc, claims, &mut pairs);
    pairs.sort_by_key(|r| r.from);
    // a bracketed conversion restates another figure: it is no level, part or total of its own
    let mut converted = vec![false; claims.len()];
    for r in &pairs {
        if r.kind == RelationKind::ConvertedFrom {
            converted[r.from] = true;
        }
    }
    let changes = changes::find(doc, claims, lex, &converted);
    let totals = totals::find(doc, claims, frames, &converted);
    Relations {
        pairs,
        word_shares,
        changes,
        totals,
    }
}

/// The claims of each sentence that are not bracketed conversions, as runs of indices.
pub(super) fn sentences(claims: &[Claim], converted: &[bool]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        if converted[i] {
            continue;
        }
        match out.last_mut() {
            Some(run) if claims[run[0]].sentence == c.sentence => run.push(i),
            _ => out.push(vec![i]),
        }
    }
    out
}

/// The text between two claims as a pattern reads it: lower case, bracketed asides dropped,
/// runs of white space made one space, trimmed.
pub(super) fn between(doc: &Document, a: &Claim, b: &Claim) -> String {
    let raw = doc.source.get(a.span.end..b.span.start).unwrap_or("");
    let mut out = String::with_capacity(raw.len());
    let mut depth = 0usize;
    for ch in raw.chars() {
        match ch {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth > 0 => {}
            c if c.is_whitespace() => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.extend(c.to_lowercase()),
        }
    }
    out.trim().to_string()
}

/// Do two claims state the same sort of quantity: the same unit, or counts of the same thing
/// (or numbers)?
pub(super) fn same_quantity(a: &Claim, b: &Claim) -> bool {
    a.reading.unit == b.reading.unit
        && a.reading.kind == b.reading.kind
        && (a.reading.unit.is_some()
            || a.reading.counted.is_none()
            || b.reading.counted.is_none()
            || a.reading.counted == b.reading.counted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::frame::{FrameTable, frames_of};
    use crate::document::{Date, Format};
    use crate::normalise::Tolerances;

    /// The claims and relations of a text dated 2005-03-01.
    fn related(text: &str) -> (Vec<Claim>, Relations) {
        let lex = Lexicon::embedded();
        let mut doc = Document::from_text("t.txt", text.to_string(), Format::Text);
        doc.date = Date::parse("2005-03-01");
        let claims = crate::extract_claims(&doc, lex, &Tolerances::default());
        let frames = frames_of(&doc, &claims, FrameTable::embedded());
        let r = relate(&doc, &claims, lex, &frames);
        (claims, r)
    }

    /// The pair relations of a text, as (kind, from-claim text, to-claim text).
    fn relations(text: &str) -> Vec<(RelationKind, String, String)> {
        let (claims, r) = related(text);
        r.pairs
            .into_iter()
            .map(|r| {
                (
                    r.kind,
                    claims[r.from].text.clone(),
                    claims[r.to].text.clone(),
                )
            })
            .collect()
    }

    fn rel(kind: RelationKind, from: &str, to: &str) -> (RelationKind, String, String) {
        (kind, from.to_string(), to.to_string())
    }

    #[test]
    fn a_bracketed_figure_in_other_units_is_converted_from_the_one_before() {
        assert_eq!(
            relations("The path is 10 km (6 miles) long and cost €2m ($2.2m)."),
            vec![
                rel(RelationKind::ConvertedFrom, "6 miles", "10 km"),
                rel(RelationKind::ConvertedFrom, "$2.2m", "€2m"),
            ]
        );
        // not in brackets, the same unit, or units of different things
        assert!(relations("The path is 10 km, 6 miles of it paved.").is_empty());
        assert!(relations("The path is 10 km (12 km with the loop) long.").is_empty());
        assert!(relations("The path is 10 km (45 minutes) long.").is_empty());
    }

    #[test]
    fn each_figure_of_a_bracketed_list_is_a_conversion() {
        assert_eq!(
            relations("They paid 40bn rupees (£500m; $900m) for it."),
            vec![
                rel(RelationKind::ConvertedFrom, "£500m", "40bn rupees"),
                rel(RelationKind::ConvertedFrom, "$900m", "40bn rupees"),
            ]
        );
        assert_eq!(relations("It cost €8m (£6m, $10m or ¥1bn).").len(), 3);
        // words inside the bracket end the list: no conversion
        assert!(relations("It cost €8m (£6m last year).").is_empty());
    }

    #[test]
    fn a_price_in_another_market_is_no_conversion() {
        assert!(relations("The small one sells for $79 (£59 in Britain).").is_empty());
        // nor the other prices of the sentence between the same currencies
        assert!(relations("One sells for $79 (£59 in Britain) and one for $129 (£89).").is_empty());
        // a conversion in another sentence is still one
        assert_eq!(
            relations("One sells for $79 (£59 in Britain). It cost $5m (£2.6m) to make.").len(),
            1
        );
    }

    #[test]
    fn a_percentage_after_a_part_of_a_whole_is_a_share_of_it() {
        assert_eq!(
            relations("Of the staff, 30 of 120 nurses, or 25%, left."),
            vec![
                rel(RelationKind::ShareOf, "30", "120 nurses"),
                rel(RelationKind::ShareOf, "25%", "120 nurses"),
            ]
        );
        assert_eq!(
            relations("Some 9 out of 30 stations (30%) shut.").len(),
            2,
            "out of, in brackets"
        );
        // a percentage of something else
        assert!(relations("Of 120 nurses, 30 left and pay rose 25%.").is_empty());
    }

    #[test]
    fn a_part_in_words_is_read_from_the_lexicon() {
        let (claims, r) = related("Last year nine of the 36 ferries, or 25%, were late.");
        let w = &r.word_shares;
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!((w[0].value, w[0].text.as_str()), (9.into(), "nine"));
        assert_eq!(claims[w[0].whole].text, "36 ferries");
        let (_, r) = related("Twenty-one of the 84 ferries, or 25%, were late.");
        assert_eq!(r.word_shares[0].value, 21.into());
        // a word that is no number
        let (_, r) = related("Many of the 84 ferries, or 25%, were late.");
        assert!(r.word_shares.is_empty());
    }

    /// The changes of a text as (stated, from, to, by) claim texts ("" for none; a range end as
    /// "RANGE:low" or "RANGE:high").
    fn changes(text: &str) -> Vec<(String, String, String, String, Option<i8>)> {
        let (claims, r) = related(text);
        let level = |l: Option<crate::check::verdict::Level>| match l {
            None => String::new(),
            Some(l) if claims[l.claim].reading.value_high.is_some() => {
                format!("RANGE:{}", if l.high_end { "high" } else { "low" })
            }
            Some(l) => claims[l.claim].text.clone(),
        };
        r.changes
            .iter()
            .map(|c| {
                (
                    claims[c.stated].text.clone(),
                    level(c.from),
                    level(Some(c.to)),
                    c.by.map(|b| claims[b].text.clone()).unwrap_or_default(),
                    c.sign,
                )
            })
            .collect()
    }

    fn ch(
        stated: &str,
        from: &str,
        to: &str,
        by: &str,
        sign: Option<i8>,
    ) -> (String, String, String, String, Option<i8>) {
        (stated.into(), from.into(), to.into(), by.into(), sign)
    }

    #[test]
    fn a_change_and_its_levels() {
        assert_eq!(
            changes("Fares rose 8% to £54m from £50m."),
            [ch("8%", "£50m", "£54m", "", Some(1))]
        );
        assert_eq!(
            changes("Fares rose 8% to £54m in the year to March, up from £50m."),
            [ch("8%", "£50m", "£54m", "", Some(1))]
        );
        assert_eq!(
            changes("Fares fell 8% from £50m to £46m."),
            [ch("8%", "RANGE:low", "RANGE:high", "", Some(-1))]
        );
        assert_eq!(
            changes("Fares went from £50m to £46m, a fall of 8%."),
            [ch("8%", "RANGE:low", "RANGE:high", "", Some(-1))]
        );
        assert_eq!(
            changes("Fares were £54m, 8% above the level of £50m."),
            [ch("8%", "£50m", "£54m", "", Some(1))]
        );
        assert_eq!(
            changes("The shares dropped 40 cents, or 8%, to $4.60."),
            [ch("8%", "", "$4.60", "40 cents", Some(-1))]
        );
        assert_eq!(
            changes("Fares tripled from £50m to £150m."),
            [ch("tripled", "RANGE:low", "RANGE:high", "", None)]
        );
    }

    #[test]
    fn near_misses_are_no_changes() {
        // another change word between the levels: the old level is another figure's
        assert!(changes("Fares rose 8% to £54m, having fallen from £60m.").is_empty());
        // levels of different quantities
        assert!(changes("Fares rose 8% to £54m from 50 routes.").is_empty());
        // a percentage with no levels
        assert!(changes("Fares rose 8% this year.").is_empty());
    }

    #[test]
    fn a_total_and_the_parts_next_to_it() {
        let (claims, r) =
            related("The firm sold 300 cars in May and 500 in June, 800 in total, up from 600.");
        assert_eq!(r.totals.len(), 1);
        let t = &r.totals[0];
        assert_eq!(claims[t.total].text, "800");
        let parts: Vec<&str> = t.parts.iter().map(|&p| claims[p].text.as_str()).collect();
        assert_eq!(parts, ["300 cars", "500"]);
        assert!(!t.partial);
        let (_, r) = related("A total of 90 staff left, including 40 in Leeds and 20 in York.");
        assert!(r.totals[0].partial);
        // one part is no sum
        let (_, r) = related("The firm sold 300 cars in May, 800 in total.");
        assert!(r.totals.is_empty());
    }

    #[test]
    fn a_definite_re_mention_restates_the_first_figure() {
        assert_eq!(
            relations(
                "Some 400 Danish soldiers went. Later, the 700 Danish soldiers came home. \
                 Then 12 Danish soldiers left."
            ),
            vec![rel(
                RelationKind::Restates,
                "700 Danish soldiers",
                "Some 400 Danish soldiers"
            )]
        );
        // one-word phrases are not specific enough
        assert!(relations("Some 400 soldiers went. Later, the 700 soldiers came home.").is_empty());
        // a sentence naming another body speaks of its own figure
        assert!(
            relations(
                "The Leeds choir has 40 tenor voices. The York Singers said their 25 tenor \
                 voices were enough."
            )
            .is_empty()
        );
    }
}
