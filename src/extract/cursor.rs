//! The cursor: one document's tokens with their lower-case text, what the lexicon knows about
//! each word and the sentence each token is in — and small declarative patterns over them
//! ([`Pat`]), so that a form says "a hyphen, glued, then 'old'" instead of computing offsets.

use super::number::digits::NumberSyntax;
use super::sentences::sentence_starts;
use super::tokens::{Tok, TokKind, tokenize};
use crate::lexicon::{Direction, Lexicon, NumberWord, Role, Roles, WordInfo};

/// What a cursor reads, filled once per document; the vectors are reused from one document to
/// the next.
#[derive(Default)]
pub(crate) struct Buffers<'l> {
    toks: Vec<Tok>,
    lower: Vec<(u32, u32)>,
    lower_buf: String,
    info: Vec<Option<&'l WordInfo>>,
    sent_starts: Vec<usize>,
    sent_of: Vec<u32>,
}

impl<'l> Buffers<'l> {
    /// Tokenizes `text`, looks up each word and finds the sentences.
    pub fn fill(&mut self, text: &str, syntax: NumberSyntax, lex: &'l Lexicon) {
        tokenize(text, syntax, &mut self.toks);
        self.lower_words(text, lex);
        self.sent_starts = sentence_starts(text, &self.toks, &self.info);
        self.sent_of.clear();
        self.sent_of.reserve(self.toks.len());
        let mut si = 0;
        for i in 0..self.toks.len() {
            while si + 1 < self.sent_starts.len() && self.sent_starts[si + 1] <= i {
                si += 1;
            }
            self.sent_of.push(si as u32);
        }
    }

    /// The lower-case text of every word token and what the lexicon knows about it.
    fn lower_words(&mut self, text: &str, lex: &'l Lexicon) {
        self.lower.clear();
        self.lower_buf.clear();
        self.info.clear();
        self.lower.reserve(self.toks.len());
        self.info.reserve(self.toks.len());
        self.lower_buf.reserve(text.len() / 2);
        for t in &self.toks {
            let start = self.lower_buf.len();
            if t.kind == TokKind::Word {
                let s = &text[t.s as usize..t.e as usize];
                if s.is_ascii() {
                    self.lower_buf.push_str(s);
                    self.lower_buf[start..].make_ascii_lowercase();
                } else {
                    self.lower_buf
                        .extend(s.chars().flat_map(char::to_lowercase));
                }
            }
            let end = self.lower_buf.len();
            self.lower.push((start as u32, end as u32));
            let info = if end > start {
                lex.word(&self.lower_buf[start..end])
            } else {
                None
            };
            self.info.push(info);
        }
    }

    /// A cursor over the filled buffers of `text` (the document's locale, if it names one).
    pub fn cursor<'a>(
        &'a self,
        text: &'a str,
        lex: &'a Lexicon,
        syntax: NumberSyntax,
        locale: Option<&'a str>,
    ) -> Cursor<'a> {
        Cursor {
            text,
            toks: &self.toks,
            lower: &self.lower,
            lower_buf: &self.lower_buf,
            info: &self.info,
            lex,
            sent_of: &self.sent_of,
            sent_starts: &self.sent_starts,
            syntax,
            doc_has_pound_sign: text.contains('£'),
            locale_cues: locale.map(|l| lex.locale_cues(l)).unwrap_or(&[]),
            locale,
        }
    }
}

/// Runs `f` on a cursor over `text` read with the shipped tables (for tests).
#[cfg(test)]
pub(crate) fn on_text<R>(text: &str, f: impl FnOnce(&Cursor) -> R) -> R {
    let lex = Lexicon::embedded();
    let mut b = Buffers::default();
    b.fill(text, NumberSyntax::default(), lex);
    f(&b.cursor(text, lex, NumberSyntax::default(), None))
}

/// One document's tokens and what is known about them. Every accessor takes a token index and
/// answers for an index past the end as for no token (empty text, no kind, a blank line before).
pub(crate) struct Cursor<'a> {
    /// The scan text.
    pub text: &'a str,
    /// Its tokens.
    pub toks: &'a [Tok],
    /// Lower-case text of each token, as a range of `lower_buf` (empty for non-words).
    pub lower: &'a [(u32, u32)],
    /// The lower-case text of every word, one after the other.
    pub lower_buf: &'a str,
    /// What the lexicon knows about each word token.
    pub info: &'a [Option<&'a WordInfo>],
    /// The tables.
    pub lex: &'a Lexicon,
    /// Index of the sentence of each token.
    pub sent_of: &'a [u32],
    /// First token of each sentence.
    pub sent_starts: &'a [usize],
    /// How the document writes numbers in digits.
    pub syntax: NumberSyntax,
    /// The document uses a £ sign somewhere (British usage).
    pub doc_has_pound_sign: bool,
    /// Cue words the article's locale implies for every sentence.
    pub locale_cues: &'a [String],
    /// The article's locale, as given.
    pub locale: Option<&'a str>,
}

impl<'a> Cursor<'a> {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The token's text as written.
    pub fn t(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => &self.text[t.s as usize..t.e as usize],
            None => "",
        }
    }

    /// The token's text in lower case ("" for anything but a word).
    pub fn low(&self, i: usize) -> &'a str {
        match self.lower.get(i) {
            Some(&(a, b)) => &self.lower_buf[a as usize..b as usize],
            None => "",
        }
    }

    /// What the token is.
    pub fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Is the token a word?
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Word)
    }

    /// Is the token a number in digits?
    pub fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Num)
    }

    /// Is the token the symbol `s`?
    pub fn is_sym(&self, i: usize, s: &str) -> bool {
        self.kind(i) == Some(TokKind::Sym) && self.t(i) == s
    }

    /// Is the token a hyphen or dash?
    pub fn is_hyphen(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Sym) && matches!(self.t(i), "-" | "–" | "—" | "‐")
    }

    /// Whitespace before the token: 0 none, 1 spaces, 2 a line break, 3 a blank line (or no
    /// token).
    pub fn ws(&self, i: usize) -> u8 {
        self.toks.get(i).map(|t| t.ws).unwrap_or(3)
    }

    /// Is the token glued to the one before (no whitespace)?
    pub fn glued(&self, i: usize) -> bool {
        self.ws(i) == 0
    }

    /// Is the token a word starting with a capital?
    pub fn capitalized(&self, i: usize) -> bool {
        self.is_word(i) && self.t(i).chars().next().is_some_and(|c| c.is_uppercase())
    }

    /// Does the token hold a capital letter anywhere?
    pub fn has_capital(&self, i: usize) -> bool {
        self.t(i).chars().any(|c| c.is_uppercase())
    }

    /// The roles of a word token (none for anything else).
    pub fn roles(&self, i: usize) -> Roles {
        match self.info.get(i) {
            Some(Some(w)) => w.roles,
            _ => Roles::NONE,
        }
    }

    /// Does the token have one of these roles?
    pub fn is(&self, i: usize, r: impl Into<Roles>) -> bool {
        self.roles(i).any(r.into())
    }

    /// The token as a number word.
    pub fn number_word(&self, i: usize) -> Option<NumberWord> {
        self.info.get(i).copied().flatten().and_then(|w| w.number)
    }

    /// The direction of change the word states ("rose": up).
    pub fn change(&self, i: usize) -> Option<Direction> {
        self.info.get(i).copied().flatten().and_then(|w| w.change)
    }

    /// Is the token a scale word in lower case ("million")?
    pub fn is_scale_word(&self, i: usize) -> bool {
        self.info.get(i).copied().flatten().is_some_and(|w| w.scale)
    }

    /// Are two tokens in the same sentence?
    pub fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.sent_of.get(a) == self.sent_of.get(b)
    }

    /// The first token of the sentence of token `i`.
    pub fn sentence_first(&self, i: usize) -> usize {
        self.sent_starts[self.sent_of[i] as usize]
    }

    /// One past the last token of the sentence of token `i`.
    pub fn sentence_end(&self, i: usize) -> usize {
        let si = self.sent_of[i] as usize;
        self.sent_starts.get(si + 1).copied().unwrap_or(self.len())
    }

    /// Do the tokens from `i` spell `word` written with full stops ("a.m." as "a" "." "m"; its
    /// final full stop may be missing)? With `capitals`, the letters must be written in
    /// capitals ("A.D."); otherwise any case.
    pub fn spells(&self, i: usize, word: &str, capitals: bool) -> bool {
        word.trim_end_matches('.')
            .split('.')
            .enumerate()
            .all(|(k, piece)| {
                let t = i + 2 * k;
                (k == 0 || self.is_sym(t - 1, "."))
                    && self.is_word(t)
                    && self.low(t) == piece
                    && (!capitals || self.t(t).chars().all(char::is_uppercase))
            })
    }

    /// Do the tokens just before `end` spell `word` with its full stops, the last one included
    /// ("A.D." before "1000")?
    pub fn spells_before(&self, end: usize, word: &str, capitals: bool) -> bool {
        let n = 2 * word.trim_end_matches('.').split('.').count();
        end >= n && self.is_sym(end - 1, ".") && self.spells(end - n, word, capitals)
    }

    /// Does token `i` match the pattern step?
    pub fn at(&self, i: usize, p: Pat) -> bool {
        let space_ok = match p.space {
            Space::Any => true,
            Space::Glued => self.ws(i) == 0,
            Space::Spaced => self.ws(i) > 0,
        };
        space_ok
            && match p.test {
                Test::Word => self.is_word(i),
                Test::Num => self.is_num(i),
                Test::Hyphen => self.is_hyphen(i),
                Test::Sym(s) => self.is_sym(i, s),
                Test::Roles(r) => self.roles(i).any(r),
            }
    }

    /// Do the tokens from `i` on match the steps, one token each?
    pub fn seq(&self, i: usize, steps: &[Pat]) -> bool {
        steps.iter().enumerate().all(|(k, &p)| self.at(i + k, p))
    }

    /// Do the tokens just before `i` match the steps (the last step is token `i - 1`)?
    pub fn seq_before(&self, i: usize, steps: &[Pat]) -> bool {
        i >= steps.len() && self.seq(i - steps.len(), steps)
    }
}

/// What a pattern step asks of a token.
#[derive(Debug, Clone, Copy)]
enum Test {
    Word,
    Num,
    Hyphen,
    Sym(&'static str),
    Roles(Roles),
}

/// What a pattern step asks of the whitespace before its token.
#[derive(Debug, Clone, Copy)]
enum Space {
    Any,
    Glued,
    Spaced,
}

/// One step of a token pattern: what the token must be, and whether it must be glued to the
/// token before it or spaced from it. `[Pat::HYPHEN.glued(), Pat::role(Role::Old).glued()]`
/// reads "-old" written as one word.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pat {
    test: Test,
    space: Space,
}

impl Pat {
    /// Any word.
    pub const WORD: Pat = Pat::new(Test::Word);
    /// A number in digits.
    pub const NUM: Pat = Pat::new(Test::Num);
    /// A hyphen or dash.
    pub const HYPHEN: Pat = Pat::new(Test::Hyphen);

    const fn new(test: Test) -> Pat {
        Pat {
            test,
            space: Space::Any,
        }
    }

    /// The symbol `s`.
    pub const fn sym(s: &'static str) -> Pat {
        Pat::new(Test::Sym(s))
    }

    /// A word with this role.
    pub const fn role(r: Role) -> Pat {
        Pat::new(Test::Roles(Roles::of(r)))
    }

    /// ... with no whitespace before it.
    pub const fn glued(self) -> Pat {
        Pat {
            space: Space::Glued,
            ..self
        }
    }

    /// ... with whitespace before it.
    pub const fn spaced(self) -> Pat {
        Pat {
            space: Space::Spaced,
            ..self
        }
    }
}
