//! Characters that are not displayed, or that change the order in which their neighbours are
//! displayed: zero-width characters and Unicode bidirectional controls. Text can use them to
//! show one number and store another (U+202E before `%05` displays "50%"), so the readers never
//! let them pass into the scan text unremarked.
//!
//! The rule, by class (Unicode Bidirectional Algorithm, UAX #9):
//! - zero-width characters (class BN: U+200B–U+200D, U+2060, U+FEFF after the start, and the
//!   soft hyphen U+00AD) are removed before display and do not reorder anything, so they are
//!   dropped from the scan text: `1`, U+200B, `500` reads as 1500, as it displays;
//! - direction marks (U+200E, U+200F, U+061C) are strong characters that can reorder the digits
//!   around them (`5`, U+200F, `000` displays "0005" in a left-to-right line), so each becomes a
//!   separator (U+FFFD) that no number reads across;
//! - embeddings and isolates (U+202A, U+202B, U+2066–U+2068 up to U+202C/U+2069 or the end of
//!   the paragraph) become separators and their contents are read, but the whole run is marked;
//! - a right-to-left override (U+202E up to its U+202C or the end of the paragraph) displays its
//!   contents reversed: they are not read at all, and the document gets a warning.
//!
//! Every occurrence is recorded as an [`InvisibleMark`] in source offsets, so that a later stage
//! can attach a note to any claim whose span touches one.

use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

/// What sort of invisible character (or run) a mark stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InvisibleKind {
    /// A zero-width character: not displayed, dropped from the scan text.
    ZeroWidth,
    /// A direction mark, or a stray end of an embedding: may reorder its neighbours; read as a
    /// separator.
    DirectionMark,
    /// An embedding, isolate or left-to-right override and its contents: the controls are read as
    /// separators, the contents as written, though they may display in another order.
    Embedding,
    /// A right-to-left override and its contents: displayed reversed, so not read at all.
    Reversed,
}

/// Where an invisible character, or a run of text under a bidirectional control, sits in the
/// source.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct InvisibleMark {
    /// Source byte range: the character itself, or a run from its opening control to its closing
    /// one (or to the end of the paragraph).
    pub span: Range<usize>,
    /// What the mark is; for nested runs, the strongest of them.
    pub kind: InvisibleKind,
}

/// The separator put in the scan text for a control that must split what is on either side.
pub(super) const SEPARATOR: &str = "\u{fffd}";

/// What a single character does to reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Control {
    ZeroWidth,
    Mark,
    /// Opens an embedding (LRE, RLE) or left-to-right override (LRO).
    Embed,
    /// Opens a right-to-left override.
    Override,
    /// Opens an isolate (LRI, RLI, FSI).
    Isolate,
    /// Pops a directional formatting (PDF).
    PopFormat,
    /// Pops an isolate (PDI).
    PopIsolate,
}

/// The class of `c`, or `None` for an ordinary character.
pub(super) fn control(c: char) -> Option<Control> {
    Some(match c {
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => {
            Control::ZeroWidth
        }
        '\u{200e}' | '\u{200f}' | '\u{61c}' => Control::Mark,
        '\u{202a}' | '\u{202b}' | '\u{202d}' => Control::Embed,
        '\u{202e}' => Control::Override,
        '\u{2066}' | '\u{2067}' | '\u{2068}' => Control::Isolate,
        '\u{202c}' => Control::PopFormat,
        '\u{2069}' => Control::PopIsolate,
        _ => return None,
    })
}

/// A searcher for every character [`control`] classifies, built once.
pub(super) fn searcher() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        let chars = [
            '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{ad}', '\u{200e}',
            '\u{200f}', '\u{61c}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}',
            '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
        ];
        let pats: Vec<String> = chars.iter().map(|c| c.to_string()).collect();
        // a DFA: the patterns share their first bytes with common characters (`£`, `—`)
        AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .build(pats)
            .expect("fixed patterns build")
    })
}

/// An open embedding, override or isolate.
#[derive(Debug, Clone, Copy)]
struct Open {
    control: Control,
    start: usize,
    /// The strongest kind seen inside it so far.
    kind: InvisibleKind,
}

/// The state of bidirectional runs while a document is read, and the marks found so far.
#[derive(Debug, Default)]
pub(super) struct Bidi {
    stack: Vec<Open>,
    marks: Vec<InvisibleMark>,
    /// Source offsets where a right-to-left override began whose contents went unread.
    pub reversed_at: Vec<usize>,
}

/// Deeper than this, controls still count as marks but open no further runs (UAX #9 stops at
/// 125 levels as well).
const MAX_DEPTH: usize = 125;

impl Bidi {
    /// Whether text read now is under a right-to-left override (the innermost run decides).
    pub fn reversed(&self) -> bool {
        matches!(self.stack.last(), Some(o) if o.control == Control::Override)
    }

    /// Whether any run is open.
    pub fn open(&self) -> bool {
        !self.stack.is_empty()
    }

    /// Records a control character at `span` of the source.
    pub fn control(&mut self, c: Control, span: Range<usize>) {
        match c {
            Control::ZeroWidth => self.single(span, InvisibleKind::ZeroWidth),
            Control::Mark => self.single(span, InvisibleKind::DirectionMark),
            Control::Embed | Control::Override | Control::Isolate => {
                if self.stack.len() >= MAX_DEPTH {
                    self.single(span, InvisibleKind::DirectionMark);
                    return;
                }
                let kind = if c == Control::Override {
                    InvisibleKind::Reversed
                } else {
                    InvisibleKind::Embedding
                };
                if c == Control::Override {
                    self.reversed_at.push(span.start);
                }
                self.stack.push(Open {
                    control: c,
                    start: span.start,
                    kind,
                });
            }
            Control::PopFormat => match self.stack.last() {
                Some(o) if o.control != Control::Isolate => self.close_one(span.end),
                _ => self.single(span, InvisibleKind::DirectionMark),
            },
            Control::PopIsolate => {
                if self.stack.iter().any(|o| o.control == Control::Isolate) {
                    while let Some(o) = self.stack.last().copied() {
                        self.close_one(span.end);
                        if o.control == Control::Isolate {
                            break;
                        }
                    }
                } else {
                    self.single(span, InvisibleKind::DirectionMark);
                }
            }
        }
    }

    /// The end of a paragraph at source offset `at`: every open run ends there.
    pub fn paragraph_end(&mut self, at: usize) {
        while !self.stack.is_empty() {
            self.close_one(at);
        }
    }

    fn single(&mut self, span: Range<usize>, kind: InvisibleKind) {
        match self.stack.last_mut() {
            Some(o) => o.kind = o.kind.max(kind),
            None => self.marks.push(InvisibleMark { span, kind }),
        }
    }

    fn close_one(&mut self, end: usize) {
        let Some(o) = self.stack.pop() else { return };
        match self.stack.last_mut() {
            // a nested run lies inside its parent's span: the parent takes its kind
            Some(parent) => parent.kind = parent.kind.max(o.kind),
            None => self.marks.push(InvisibleMark {
                span: o.start..end.max(o.start),
                kind: o.kind,
            }),
        }
    }

    /// The marks, in source order and disjoint (runs still open end at `end`).
    pub fn finish(mut self, end: usize) -> (Vec<InvisibleMark>, Vec<usize>) {
        self.paragraph_end(end);
        let mut marks = self.marks;
        marks.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        let mut out: Vec<InvisibleMark> = Vec::with_capacity(marks.len());
        for m in marks {
            match out.last_mut() {
                Some(last) if m.span.start < last.span.end => {
                    last.span.end = last.span.end.max(m.span.end);
                    last.kind = last.kind.max(m.kind);
                }
                _ => out.push(m),
            }
        }
        (out, self.reversed_at)
    }
}

/// The marks among `marks` (sorted, disjoint) that overlap or touch `span`.
pub(super) fn touching(marks: &[InvisibleMark], span: Range<usize>) -> &[InvisibleMark] {
    let lo = marks.partition_point(|m| m.span.end < span.start);
    let hi = marks.partition_point(|m| m.span.start <= span.end);
    &marks[lo..hi.max(lo)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(controls: &[(Control, Range<usize>)], end: usize) -> Vec<InvisibleMark> {
        let mut b = Bidi::default();
        for (c, r) in controls {
            b.control(*c, r.clone());
        }
        b.finish(end).0
    }

    #[test]
    fn override_run_ends_at_its_pop_or_the_paragraph() {
        let m = run(
            &[(Control::Override, 2..5), (Control::PopFormat, 9..12)],
            20,
        );
        assert_eq!(m.len(), 1);
        assert_eq!(
            (m[0].span.clone(), m[0].kind),
            (2..12, InvisibleKind::Reversed)
        );
        let m = run(&[(Control::Override, 2..5)], 20);
        assert_eq!(m[0].span, 2..20);
    }

    #[test]
    fn nested_runs_give_the_outer_span_the_strongest_kind() {
        let m = run(
            &[
                (Control::Isolate, 0..3),
                (Control::Override, 4..7),
                (Control::ZeroWidth, 8..11),
                (Control::PopIsolate, 12..15),
                (Control::ZeroWidth, 20..23),
            ],
            30,
        );
        assert_eq!(m.len(), 2);
        assert_eq!(
            (m[0].span.clone(), m[0].kind),
            (0..15, InvisibleKind::Reversed)
        );
        assert_eq!(
            (m[1].span.clone(), m[1].kind),
            (20..23, InvisibleKind::ZeroWidth)
        );
    }

    #[test]
    fn stray_pops_are_marks() {
        let m = run(
            &[(Control::PopFormat, 0..3), (Control::PopIsolate, 5..8)],
            9,
        );
        assert!(m.iter().all(|m| m.kind == InvisibleKind::DirectionMark));
        assert_eq!(m.len(), 2);
    }

    #[test]
    fn touching_finds_adjacent_and_overlapping_marks() {
        let marks = vec![
            InvisibleMark {
                span: 3..6,
                kind: InvisibleKind::ZeroWidth,
            },
            InvisibleMark {
                span: 10..20,
                kind: InvisibleKind::Embedding,
            },
        ];
        assert_eq!(touching(&marks, 6..8).len(), 1);
        assert_eq!(touching(&marks, 7..9).len(), 0);
        assert_eq!(touching(&marks, 0..30).len(), 2);
        assert_eq!(touching(&marks, 12..13)[0].span, 10..20);
        assert_eq!(touching(&marks, 20..21).len(), 1);
    }
}
