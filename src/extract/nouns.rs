//! Nouns after a number: the counted noun phrase ("14,000 Soviet troops", "first-team
//! players", "police officers"), plural heads, and nouns used as modifiers ("a 12 page
//! document").

use super::cursor::{Cursor, Pat};
use crate::lexicon::{Ending, Role};

/// A counted noun phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Counted {
    /// Its head, singular and lower case ("troop").
    pub head: String,
    /// The phrase as written ("Soviet troops").
    pub phrase: String,
    /// One past its last token.
    pub end: usize,
}

/// Is the token a plain content word: lower case, three letters or more, no function word,
/// month or number word?
pub(crate) fn plain_word(ctx: &Cursor, i: usize) -> bool {
    ctx.low(i).len() >= 3
        && !ctx.has_capital(i)
        && !ctx.is(i, Role::Stop | Role::DeterminerBlock | Role::Month)
        && ctx.number_word(i).is_none()
}

/// Does the word ending just before `end` name a plural ("troops", "people", "gunmen")?
pub(crate) fn is_plural(ctx: &Cursor, end: usize) -> bool {
    let last = end - 1;
    ctx.is(last, Role::PluralNoun) || ctx.lex.language().is_plural(ctx.low(last))
}

/// The counted noun phrase starting at `j`; after "one" (`singular_number`) a singular noun.
pub(crate) fn counted_phrase(ctx: &Cursor, j: usize, singular_number: bool) -> Option<Counted> {
    let j = after_describing_adverb(ctx, j);
    let mut p = Phrase {
        words: Vec::new(),
        head: None,
        max_words: 4,
        singular_number,
    };
    let mut k = j;
    while p.words.len() < p.max_words && ctx.is_word(k) && ctx.ws(k) <= 2 && ctx.same_sentence(j, k)
    {
        if p.coordinated(ctx, k) {
            k += 1;
            continue;
        }
        if ends_phrase(ctx, k, p.words.is_empty()) {
            break;
        }
        // join hyphenated compounds: "first-team", "coal-fired"
        let mut end = k + 1;
        while ctx.seq(end, &[Pat::HYPHEN.glued(), Pat::WORD.glued()]) {
            end += 2;
        }
        if verb_before_object(ctx, k, end) {
            break;
        }
        p.words.push((k, end));
        if is_plural(ctx, end) {
            p.head = Some(p.words.len());
            p.collective_modifier(ctx, k, end);
            break;
        }
        if singular_number && p.singular_head(ctx, k, end) {
            break;
        }
        k = end;
    }
    p.counted(ctx)
}

/// "20 decently sized power plants": an adverb and its participle describe; they are not what
/// is counted.
fn after_describing_adverb(ctx: &Cursor, j: usize) -> usize {
    let lang = ctx.lex.language();
    let describes = ctx.is_word(j)
        && ctx.at(j + 1, Pat::WORD)
        && ctx.ws(j + 1) == 1
        && ctx.low(j).len() > 5
        && lang.ends_as(ctx.low(j), Ending::Adverb)
        && lang.ends_as(ctx.low(j + 1), Ending::PastParticiple)
        && !ctx.is(j, Role::Stop)
        && ctx.is_word(j + 2)
        && ctx.same_sentence(j, j + 2);
    if describes { j + 2 } else { j }
}

/// Does the word at `k` end the phrase before it is taken: a function word, a number or scale
/// word, a change verb first, an adverb, a participle after a noun, or a verb first ("20 died
/// and …", "300 injured.")?
fn ends_phrase(ctx: &Cursor, k: usize, first: bool) -> bool {
    let lang = ctx.lex.language();
    let w = ctx.low(k);
    let r = ctx.roles(k);
    // a hyphenated compound ("first-team", "long-term") is judged as a whole
    let compound = ctx.seq(k + 1, &[Pat::HYPHEN.glued(), Pat::WORD.glued()]);
    let verb_form =
        lang.ends_as(w, Ending::PastParticiple) || lang.ends_as(w, Ending::PresentParticiple);
    (!compound
        && r.any(Role::Stop | Role::DeterminerBlock | Role::Month)
        && !r.has(Role::PluralNoun))
        || ctx.number_word(k).is_some()
        || ctx.is_scale_word(k)
        || (ctx.change(k).is_some() && first)
        || (lang.ends_as(w, Ending::Adverb) && w.len() > 4)
        || (verb_form && !first)
        || (verb_form && first && (!ctx.is_word(k + 1) || ctx.is(k + 1, Role::Stop)))
}

/// "93 million makes it": a verb, not a noun, when a pronoun or determiner follows.
fn verb_before_object(ctx: &Cursor, k: usize, end: usize) -> bool {
    ctx.is(end, Role::ObjectPronoun | Role::Determiner)
        && !ctx.is(end, Role::A | Role::The)
        && ctx.lex.language().ends_as(ctx.low(k), Ending::VerbS)
}

/// A counted phrase being read.
struct Phrase {
    /// Token ranges of its words (a hyphenated compound is one word).
    words: Vec<(usize, usize)>,
    /// The number of words up to the head, once found.
    head: Option<usize>,
    max_words: usize,
    singular_number: bool,
}

impl Phrase {
    /// Coordinated modifiers: "Kia and Hyundai vehicles", "digital and physical sales".
    fn coordinated(&mut self, ctx: &Cursor, k: usize) -> bool {
        let link = ctx.is(k, Role::And | Role::Or)
            && !self.singular_number
            && !self.words.is_empty()
            && self.max_words == 4
            && ctx.ws(k) == 1
            && ctx.is_word(k + 1)
            && ctx.ws(k + 1) == 1
            && !ctx.is(k + 1, Role::Stop | Role::DeterminerBlock)
            && ctx.number_word(k + 1).is_none();
        if link {
            self.words.push((k, k + 1));
            self.max_words = 5;
        }
        link
    }

    /// "police officers", "staff members": a collective noun used as a modifier takes the noun
    /// after it as the head.
    fn collective_modifier(&mut self, ctx: &Cursor, k: usize, n: usize) {
        let next = n == k + 1
            && ctx.is(k, Role::Collective)
            && self.words.len() < self.max_words
            && ctx.is_word(n)
            && ctx.ws(n) == 1
            && ctx.same_sentence(k, n)
            && !ctx.is(n, Role::Stop | Role::DeterminerBlock | Role::Month)
            && !ctx.has_capital(n)
            && !ctx.at(n + 1, Pat::HYPHEN.glued())
            && ctx.low(n).len() > 3
            && is_plural(ctx, n + 1)
            && !ctx.is(n, Role::PluralNoun);
        if next {
            self.words.push((n, n + 1));
            self.head = Some(self.words.len());
        }
    }

    /// After "one": "one man", "one area"; a second word only after an adjective ("one
    /// civilian planemaker", "one British firm"), not before a verb ("one country dominate").
    /// Is the word at `k` the head?
    fn singular_head(&mut self, ctx: &Cursor, k: usize, end: usize) -> bool {
        let adjective =
            ctx.capitalized(k) || ctx.lex.language().ends_as(ctx.low(k), Ending::Adjective);
        let head = !ctx.is_word(end)
            || ctx.is(end, Role::Stop | Role::DeterminerBlock)
            || ctx.glued(end)
            || !adjective;
        if head {
            self.head = Some(self.words.len());
        }
        head
    }

    /// The phrase up to its head; a single noun that ends the phrase after "one" ("one
    /// country") is its own head.
    fn counted(self, ctx: &Cursor) -> Option<Counted> {
        let take = match self.head {
            Some(n) => n,
            None if self.words.len() == 1 && self.singular_number => 1,
            None => return None,
        };
        if take == 0 {
            return None;
        }
        let (ps, _) = self.words[0];
        let (hs, he) = self.words[take - 1];
        let span =
            |a: usize, b: usize| &ctx.text[ctx.toks[a].s as usize..ctx.toks[b - 1].e as usize];
        let head = ctx.lex.language().singular(span(hs, he));
        (head.len() >= 2).then(|| Counted {
            head,
            phrase: span(ps, he).to_string(),
            end: he,
        })
    }
}

/// A lower-case singular noun at `n` used as a modifier of the noun after it: "a 12 page
/// document", "a 3 cylinder engine".
pub(crate) fn attributive_noun(ctx: &Cursor, n: usize) -> bool {
    if !ctx.is_word(n) || ctx.ws(n) != 1 || !ctx.is_word(n + 1) || ctx.ws(n + 1) != 1 {
        return false;
    }
    if !ctx.same_sentence(n, n + 1) {
        return false;
    }
    let lang = ctx.lex.language();
    let plain = |i: usize| {
        let w = ctx.low(i);
        plain_word(ctx, i)
            && ctx.change(i).is_none()
            && !ctx.is_scale_word(i)
            && !lang.ends_as(w, Ending::Adverb)
            && !lang.ends_as(w, Ending::PastParticiple)
            && !lang.ends_as(w, Ending::PresentParticiple)
    };
    plain(n)
        && plain(n + 1)
        && !is_plural(ctx, n + 1)
        && !ctx.is(
            n,
            Role::Comparative | Role::Other | Role::Per | Role::MultiplierNoun,
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cursor::on_text;

    fn counted(text: &str, at: usize, singular: bool) -> Option<(String, String)> {
        on_text(text, |c| {
            counted_phrase(c, at, singular).map(|x| (x.head, x.phrase))
        })
    }

    fn pair(head: &str, phrase: &str) -> Option<(String, String)> {
        Some((head.into(), phrase.into()))
    }

    #[test]
    fn heads_and_phrases() {
        assert_eq!(
            counted("14,000 Soviet troops left", 1, false),
            pair("troop", "Soviet troops")
        );
        assert_eq!(
            counted("9 first-team players left", 1, false),
            pair("player", "first-team players")
        );
        assert_eq!(
            counted("70 Ford and Vauxhall vans", 1, false),
            pair("van", "Ford and Vauxhall vans")
        );
        assert_eq!(
            counted("30 reasonably sized wind farms", 1, false),
            pair("farm", "wind farms")
        );
        assert_eq!(
            counted("90 police officers came", 1, false),
            pair("officer", "police officers")
        );
        assert_eq!(
            counted("one British firm said", 1, true),
            pair("firm", "British firm")
        );
        assert_eq!(
            counted("one country dominate", 1, true),
            pair("country", "country")
        );
    }

    #[test]
    fn verbs_and_function_words_are_not_counted() {
        assert_eq!(counted("20 died and 30 fled", 1, false), None);
        assert_eq!(counted("93 million makes it", 2, false), None);
        assert_eq!(counted("5 of the staff", 1, false), None);
        assert_eq!(counted("5 sharply higher", 1, false), None);
    }

    #[test]
    fn modifiers() {
        assert!(on_text("a 12 page document", |c| attributive_noun(c, 2)));
        assert!(!on_text("a 12 pages document", |c| attributive_noun(c, 2)));
        assert!(!on_text("a 12 more people", |c| attributive_noun(c, 2)));
        assert!(on_text("some people", |c| is_plural(c, 2)));
        assert!(!on_text("the firm's", |c| is_plural(c, 2)));
    }
}
