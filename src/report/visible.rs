//! Text from articles and file names made safe for a terminal: control characters (C0, DEL,
//! C1) and the bidirectional and zero-width controls are shown as visible symbols, one column
//! each, so an escape sequence in an article or a file name can neither colour, retitle nor
//! hyperlink the reader's terminal, nor reorder what is displayed. Tabs stay; line ends are
//! the renderers' own.

use std::borrow::Cow;

/// `s` with every character a terminal would act on replaced by a visible one of one column:
/// C0 controls by their Unicode control pictures (ESC shows as ␛, BEL as ␇), DEL as ␡, C1
/// controls and bidirectional or zero-width controls as U+FFFD.
pub(crate) fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(acted_on) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(shown).collect())
}

fn acted_on(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n') || is_format_control(c)
}

/// Bidirectional embeddings, overrides, isolates and marks, and zero-width characters.
fn is_format_control(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{61c}' | '\u{feff}'
    )
}

fn shown(c: char) -> char {
    match c {
        '\t' | '\n' => c,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        c if acted_on(c) => '\u{fffd}',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_bidi_controls_are_shown_not_obeyed() {
        assert!(matches!(visible("plain 5 km"), Cow::Borrowed(_)));
        assert_eq!(visible("\u{1b}[31mred\u{1b}[0m"), "␛[31mred␛[0m");
        assert_eq!(visible("\u{1b}]8;;http://x\u{7}link"), "␛]8;;http://x␇link");
        assert_eq!(visible("a\rb\u{7f}\u{9b}c"), "a␍b␡\u{fffd}c");
        assert_eq!(visible("\u{202e}%05\u{202c}"), "\u{fffd}%05\u{fffd}");
        assert_eq!(visible("tab\tstays"), "tab\tstays");
        // one column for one character: a caret under the text stays aligned
        let s = "x\u{1b}y\u{200b}z";
        assert_eq!(visible(s).chars().count(), s.chars().count());
    }
}
