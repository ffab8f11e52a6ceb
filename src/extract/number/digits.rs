//! Numbers written in digits: the extent of a number token (grouping and decimal marks of the
//! document's number syntax) and its value.

/// How a locale writes numbers in digits (the `decimal_mark` and `group_mark` columns of
/// `locales.csv`). Narrow and no-break spaces group digits in every locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberSyntax {
    /// The decimal mark ("3.5").
    pub decimal: u8,
    /// The thousands separator ("14,000").
    pub group: u8,
}

impl Default for NumberSyntax {
    /// Full stop for decimals, comma for thousands (English).
    fn default() -> Self {
        NumberSyntax {
            decimal: b'.',
            group: b',',
        }
    }
}

fn is_space_sep(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{2009}' | '\u{202f}')
}

/// The end of the number starting at byte `start`: digits with thousands separators
/// (`14,000`, `14 000`) and a decimal part.
pub(crate) fn scan_number(text: &str, start: usize, syntax: NumberSyntax) -> usize {
    let b = text.as_bytes();
    let digits = |i: usize| i + b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if b[start] == syntax.decimal {
        return digits(start + 1);
    }
    let mut i = digits(start);
    let first_group = i - start;
    let mut grouped = false;
    // groups after the group mark: "14,000,000"; a lead of more than three digits takes none
    while i + 3 < b.len() && b[i] == syntax.group && (first_group <= 3 || grouped) {
        let j = digits(i + 1);
        if j - (i + 1) != 3 {
            break;
        }
        i = j;
        grouped = true;
    }
    if !grouped && first_group <= 3 {
        i = space_groups(text, start, i, syntax);
    }
    // decimals
    if i + 1 < b.len() && b[i] == syntax.decimal && b[i + 1].is_ascii_digit() {
        i = digits(i + 1);
    }
    i
}

/// Groups after spaces: narrow and no-break spaces always, a plain space only after a clean
/// lead of one to three digits and before exactly three digits that end the number.
fn space_groups(text: &str, start: usize, mut i: usize, syntax: NumberSyntax) -> usize {
    let b = text.as_bytes();
    let n = b.len();
    let digits = |i: usize| i + b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    loop {
        let rest = &text[i..];
        let sep_len = match rest.chars().next() {
            Some(c) if is_space_sep(c) => c.len_utf8(),
            Some(' ') => 1,
            _ => return i,
        };
        let j = digits(i + sep_len);
        let plain = sep_len == 1;
        let next_ok = j >= n
            || !(b[j].is_ascii_digit()
                || b[j] == syntax.group
                || (b[j] == syntax.decimal && j + 1 < n && b[j + 1].is_ascii_digit()));
        if j - (i + sep_len) == 3
            && next_ok
            && (!plain || start == 0 || !b[start - 1].is_ascii_digit())
        {
            i = j;
            continue;
        }
        return i;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extent(text: &str) -> &str {
        &text[..scan_number(text, 0, NumberSyntax::default())]
    }

    #[test]
    fn groups_and_decimals() {
        assert_eq!(extent("14,000 troops"), "14,000");
        assert_eq!(extent("1,234,567.89m"), "1,234,567.89");
        assert_eq!(extent("12,34"), "12");
        assert_eq!(extent("2014,500"), "2014");
        assert_eq!(extent("14 000 km"), "14 000");
        assert_eq!(
            extent("14\u{202f}000\u{202f}000"),
            "14\u{202f}000\u{202f}000"
        );
        assert_eq!(extent("5 100m"), "5 100");
        assert_eq!(extent("5 1000"), "5");
        assert_eq!(extent("3.5."), "3.5");
        assert_eq!(extent(".5%"), ".5");
    }

    #[test]
    fn another_syntax_swaps_the_marks() {
        let de = NumberSyntax {
            decimal: b',',
            group: b'.',
        };
        let t = "1.234,5 Euro";
        assert_eq!(&t[..scan_number(t, 0, de)], "1.234,5");
    }
}
