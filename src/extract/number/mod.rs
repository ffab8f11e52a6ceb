//! Reading numbers: digits ([`digits`]) and number words.

pub(crate) mod digits;
