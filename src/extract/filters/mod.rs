//! What is not a claim: a number in digits that is a date, a clock time, a year, a label, an
//! identifier, a list marker or a name. Each rule is a named filter returning its [`Reason`];
//! [`FILTERS`] runs them in order, and the first that decides wins.

mod dates;
mod identifiers;
mod labels;
mod lists;
mod times;
mod years;

use super::cursor::Cursor;
use super::number::Number;
use super::tokens::TokKind;

/// Why a number is not a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reason {
    /// Glued to letters or digits before it: "G20", "S23", "XC40".
    GluedToLetters,
    /// Part of a name: "Covid-19", "F-16", "787 Dreamliner".
    Name,
    /// A clock time or ratio: "10:30", "5pm", "11 a.m.", "0401 GMT".
    ClockTime,
    /// An identifier, path, version or handle: "/2019/", "1.2.3", "@3", "5G".
    Identifier,
    /// An ordinal or a decade: "3rd", "1980s", "the 80's".
    Ordinal,
    /// List numbering: "1." or "2)" at the start of a line, "(1)".
    ListMarker,
    /// A day of a date: "20 October", "October 20", "the 5th of May".
    Date,
    /// A year: "in 2019", "2014-15", "its 2018 sales".
    Year,
    /// A number after a label word: "page 5", "No. 10", "Boeing 747", "#3".
    Label,
    /// An era-marked year: "AD 1000", "500 BC", "A.D. 1000 and 1260".
    Era,
    /// A phone number: "555-1234".
    Phone,
}

/// What one filter says about a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Not this filter's case: ask the next.
    Pass,
    /// Not a claim.
    Drop(Reason),
    /// A quantity after all ("2000 hp", "Exhibit 5 people"): ask no further filter.
    Keep,
}

/// What a filter sees: the number (in digits), the cursor and whether a currency sign came
/// before it.
pub(crate) struct Seen<'c, 'a> {
    /// The cursor.
    pub ctx: &'c Cursor<'a>,
    /// The number.
    pub n: &'c Number,
    /// A currency sign or code is written before it.
    pub currency: bool,
}

impl Seen<'_, '_> {
    /// The number's first token.
    pub fn i(&self) -> usize {
        self.n.first
    }

    /// The token after the number.
    pub fn next(&self) -> usize {
        self.n.end
    }

    /// The token before the number, if any.
    pub fn prev(&self) -> Option<usize> {
        self.n.first.checked_sub(1)
    }

    /// Is the number glued to the token before it?
    pub fn glued_before(&self) -> bool {
        self.ctx.glued(self.n.first)
    }
}

/// A filter.
pub(crate) type Filter = fn(&Seen) -> Verdict;

/// The filters, in the order they are asked.
pub(crate) const FILTERS: &[(&str, Filter)] = &[
    ("glued to letters", identifiers::glued_to_letters),
    ("hyphenated name", labels::hyphenated_name),
    ("capitals, dash", labels::capitals_dash),
    ("clock, second part", times::after_colon),
    ("path or handle", identifiers::path_or_handle),
    ("version, later part", identifiers::after_dot),
    ("clock, first part", times::before_colon),
    ("joined by a mark", identifiers::joined_by_mark),
    ("before a handle", identifiers::before_handle),
    ("time marker", times::time_marker),
    ("dotted time marker", times::dotted_time_marker),
    ("ordinal suffix", lists::ordinal_suffix),
    ("glued code", identifiers::glued_code),
    ("decade apostrophe", lists::decade_apostrophe),
    ("list number", lists::list_number),
    ("bracketed list number", lists::bracketed_list_number),
    ("day before month", dates::day_before_month),
    ("day of month", dates::day_of_month),
    ("day after month", dates::day_after_month),
    ("year", years::year),
    ("label", labels::label),
    ("abbreviated label", labels::abbreviated_label),
    ("hash label", labels::hash_label),
    (
        "letters between digits",
        identifiers::letters_between_digits,
    ),
    ("era", years::era_marked),
    ("era partner", years::era_partner),
    ("name after", labels::name_after),
    ("phone", identifiers::phone),
    ("leading zero", identifiers::leading_zero),
];

/// Why the number is no claim, if it is none. Only numbers in digits are filtered.
pub(crate) fn non_claim(ctx: &Cursor, n: &Number, currency: bool) -> Option<Reason> {
    if !ctx.is_num(n.first) {
        return None;
    }
    let seen = Seen { ctx, n, currency };
    for (_, filter) in FILTERS {
        match filter(&seen) {
            Verdict::Pass => {}
            Verdict::Drop(r) => return Some(r),
            Verdict::Keep => return None,
        }
    }
    None
}

/// The token after what is glued to a non-claim: "555-1234", "10:30", "G20s", "1980s".
pub(crate) fn skip_glued(ctx: &Cursor, mut k: usize) -> usize {
    loop {
        if ctx.ws(k) != 0 {
            return k;
        }
        match ctx.kind(k) {
            Some(TokKind::Word) | Some(TokKind::Num) => k += 1,
            Some(TokKind::Sym)
                if matches!(ctx.t(k), "-" | "–" | ":" | "/" | "." | "_")
                    && ctx.ws(k + 1) == 0
                    && ctx.is_num(k + 1) =>
            {
                k += 2
            }
            _ => return k,
        }
    }
}

/// `Drop(reason)` when `cond` holds, else `Pass`.
fn drop_if(cond: bool, reason: Reason) -> Verdict {
    if cond {
        Verdict::Drop(reason)
    } else {
        Verdict::Pass
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cursor::on_text;
    use crate::extract::number;

    /// Why the number at token `at` is no claim (`None`: it is one).
    fn why(text: &str, at: usize) -> Option<Reason> {
        on_text(text, |c| {
            let n = number::read(c, at).unwrap();
            non_claim(c, &n, false)
        })
    }

    #[test]
    fn identifiers_and_names() {
        assert_eq!(why("The G20 met.", 2), Some(Reason::GluedToLetters));
        assert_eq!(why("about Covid-19 now", 3), Some(Reason::Name));
        assert_eq!(why("minus-5 degrees", 2), None);
        assert_eq!(why("see /2019/ here", 2), Some(Reason::Identifier));
        assert_eq!(why("version 1.2.3", 3), Some(Reason::Identifier));
        assert_eq!(why("a 5G network", 1), Some(Reason::Identifier));
        assert_eq!(why("Call 555-1234 now", 1), Some(Reason::Phone));
        assert_eq!(why("at 0401 today", 1), Some(Reason::Identifier));
        assert_eq!(why("its 787 Dreamliner", 1), Some(Reason::Name));
    }

    #[test]
    fn times_and_dates() {
        assert_eq!(why("at 10:30 today", 1), Some(Reason::ClockTime));
        assert_eq!(why("at 10:30 today", 3), Some(Reason::ClockTime));
        assert_eq!(why("at 5pm", 1), Some(Reason::ClockTime));
        assert_eq!(why("at 11 a.m. on", 1), Some(Reason::ClockTime));
        assert_eq!(why("on 20 October", 1), Some(Reason::Date));
        assert_eq!(why("on October 20", 2), Some(Reason::Date));
        assert_eq!(why("the 5th of May", 1), Some(Reason::Ordinal));
        assert_eq!(why("20 may come", 0), None);
        assert_eq!(why("the 20 of May", 1), Some(Reason::Date));
    }

    #[test]
    fn years_and_eras() {
        assert_eq!(why("In 2019, it grew.", 1), Some(Reason::Year));
        assert_eq!(why("the 2014-15 season", 1), Some(Reason::Year));
        assert_eq!(why("about 2000 people came", 1), None);
        assert_eq!(why("a 2000 hp engine", 1), None);
        assert_eq!(why("built in AD 1000", 3), Some(Reason::Label));
        assert_eq!(why("built in 500 BC", 2), Some(Reason::Era));
        assert_eq!(why("between A.D. 1000 and 1260", 5), Some(Reason::Era));
        assert_eq!(why("between A.D. 1000 and 1260", 7), Some(Reason::Era));
        assert_eq!(why("in the 1980s", 2), Some(Reason::Ordinal));
    }

    #[test]
    fn labels_and_lists() {
        assert_eq!(why("See page 5 of it", 2), Some(Reason::Label));
        assert_eq!(why("It was No. 10 there", 4), Some(Reason::Label));
        assert_eq!(why("a Boeing 747 landed", 2), Some(Reason::Label));
        assert_eq!(why("Exhibit shows 5 people", 2), None);
        // a name before a measure is no label
        assert_eq!(why("the Thames 5 km away", 2), None);
        assert_eq!(why("1. Buy milk", 0), Some(Reason::ListMarker));
        assert_eq!(why("see (2).", 2), Some(Reason::ListMarker));
        assert_eq!(why("see (2) below", 2), None);
        assert_eq!(why("It sold 5,000 copies.", 2), None);
    }

    #[test]
    fn a_figure_ending_a_row_after_a_name_is_its_value() {
        // a table row or a list: the name's value
        assert_eq!(why("Highest rates: Chad 4.82", 4), None);
        assert_eq!(why("12 Birth rate Timor-Leste 3.91.", 6), None);
        // a version or model inside the sentence stays a label
        assert_eq!(
            why("They moved to Perl 5.36 last year", 4),
            Some(Reason::Label)
        );
        // whole numbers after a name stay labels even at the end
        assert_eq!(why("She flew on an Airbus 380", 5), Some(Reason::Label));
        // a label word is a label wherever it stands
        assert_eq!(why("See section 4.2", 2), Some(Reason::Label));
    }
}
