//! Word roles: the classes of words the extractor reads, named in the `role` column of
//! `lexicon/<language>/words.csv`. A word may have several roles (one row each).

/// Declares the roles: each variant, the name the tables use, and what it means.
macro_rules! roles {
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal,)*) => {
        /// A class of words the extractor reads (the `role` column of `words.csv`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Role {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Role {
            /// Every role, in declaration order.
            pub const ALL: &'static [Role] = &[$(Role::$variant,)*];

            /// The role's name in the tables.
            pub fn name(self) -> &'static str {
                match self {
                    $(Role::$variant => $name,)*
                }
            }

            /// The role with this table name.
            pub fn from_name(name: &str) -> Option<Role> {
                match name {
                    $($name => Some(Role::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

roles! {
    /// A month name or abbreviation ("october", "oct").
    Month = "month",
    /// A weekday name.
    Weekday = "weekday",
    /// A word after a number that makes it a clock time ("pm", "GMT").
    TimeMarker = "time_marker",
    /// A number after it is a name or reference ("page 5", "Boeing 747").
    Label = "label",
    /// A word before "one" or "half" that makes it a pronoun or a noun ("the one").
    DeterminerBlock = "determiner_block",
    /// A word that ends a counted-noun phrase ("of", "said").
    Stop = "stop",
    /// An irregular plural noun ("people", "data").
    PluralNoun = "plural_noun",
    /// A sports word: a hyphenated pair of numbers near it is a score.
    Sports = "sports",
    /// A full stop after it does not end a sentence ("Mr.", "approx.").
    Abbreviation = "abbreviation",
    /// "of": "a third of", "tens of thousands", "1/16 of".
    Of = "of",
    /// "the".
    The = "the",
    /// The indefinite article: "a", "an" ("a dozen", "half an hour").
    A = "a",
    /// "half" ("half a million", "one and a half").
    Half = "half",
    /// "and" ("two hundred and fifty").
    And = "and",
    /// A determiner: articles, demonstratives, possessives ("the", "this", "their").
    Determiner = "determiner",
    /// A comparative after a fraction that makes it a share ("a third more").
    Comparative = "comparative",
    /// A word before "half" that says which half (of a match, a period): "the second half".
    WhichHalf = "which_half",
    /// The letter written for a times sign: "3 x 10^6".
    Times = "times",
    /// A length a metric length is converted into: "37m (121ft)" is metres.
    ImperialLength = "imperial_length",
    /// An adjective of size: "10m long", "a 5m-high wall" are metres.
    MeasureAdjective = "measure_adjective",
    /// The name of the metre: "a 10m-metre" …
    MetreName = "metre_name",
    /// A word after a length that makes "m" metres: "5m away", "the 400m hurdles".
    DistanceContext = "distance_context",
    /// A word that may stand between a change and its number: "rose by about 5%".
    ChangeGap = "change_gap",
    /// "or" ("three or four", "Kia or Hyundai vehicles").
    Or = "or",
    /// An object pronoun: after a verb it shows the verb is no noun ("93 million makes it").
    ObjectPronoun = "object_pronoun",
    /// A collective noun that may modify another ("police officers", "staff members").
    Collective = "collective",
    /// "other", "others" ("2,000 other", "seven million others").
    Other = "other",
    /// "per" ("$5 per share").
    Per = "per",
    /// The noun of a multiplier ("three times", "a 3 time winner").
    MultiplierNoun = "multiplier_noun",
    /// "to" ("from 10 to 12", "between 1000 and 1260").
    To = "to",
    /// A word a hyphen and a number may follow without naming something ("minus-5",
    /// "sub-300"): otherwise "Covid-19", "F-16" are names.
    NumberAfterHyphen = "number_after_hyphen",
    /// A suffix glued to digits that makes an ordinal or a decade ("3rd", "1980s").
    NumberSuffix = "number_suffix",
    /// A month name that is also a verb: a month only when capitalised ("20 may come").
    MonthOrVerb = "month_or_verb",
    /// A label abbreviated with a full stop ("No. 10", "p. 5", "Fig. 3").
    LabelAbbreviation = "label_abbreviation",
    /// A word before a four-digit number that makes it a year ("in 2019", "fiscal 2020").
    YearBefore = "year_before",
    /// An era marker written in capitals, with or without full stops ("AD", "B.C.").
    Era = "era",
    /// "minus" before a number ("minus 5").
    Minus = "minus",
    /// "long" after a time unit: "a decade-long war".
    Long = "long",
    /// "one" ("the one", "one another").
    One = "one",
    /// A word after "one" that makes it a pronoun or an idiom ("one another", "one day").
    AfterOne = "after_one",
    /// A word after "half" that makes it a period ("half time", "half term").
    PeriodAfterHalf = "period_after_half",
    /// "between" opening a range.
    Between = "between",
    /// "from" opening a range.
    From = "from",
    /// "sub" before a hyphen and a number: below it ("sub-300").
    Sub = "sub",
    /// "old" ending an age ("a 50-year-old").
    Old = "old",
    /// "up" in "up to" between the ends of a range.
    Up = "up",
    /// A word that opens a new clause: a from-to range does not reach over it.
    ClauseBreak = "clause_break",
    /// "aged" before an age ("aged 25").
    Aged = "aged",
    /// "age" in "the age of 21".
    Age = "age",
    /// The country of a currency written after an amount, before a rate ("$75 U.S. per
    /// barrel"), in capitals.
    CurrencyCountry = "currency_country",
    /// "each" ("$5 each", "20 flights each week").
    Each = "each",
    /// A word after "a year" that makes it a time, not a rate ("a year earlier").
    TimeAgo = "time_ago",
    /// "plus" after a hyphen: at least ("50-plus").
    Plus = "plus",
    /// A word between a number and its counted noun ("seven million more people", "2,000
    /// other staff").
    Additional = "additional",
    /// A word after a number that continues the count of the noun before ("seven million
    /// more", "2,000 others").
    ContinuesCount = "continues_count",
    /// A verb stating an age after a person ("she was 42", "he turned 30").
    AgeVerb = "age_verb",
    /// "be" after a modal ("he will be 61").
    Be = "be",
    /// A word before "be" ("will", "would", "to").
    Modal = "modal",
    /// A pronoun for a person ("he", "she", "who").
    Person = "person",
    /// A word after an age that ends its clause ("she was 42 when …").
    AfterAge = "after_age",
    /// A word that may follow the noun of a price per unit ("$1.40 a share in 2003").
    RateEnd = "rate_end",
}

impl Role {
    const fn bit(self) -> u128 {
        1 << (self as u8 as u32)
    }
}

/// A set of roles (the roles of one word).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Roles(u128);

impl Roles {
    /// No role.
    pub const NONE: Roles = Roles(0);

    /// The set of one role.
    pub const fn of(role: Role) -> Roles {
        Roles(role.bit())
    }

    /// Adds a role.
    pub fn insert(&mut self, role: Role) {
        self.0 |= role.bit();
    }

    /// Does the set hold this role?
    pub const fn has(self, role: Role) -> bool {
        self.0 & role.bit() != 0
    }

    /// Does the set share a role with `other`?
    pub const fn any(self, other: Roles) -> bool {
        self.0 & other.0 != 0
    }

    /// Is the set empty?
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl From<Role> for Roles {
    fn from(r: Role) -> Roles {
        Roles(r.bit())
    }
}

impl std::ops::BitOr for Role {
    type Output = Roles;
    fn bitor(self, rhs: Role) -> Roles {
        Roles(self.bit() | rhs.bit())
    }
}

impl std::ops::BitOr<Role> for Roles {
    type Output = Roles;
    fn bitor(self, rhs: Role) -> Roles {
        Roles(self.0 | rhs.bit())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_fit_the_set() {
        assert!(Role::ALL.len() <= 128);
        for &r in Role::ALL {
            assert_eq!(Role::from_name(r.name()), Some(r));
        }
        let set = Role::Month | Role::Stop;
        assert!(set.has(Role::Month) && set.has(Role::Stop) && !set.has(Role::Label));
        assert!(set.any(Role::Stop.into()) && !set.any(Role::Label | Role::Sports));
    }
}
