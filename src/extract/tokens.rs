//! The tokenizer: one pass over the scan text cutting words (letters, with inner apostrophes),
//! numbers (digits with the grouping and decimal marks of the document's number syntax) and
//! single symbols, each with the whitespace before it.

use super::number::digits::{NumberSyntax, scan_number};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// A run of letters ("troops", "don't", "Zürich").
    Word,
    /// Digits with their grouping and decimal marks ("14,000", "3.5", ".5").
    Num,
    /// Any other single character ("$", "%", "-").
    Sym,
}

/// One token: a byte range of the scan text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    /// Start byte.
    pub s: u32,
    /// End byte (exclusive).
    pub e: u32,
    /// What the token is.
    pub kind: TokKind,
    /// Whitespace before it: 0 none, 1 spaces, 2 one line break, 3 blank line.
    pub ws: u8,
}

/// Cuts `text` into tokens (into `out`, cleared first).
pub(crate) fn tokenize(text: &str, syntax: NumberSyntax, out: &mut Vec<Tok>) {
    out.clear();
    out.reserve(text.len() / 5);
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut ws: u8 = 0;
    while i < n {
        let c = b[i];
        if c == b' ' || c == b'\t' || c == b'\r' {
            ws = ws.max(1);
            i += 1;
            continue;
        }
        if c == b'\n' {
            ws = if ws >= 2 { 3 } else { 2 };
            i += 1;
            continue;
        }
        let start = i;
        let kind = if starts_number(b, i, syntax) {
            i = scan_number(text, i, syntax);
            TokKind::Num
        } else if c < 0x80 {
            if c.is_ascii_alphabetic() {
                i = word_end(text, i + 1);
                TokKind::Word
            } else {
                i += 1;
                TokKind::Sym
            }
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            if ch.is_whitespace() {
                ws = ws.max(1);
                i += ch.len_utf8();
                continue;
            }
            i += ch.len_utf8();
            if ch.is_alphabetic() {
                i = letters_end(text, i);
                TokKind::Word
            } else {
                TokKind::Sym
            }
        };
        out.push(Tok {
            s: start as u32,
            e: i as u32,
            kind,
            ws,
        });
        ws = 0;
    }
}

/// Does a number start at byte `i`: a digit, or a decimal mark before a digit that does not
/// follow a letter or digit (".5")?
fn starts_number(b: &[u8], i: usize, syntax: NumberSyntax) -> bool {
    b[i].is_ascii_digit()
        || (b[i] == syntax.decimal
            && i + 1 < b.len()
            && b[i + 1].is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric()))
}

/// The end of a word that started with an ASCII letter: letters, inner apostrophes ("don't",
/// "don’t") and non-ASCII letters.
fn word_end(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    let n = b.len();
    while i < n {
        let d = b[i];
        if d.is_ascii_alphabetic() || (d == b'\'' && i + 1 < n && b[i + 1].is_ascii_alphabetic()) {
            i += 1;
        } else if d >= 0x80 {
            let ch = text[i..].chars().next().unwrap_or(' ');
            if ch.is_alphabetic() {
                i += ch.len_utf8();
            } else if ch == '’' && text[i + 3..].starts_with(|x: char| x.is_alphabetic()) {
                i += 3;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    i
}

/// The end of a word that started with a non-ASCII letter: letters only.
fn letters_end(text: &str, mut i: usize) -> usize {
    while let Some(ch) = text[i..].chars().next() {
        if !ch.is_alphabetic() {
            break;
        }
        i += ch.len_utf8();
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<(&str, TokKind, u8)> {
        let mut out = Vec::new();
        tokenize(text, NumberSyntax::default(), &mut out);
        out.iter()
            .map(|t| (&text[t.s as usize..t.e as usize], t.kind, t.ws))
            .collect()
    }

    #[test]
    fn words_numbers_and_symbols_with_the_space_before() {
        use TokKind::*;
        assert_eq!(
            cut("It's 14,000 km—don’t.\n\nZürich .5"),
            vec![
                ("It's", Word, 0),
                ("14,000", Num, 1),
                ("km", Word, 1),
                ("—", Sym, 0),
                ("don’t", Word, 0),
                (".", Sym, 0),
                ("Zürich", Word, 3),
                (".5", Num, 1),
            ]
        );
        // a decimal mark glued to letters is a full stop
        assert_eq!(cut("v.5")[1], (".", Sym, 0));
        assert_eq!(cut("a\nb")[1].2, 2);
    }
}
