//! The morphology of the language an article is read in, behind one small trait: how a noun's
//! singular is written, whether a word is a plural, what its ending says about it. English is
//! implemented ([`English`], from `lexicon/en/endings.csv`); another language is a folder of
//! tables and, where its morphology differs, an implementation of [`Language`].

mod english;

pub use english::English;

/// What the ending of a word says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Ending {
    /// An adverb ("sharply").
    Adverb,
    /// A past participle or past tense ("coal-fired", "injured").
    PastParticiple,
    /// A present participle ("rushing").
    PresentParticiple,
    /// An ordinal ("96th").
    Ordinal,
    /// An adjective ("British", "civilian").
    Adjective,
    /// A verb agreeing with a plural subject read as a noun ("93 million makes it").
    VerbS,
    /// A possessive ("the firm's").
    Possessive,
}

/// The morphology the extractor and checker need of a language.
pub trait Language: std::fmt::Debug + Send + Sync {
    /// The language's code ("en").
    fn code(&self) -> &str;

    /// The lower-case singular of a noun ("Troops" → "troop", "countries" → "country").
    fn singular(&self, word: &str) -> String;

    /// Does the lower-case word end like a regular plural ("troops"; not "glass", "bus")?
    fn regular_plural(&self, word: &str) -> bool;

    /// Is the lower-case word a plural noun by its ending: a regular plural that is no
    /// possessive, or an ending plural on its own ("policemen")?
    fn is_plural(&self, word: &str) -> bool;

    /// Does the lower-case word end as `class` says?
    fn ends_as(&self, word: &str, class: Ending) -> bool;
}
