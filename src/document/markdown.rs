//! Markdown, read with pulldown-cmark's offset iterator: the text of paragraphs, headings,
//! lists, quotes and tables is kept at its source offsets; markup is blanked (spaces, line ends
//! kept); code (blocks and spans), link and image targets, autolinks, bare URLs and inline HTML
//! are not scanned; HTML blocks are read as HTML; entities and escapes are read as displayed.

use std::ops::Range;
use std::sync::OnceLock;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use regex::Regex;

use super::front_matter;
use super::html;
use super::scan::ScanBuilder;
use super::{Meta, Notes};

/// Reads `source[start..]` (after any byte order mark) as Markdown with optional front matter.
pub(super) fn read(b: &mut ScanBuilder, start: usize) -> Meta {
    let src = b.source();
    let mut meta = Meta::default();
    let mut body = start;
    if let Some(fm) = front_matter::read(src, start) {
        b.blank(start, fm.body);
        body = fm.body;
        meta.date = fm.date;
        meta.locale = fm.locale;
        meta.notes = fm.notes;
    }
    read_body(b, body, &mut meta.notes);
    meta
}

struct Reader<'b, 'a> {
    b: &'b mut ScanBuilder<'a>,
    /// Source offset up to which the scan text is built: events before it (the text of a code
    /// block, the lines of an HTML block already read) are passed over.
    pos: usize,
    /// The ends of the links and images open (their targets follow their text), and whether
    /// each is an autolink (whose text is its URL).
    links: Vec<(usize, bool)>,
    /// Tables open: a `|` between cells becomes a line end.
    table: usize,
}

fn read_body(b: &mut ScanBuilder, base: usize, notes: &mut Notes) {
    let src = b.source();
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let mut r = Reader {
        b,
        pos: base,
        links: Vec::new(),
        table: 0,
    };
    for (event, range) in Parser::new_ext(&src[base..], opts).into_offset_iter() {
        r.event(event, base + range.start..base + range.end, notes);
    }
    let end = src.len();
    r.gap(end);
    r.b.paragraph_end(end);
}

impl Reader<'_, '_> {
    /// Blanks markup from where the scan text stands up to `to`.
    fn gap(&mut self, to: usize) {
        if to > self.pos {
            let cell = (self.table > 0).then_some(b'|');
            self.b.blank_with(self.pos, to, cell);
            self.pos = to;
        }
    }

    /// Blanks `range` (code, a link target, inline HTML).
    fn hide(&mut self, range: Range<usize>) {
        self.gap(range.end);
    }

    fn event(&mut self, event: Event, range: Range<usize>, notes: &mut Notes) {
        match event {
            Event::Text(text) => self.text(&text, range),
            Event::Code(_) | Event::InlineHtml(_) | Event::Html(_) => self.hide(range),
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => self.hide(range),
            Event::InlineMath(_) | Event::DisplayMath(_) => self.hide(range),
            Event::Start(tag) => self.start(tag, range, notes),
            Event::End(tag) => self.end(tag, range),
            Event::SoftBreak | Event::HardBreak | Event::Rule => self.gap(range.end),
        }
    }

    fn start(&mut self, tag: Tag, range: Range<usize>, notes: &mut Notes) {
        match tag {
            Tag::CodeBlock(_) | Tag::MetadataBlock(_) => self.hide(range),
            Tag::HtmlBlock if range.start >= self.pos => {
                self.gap(range.start);
                html::read_fragment(self.b, range.clone(), notes);
                self.b.paragraph_end(range.end);
                self.pos = range.end;
            }
            Tag::Link { link_type, .. } | Tag::Image { link_type, .. } => {
                let auto = matches!(link_type, LinkType::Autolink | LinkType::Email);
                self.links.push((range.end, auto));
            }
            Tag::Table(_) => self.table += 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        match tag {
            TagEnd::Link | TagEnd::Image => {
                // the target after the text: `](url "title")`, `][ref]`, `>`
                let (end, _) = self.links.pop().unwrap_or((range.end, false));
                self.gap(end);
            }
            TagEnd::Table => self.table = self.table.saturating_sub(1),
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::BlockQuote(_)
            | TagEnd::TableCell
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => {
                self.gap(range.end.max(self.pos));
                self.b.paragraph_end(range.end);
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str, range: Range<usize>) {
        if range.start < self.pos {
            // never read a stretch twice (pulldown-cmark's ranges do not overlap: a guard)
            return;
        }
        self.gap(range.start);
        let raw = &self.b.source()[range.clone()];
        if self.links.iter().any(|&(_, auto)| auto) {
            self.hide(range.clone());
        } else if raw == text {
            self.visible(range.start, range.end);
        } else if raw.ends_with(text) {
            // an escape: `\*` is read as `*`
            let at = range.end - text.len();
            self.gap(at);
            self.visible(at, range.end);
        } else {
            self.b.replace(range.start, range.end, text);
        }
        self.pos = self.pos.max(range.end);
    }

    /// Text as written, but a bare URL in it is not scanned.
    fn visible(&mut self, start: usize, end: usize) {
        static URL: OnceLock<Regex> = OnceLock::new();
        let url = URL.get_or_init(|| Regex::new(r"https?://[^\s)>\]]+").expect("valid regex"));
        let src = self.b.source();
        let mut last = start;
        for m in url.find_iter(&src[start..end]) {
            self.b.copy(last, start + m.start());
            self.b.blank(start + m.start(), start + m.end());
            last = start + m.end();
        }
        self.b.copy(last, end);
        self.pos = end;
    }
}

#[cfg(test)]
mod tests {
    use super::super::scan::back;
    use super::*;

    fn scan(src: &str) -> (super::super::scan::Built, Meta) {
        let mut b = ScanBuilder::new(src, false);
        let meta = read(&mut b, 0);
        (b.finish(), meta)
    }

    #[test]
    fn markup_blanked_at_its_offsets() {
        let src = "# Head 1\n\n> quoted **2** and _3_\n\n1. first 4\n";
        let (built, _) = scan(src);
        assert_eq!(built.scan.len(), src.len());
        assert_eq!(
            built.scan,
            "  Head 1\n\n  quoted   2   and  3 \n\n   first 4\n"
        );
    }

    #[test]
    fn table_cells_are_separate_lines() {
        let src = "| a | b |\n|---|---|\n| 1 | 2 |\n";
        let (built, _) = scan(src);
        let at = built.scan.find('1').unwrap();
        let two = built.scan.find('2').unwrap();
        assert!(built.scan[at..two].contains('\n'), "{:?}", built.scan);
        assert_eq!(&src[back(&built, src, two..two + 1)], "2");
    }

    #[test]
    fn bare_urls_not_scanned() {
        let src = "See https://example.org/2020/55 for 6 more.";
        let (built, _) = scan(src);
        assert!(!built.scan.contains("55"), "{:?}", built.scan);
        assert!(built.scan.contains("6 more"));
    }

    #[test]
    fn unclosed_front_matter_is_body_text_with_a_note() {
        let src = "---\ntitle: x\ndate: 2020-01-01\n\nWe counted 7 birds.\n";
        let (built, meta) = scan(src);
        assert!(built.scan.contains("7 birds"));
        assert_eq!(meta.date, None);
        assert_eq!(meta.notes.len(), 1);
        assert_eq!(meta.notes[0].0, 0);
    }
}
