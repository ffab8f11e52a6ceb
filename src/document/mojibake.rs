//! Mojibake: UTF-8 text that was once read as Windows-1252 (or Latin-1) and written out again as
//! UTF-8, so that each multi-byte character shows as two or three Latin characters: "Ã©" for
//! "é", "â€“" for "–", "Â" and a no-break space for a no-break space. Pages scraped from the web
//! carry it, often twice over ("Ã‚" is "Â" mis-read once more), and it glues stray letters to
//! the words around the numbers ("GDPÃ‚ in"), so that phrases no longer read.
//!
//! The rule: a run of characters that all have a Windows-1252 byte of 0x80 or above is taken
//! back to those bytes, and every stretch of them that is a well-formed UTF-8 multi-byte
//! character becomes that character; this is repeated while it changes something (text
//! mis-read twice). An "Â" left without its continuation after such a repair is the rest of
//! a no-break space whose second byte was lost (turned into the space that follows): it is
//! dropped. A run that no repair changes is left as written, so ordinary accented text ("Öl",
//! "São Paulo", "£5") passes untouched: no word of a language written in Latin letters puts
//! one of the lead letters "Â"–"ß" or "à"–"ï" right before a continuation sign such as "‚",
//! "€", "©" or a no-break space.

/// The characters Windows-1252 puts at bytes 0x80–0x9F (0 where the byte is undefined: Latin-1
/// readers pass those through as the C1 control of the same number).
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '•', '–', '—', '˜', '™', 'š', '›',
    'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The Windows-1252 byte of `c`, when it is 0x80 or above.
fn high_byte(c: char) -> Option<u8> {
    match c as u32 {
        0x80..=0xff => Some(c as u32 as u8),
        _ => CP1252_HIGH
            .iter()
            .position(|&h| h == c)
            .map(|i| 0x80 + i as u8),
    }
}

/// How many bytes a UTF-8 character starting with `b` has, for a multi-byte lead byte.
fn lead_len(b: u8) -> Option<usize> {
    match b {
        0xc2..=0xdf => Some(2),
        0xe0..=0xef => Some(3),
        0xf0..=0xf4 => Some(4),
        _ => None,
    }
}

/// One pass over a run of high characters: every well-formed UTF-8 multi-byte character among
/// their bytes decoded, the rest kept. `None` when nothing decoded.
fn repair_once(run: &str) -> Option<String> {
    let chars: Vec<char> = run.chars().collect();
    let bytes: Vec<Option<u8>> = chars.iter().map(|&c| high_byte(c)).collect();
    let mut out = String::with_capacity(run.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        if let Some(n) = bytes[i].and_then(lead_len)
            && i + n <= chars.len()
        {
            let seq: Option<Vec<u8>> = bytes[i..i + n].iter().copied().collect();
            if let Some(s) = seq.as_deref().and_then(|s| std::str::from_utf8(s).ok()) {
                out.push_str(s);
                changed = true;
                i += n;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    changed.then_some(out)
}

/// The repaired text of a run of high characters, or `None` when it is no mojibake.
pub(super) fn repair(run: &str) -> Option<String> {
    let mut text = repair_once(run)?;
    for _ in 0..3 {
        match repair_once(&text) {
            Some(t) => text = t,
            None => break,
        }
    }
    // "Â" left unpaired: the lead byte of a no-break space whose second byte was lost
    Some(text.replace('Â', ""))
}

/// The runs of high characters in `s` (byte ranges), each at least two characters long.
pub(super) fn runs(s: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None;
    for (i, c) in s.char_indices().chain([(s.len(), ' ')]) {
        match (high_byte(c).is_some() && i < s.len(), start) {
            (true, None) => start = Some((i, 1)),
            (true, Some((b, n))) => start = Some((b, n + 1)),
            (false, Some((b, n))) => {
                if n >= 2 {
                    out.push(b..i);
                }
                start = None;
            }
            (false, None) => {}
        }
    }
    out
}

/// The byte length of the mojibake at the start of `s` when it repairs to nothing or to
/// white space (a mis-read no-break space, "Ã‚"), else 0: a word ends before it.
pub fn space_len(s: &str) -> usize {
    if s.chars()
        .next()
        .and_then(high_byte)
        .and_then(lead_len)
        .is_none()
    {
        return 0;
    }
    let end = s
        .char_indices()
        .find(|&(_, c)| high_byte(c).is_none())
        .map_or(s.len(), |(i, _)| i);
    match repair(&s[..end]) {
        Some(t) if t.chars().all(char::is_whitespace) => end,
        _ => 0,
    }
}

/// Whether `s` may hold mojibake: every lead letter is encoded in UTF-8 with a first byte of 0xC3
/// (U+00C0–U+00FF), so text without one is skipped at once.
pub(super) fn may_hold(s: &str) -> bool {
    memchr::memchr(0xc3, s.as_bytes()).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> String {
        let mut out = String::new();
        let mut pos = 0;
        for r in runs(s) {
            out.push_str(&s[pos..r.start]);
            match repair(&s[r.clone()]) {
                Some(t) => out.push_str(&t),
                None => out.push_str(&s[r.clone()]),
            }
            pos = r.end;
        }
        out.push_str(&s[pos..]);
        out
    }

    #[test]
    fn utf8_read_as_windows_1252_is_repaired() {
        assert_eq!(fix("a cafÃ© in ZÃ¼rich"), "a café in Zürich");
        assert_eq!(fix("1990â€“2000"), "1990–2000");
        assert_eq!(fix("â‚¬40"), "€40");
        assert_eq!(fix("Â©2014"), "©2014");
    }

    #[test]
    fn a_no_break_space_read_twice_becomes_a_space() {
        // mis-read twice, its second byte turned into a plain space
        assert_eq!(fix("wheatÃ‚ exports"), "wheat exports");
        assert_eq!(fix("the levyÂ\u{a0}rose"), "the levy\u{a0}rose");
        assert_eq!(fix("of outputÃ‚Â\u{a0}in"), "of output\u{a0}in");
    }

    #[test]
    fn ordinary_accented_text_is_left_alone() {
        for s in [
            "Öl und Gas",
            "São Paulo",
            "£5 and ¥300",
            "ÉTÉ",
            "naïve",
            "Ålesund",
            "«Là»",
        ] {
            assert_eq!(fix(s), s);
        }
    }

    #[test]
    fn a_mis_read_space_is_found_where_it_starts() {
        assert_eq!(space_len("Ã‚ in"), "Ã‚".len());
        assert_eq!(space_len("Â\u{a0}x"), "Â\u{a0}".len());
        assert_eq!(space_len("Ã©t"), 0);
        assert_eq!(space_len("in"), 0);
    }

    #[test]
    fn broken_sequences_stay_as_written() {
        assert_eq!(fix("xí¢ y"), "xí¢ y");
        assert_eq!(fix("Ã"), "Ã");
    }
}
