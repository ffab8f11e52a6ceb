//! The scan text and its map back to the source. Readers build the scan text piece by piece,
//! each piece copied from the source, standing for a stretch of it (a decoded entity, a
//! separator for a tag), or blanking it (markup kept at its offsets as spaces). Every piece of
//! text passes the invisible-character rule of [`super::invisible`].

#[cfg(test)]
use std::ops::Range;

use super::invisible::{self, Bidi, Control, InvisibleMark, SEPARATOR};
use super::mojibake;

/// Where the scan text and the source part: from scan offset `scan` on, text maps to source
/// offset `source` (byte for byte when `replaced` is false; all of it to `source` when the
/// piece stands for a source stretch of another length).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Segment {
    pub scan: usize,
    pub source: usize,
    pub replaced: bool,
}

/// Maps a scan offset to the source through `segments` (sorted by scan offset), landing on a
/// char boundary of `source`.
pub(super) fn to_source(segments: &[Segment], source: &str, scan_offset: usize) -> usize {
    let i = segments.partition_point(|s| s.scan <= scan_offset);
    let at = match i {
        0 => scan_offset,
        _ => {
            let s = segments[i - 1];
            if s.replaced {
                s.source
            } else {
                s.source + (scan_offset - s.scan)
            }
        }
    };
    floor_char_boundary(source, at.min(source.len()))
}

/// The largest char boundary of `s` at or before `i` (`i <= s.len()`).
pub(super) fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// What a reader built: the scan text, its map, the invisible marks and where right-to-left
/// overrides went unread.
pub(super) struct Built {
    pub scan: String,
    pub segments: Vec<Segment>,
    pub marks: Vec<InvisibleMark>,
    pub reversed_at: Vec<usize>,
}

/// Builds the scan text of one source.
pub(super) struct ScanBuilder<'a> {
    source: &'a str,
    scan: String,
    segments: Vec<Segment>,
    /// Whether the scan so far has the same bytes at the same offsets as the source.
    in_step: bool,
    bidi: Bidi,
    /// Plain text: a line end ends a paragraph (and any bidirectional run in it).
    newline_ends_paragraph: bool,
}

impl<'a> ScanBuilder<'a> {
    /// A builder for `source`; `newline_ends_paragraph` for plain text.
    pub fn new(source: &'a str, newline_ends_paragraph: bool) -> Self {
        ScanBuilder {
            source,
            scan: String::with_capacity(source.len()),
            segments: Vec::new(),
            in_step: true,
            bidi: Bidi::default(),
            newline_ends_paragraph,
        }
    }

    /// The source being read.
    pub fn source(&self) -> &'a str {
        self.source
    }

    /// Makes the next scan byte map to source offset `src`.
    fn mark(&mut self, src: usize, replaced: bool) {
        let scan = self.scan.len();
        if !replaced && self.in_step && scan == src {
            return;
        }
        self.in_step = false;
        let seg = Segment {
            scan,
            source: src,
            replaced,
        };
        match self.segments.last_mut() {
            Some(last) if last.scan == scan => *last = seg,
            Some(last)
                if !replaced && !last.replaced && last.source + (scan - last.scan) == src => {}
            _ => self.segments.push(seg),
        }
    }

    /// Copies `source[start..end]`, text as displayed, through the invisible-character rule.
    pub fn copy(&mut self, start: usize, end: usize) {
        let mut pos = start;
        let mut next_control = self.find_control(pos, end);
        while pos < end {
            let next_break = if self.newline_ends_paragraph && self.bidi.open() {
                memchr::memchr(b'\n', &self.source.as_bytes()[pos..end]).map(|i| pos + i)
            } else {
                None
            };
            match (next_control, next_break) {
                (None, Some(nl)) | (Some(_), Some(nl))
                    if next_control.is_none_or(|(cs, _)| nl < cs) =>
                {
                    self.text(pos, nl + 1);
                    self.bidi.paragraph_end(nl);
                    pos = nl + 1;
                }
                (Some((cs, ce)), _) => {
                    self.text(pos, cs);
                    let c = self.source[cs..ce]
                        .chars()
                        .next()
                        .and_then(invisible::control);
                    if let Some(c) = c {
                        self.control(c, cs, ce);
                    }
                    pos = ce;
                    next_control = self.find_control(pos, end);
                }
                (None, _) => {
                    self.text(pos, end);
                    pos = end;
                }
            }
        }
    }

    /// The next control character in `source[from..end]`, in source offsets.
    fn find_control(&self, from: usize, end: usize) -> Option<(usize, usize)> {
        invisible::searcher()
            .find(&self.source[from..end])
            .map(|m| (from + m.start(), from + m.end()))
    }

    /// Text with no controls in it: copied, or blanked under a right-to-left override.
    fn text(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        if self.bidi.reversed() {
            self.blank(start, end);
            return;
        }
        // a terminal escape sequence ("ESC [31m", "ESC ]8;;url BEL") is no text: its digits are
        // not figures
        let mut pos = start;
        while let Some(i) = memchr::memchr(0x1b, &self.source.as_bytes()[pos..end]) {
            let esc = pos + i;
            self.plain(pos, esc);
            let stop = escape_end(self.source.as_bytes(), esc, end);
            self.blank_piece(esc, stop);
            pos = stop;
        }
        self.plain(pos, end);
    }

    /// Text copied as it is, but for mojibake, which is repaired (see [`super::mojibake`]).
    fn plain(&mut self, start: usize, end: usize) {
        let piece = &self.source[start..end];
        if !mojibake::may_hold(piece) {
            return self.verbatim(start, end);
        }
        let mut pos = start;
        for r in mojibake::runs(piece) {
            let (rs, re) = (start + r.start, start + r.end);
            if let Some(fixed) = mojibake::repair(&self.source[rs..re]) {
                self.verbatim(pos, rs);
                self.put(rs, re, &fixed);
                pos = re;
            }
        }
        self.verbatim(pos, end);
    }

    /// Text copied byte for byte.
    fn verbatim(&mut self, start: usize, end: usize) {
        if start < end {
            self.mark(start, false);
            self.scan.push_str(&self.source[start..end]);
        }
    }

    /// Reads a control character at `source[start..end]` (or standing for it).
    fn control(&mut self, c: Control, start: usize, end: usize) {
        let was_reversed = self.bidi.reversed();
        self.bidi.control(c, start..end);
        match c {
            // dropped: the next byte maps to what follows
            Control::ZeroWidth => self.mark(end, false),
            _ if was_reversed || self.bidi.reversed() => self.blank_piece(start, end),
            _ => self.put(start, end, SEPARATOR),
        }
    }

    /// Puts `text` in the scan text standing for `source[start..end]`, unchecked.
    fn put(&mut self, start: usize, end: usize, text: &str) {
        self.mark(start, true);
        self.scan.push_str(text);
        self.mark(end, false);
    }

    /// Puts spaces for `source[start..end]` (one whatever its length), mapped as a piece.
    fn blank_piece(&mut self, start: usize, end: usize) {
        self.put(start, end, " ");
    }

    /// Puts `text`, read from markup (a decoded entity), standing for `source[start..end]`.
    pub fn replace(&mut self, start: usize, end: usize, text: &str) {
        let mut chars = text.chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && let Some(ctl) = invisible::control(c)
        {
            self.control(ctl, start, end);
            return;
        }
        if self.bidi.reversed() {
            self.blank_piece(start, end);
        } else {
            self.put(start, end, text);
        }
    }

    /// Puts a separator (`"\n"` between blocks, `" "` for inline markup) standing for markup at
    /// `source[start..end]` (which may be empty: then it is inserted at `start`).
    pub fn separate(&mut self, start: usize, end: usize, sep: &str) {
        self.put(start, end, sep);
    }

    /// Masks `source[start..end]` (markup) with spaces, keeping line ends, at the same offsets.
    pub fn blank(&mut self, start: usize, end: usize) {
        self.blank_with(start, end, None);
    }

    /// As [`Self::blank`], but `cell` (a table's `|`) becomes a line end.
    pub fn blank_with(&mut self, start: usize, end: usize, cell: Option<u8>) {
        if start >= end {
            return;
        }
        self.mark(start, false);
        for &b in &self.source.as_bytes()[start..end] {
            let c = match b {
                b'\n' => '\n',
                _ if Some(b) == cell => '\n',
                _ => ' ',
            };
            self.scan.push(c);
        }
    }

    /// Skips `source[start..end]` without a trace in the scan text (a byte order mark).
    pub fn skip(&mut self, end: usize) {
        self.mark(end, false);
    }

    /// The end of a paragraph (a block of markup) at source offset `at`.
    pub fn paragraph_end(&mut self, at: usize) {
        self.bidi.paragraph_end(at);
    }

    /// The scan text and its map.
    pub fn finish(self) -> Built {
        let (marks, reversed_at) = self.bidi.finish(self.source.len());
        Built {
            scan: self.scan,
            segments: self.segments,
            marks,
            reversed_at,
        }
    }
}

/// Span of `range` mapped back, for tests.
#[cfg(test)]
pub(super) fn back(b: &Built, source: &str, range: Range<usize>) -> Range<usize> {
    to_source(&b.segments, source, range.start)..to_source(&b.segments, source, range.end)
}

/// Where the terminal escape sequence starting with the ESC at `esc` ends (exclusive, at most
/// `end`): a control sequence (`ESC [` parameters and a final byte), an operating-system
/// command (`ESC ]` up to BEL or `ESC \\`), or ESC and one more character.
fn escape_end(b: &[u8], esc: usize, end: usize) -> usize {
    let mut i = esc + 1;
    match b.get(i).filter(|_| i < end) {
        Some(b'[') => {
            i += 1;
            while i < end && !(0x40..=0x7e).contains(&b[i]) {
                i += 1;
            }
            (i + 1).min(end)
        }
        Some(b']') => {
            while i < end {
                if b[i] == 0x07 {
                    return i + 1;
                }
                if b[i] == 0x1b && b.get(i + 1) == Some(&b'\\') && i + 1 < end {
                    return i + 2;
                }
                i += 1;
            }
            end
        }
        // ESC and one character (never splitting a multi-byte one)
        Some(&c) if c.is_ascii() => i + 1,
        _ => i,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escape_sequences_are_not_read_as_figures() {
        let d = crate::document::Document::from_text(
            "t",
            "A \u{1b}[31m40 metres\u{1b}[0m wall; \u{1b}]8;;http://x/9\u{7}link\u{1b}]8;;\u{1b}\\ end".into(),
            crate::document::Format::Text,
        );
        let lex = crate::lexicon::Lexicon::embedded();
        let claims = crate::extract_claims(&d, lex, &crate::normalise::Tolerances::default());
        let texts: Vec<&str> = claims.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["40 metres"]);
    }

    #[test]
    fn mojibake_repaired_and_mapped_to_its_stretch() {
        let src = "rents rose 4.1% in VeniceÃ‚ and â‚¬12 a night";
        let mut b = ScanBuilder::new(src, true);
        b.copy(0, src.len());
        let built = b.finish();
        assert_eq!(built.scan, "rents rose 4.1% in Venice and €12 a night");
        let at = built.scan.find("€12").unwrap();
        let from = src.find("â‚¬").unwrap();
        assert_eq!(
            back(&built, src, at..at + "€12".len()),
            from..from + "â‚¬12".len()
        );
        let and = built.scan.find(" and").unwrap();
        assert_eq!(
            back(&built, src, and..and + 4).start,
            src.find(" and").unwrap()
        );
    }

    #[test]
    fn copies_map_byte_for_byte() {
        let src = "abc def";
        let mut b = ScanBuilder::new(src, true);
        b.copy(0, 3);
        b.separate(3, 4, "\n");
        b.copy(4, 7);
        let built = b.finish();
        assert_eq!(built.scan, "abc\ndef");
        assert_eq!(back(&built, src, 4..7), 4..7);
        assert_eq!(back(&built, src, 0..3), 0..3);
    }

    #[test]
    fn replaced_pieces_map_to_their_whole_stretch() {
        let src = "x &euro;5";
        let mut b = ScanBuilder::new(src, true);
        b.copy(0, 2);
        b.replace(2, 8, "€");
        b.copy(8, 9);
        let built = b.finish();
        assert_eq!(built.scan, "x €5");
        let at = built.scan.find('€').unwrap();
        assert_eq!(back(&built, src, at..at + 4), 2..9);
        // inside the euro sign: its start, a char boundary
        assert_eq!(to_source(&built.segments, src, at + 1), 2);
    }

    #[test]
    fn zero_width_dropped_and_marks_separated() {
        let src = "1\u{200b}500 and 2\u{200f}000";
        let mut b = ScanBuilder::new(src, true);
        b.copy(0, src.len());
        let built = b.finish();
        assert_eq!(built.scan, "1500 and 2\u{fffd}000");
        assert_eq!(back(&built, src, 0..4), 0..7);
        assert_eq!(built.marks.len(), 2);
    }

    #[test]
    fn override_contents_blanked_to_the_line_end() {
        let src = "a \u{202e}%05 b\nc 7";
        let mut b = ScanBuilder::new(src, true);
        b.copy(0, src.len());
        let built = b.finish();
        assert_eq!(built.scan, "a       \nc 7");
        assert_eq!(built.marks.len(), 1);
        assert_eq!(built.marks[0].span, 2..src.find('\n').unwrap());
        assert_eq!(built.reversed_at, vec![2]);
        let at = built.scan.find('7').unwrap();
        assert_eq!(back(&built, src, at..at + 1).start, src.find('7').unwrap());
    }
}
