//! HTML, read with html5gum's WHATWG tokenizer: the text of the page, with character references
//! decoded by the tokenizer (every named HTML5 entity, numeric ones, the legacy ones written
//! without `;`), and a `<` that opens no tag kept as text. Scripts, styles, `noscript`,
//! `template`, comments and attributes are not scanned; block elements end a sentence.
//!
//! The tokenizer reports its position in the input as it goes, so every piece of text it emits
//! is placed at its source offsets: text copied as written maps byte for byte, a decoded
//! reference maps to the whole reference.

use std::convert::Infallible;
use std::ops::Range;

use html5gum::{Emitter, Error, State, Tokenizer, naive_next_state};

use super::date::Date;
use super::scan::ScanBuilder;
use super::{Meta, Notes};

/// Elements whose start or end separates blocks of text (a sentence ends there).
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// Elements whose contents are not displayed as text.
const HIDDEN: &[&str] = &[
    "iframe", "noembed", "noframes", "noscript", "script", "style", "template",
];

/// `<meta>` names (property, name or itemprop) that give the publication date.
const META_DATES: &[&str] = &[
    "article:published_time",
    "date",
    "datepublished",
    "pubdate",
    "publish-date",
    "dc.date",
];

/// Reads a whole HTML document in `source[start..]`: its text, date and language.
pub(super) fn read(b: &mut ScanBuilder, start: usize) -> Meta {
    let end = b.source().len();
    let found = tokenize(b, start..end);
    let mut meta = Meta {
        date: found.date.or(found.time_date),
        locale: found.locale,
        notes: found.notes,
    };
    if meta.date.is_none()
        && let Some((at, content)) = found.bad_date
    {
        meta.notes.push((
            at,
            format!("<meta> date {content:?} is not a date (YYYY-MM-DD): the article is undated"),
        ));
    }
    meta
}

/// Reads a fragment of HTML inside another document (an HTML block in Markdown): its text only.
pub(super) fn read_fragment(b: &mut ScanBuilder, range: Range<usize>, notes: &mut Notes) {
    let found = tokenize(b, range);
    notes.extend(found.notes);
}

/// What the tags said.
#[derive(Debug, Default)]
struct Found {
    date: Option<Date>,
    time_date: Option<Date>,
    locale: Option<String>,
    /// The first `<meta>` date that did not parse: (source offset, content).
    bad_date: Option<(usize, String)>,
    notes: Notes,
}

fn tokenize(b: &mut ScanBuilder, range: Range<usize>) -> Found {
    let src = b.source();
    let mut sink = Sink {
        b,
        base: range.start,
        end: range.end,
        pos: 0,
        done: range.start,
        run: None,
        tag: Vec::new(),
        is_end: false,
        last_start: Vec::new(),
        collect: false,
        attr: (Vec::new(), Vec::new()),
        attrs: Vec::new(),
        hidden: None,
        template: 0,
        found: Found::default(),
    };
    let tokenizer = Tokenizer::new_with_emitter(&src[range.clone()], Events(&mut sink));
    // reading from a string cannot fail
    let _ = tokenizer.finish();
    sink.finish();
    sink.found
}

/// Receives the tokenizer's events and builds the scan text.
struct Sink<'b, 'a> {
    b: &'b mut ScanBuilder<'a>,
    /// Where the fragment starts and ends in the source.
    base: usize,
    end: usize,
    /// The tokenizer's position, relative to `base`.
    pos: usize,
    /// Source offset up to which the scan text is built.
    done: usize,
    /// Text copied as written, not yet put in the scan text (pieces may split a character).
    run: Option<(usize, usize)>,
    tag: Vec<u8>,
    is_end: bool,
    last_start: Vec<u8>,
    /// Whether the current tag's attributes matter (`meta`, `time`, `html`).
    collect: bool,
    attr: (Vec<u8>, Vec<u8>),
    attrs: Vec<(String, String)>,
    /// Inside a raw-text element that is not displayed: its name.
    hidden: Option<Vec<u8>>,
    /// `template` elements open.
    template: usize,
    found: Found,
}

impl Sink<'_, '_> {
    fn at(&self) -> usize {
        (self.base + self.pos).min(self.end)
    }

    fn is_hidden(&self) -> bool {
        self.hidden.is_some() || self.template > 0
    }

    /// Puts the text copied so far in the scan text.
    fn flush(&mut self) {
        if let Some((s, e)) = self.run.take() {
            let src = self.b.source();
            if src.is_char_boundary(s) && src.is_char_boundary(e) {
                self.b.copy(s, e);
            } else {
                let text = String::from_utf8_lossy(&src.as_bytes()[s..e]).into_owned();
                self.b.replace(s, e, &text);
            }
        }
    }

    fn keep(&mut self, s: usize, e: usize) {
        match &mut self.run {
            Some((_, re)) if *re == s => *re = e,
            _ => {
                self.flush();
                self.run = Some((s, e));
            }
        }
        self.done = e;
    }

    /// Markup nobody emitted (`</>`, a line end folded into the one before): blanked.
    fn blank_to(&mut self, to: usize) {
        if to > self.done {
            self.flush();
            self.b.blank(self.done, to);
            self.done = to;
        }
    }

    /// Text from the tokenizer, ending at the current position.
    fn text(&mut self, s: &[u8]) {
        if s.is_empty() || self.is_hidden() {
            return;
        }
        let src = self.b.source().as_bytes();
        let e = self.at();
        let start = self.done;
        if e < start {
            return;
        }
        if e - start == s.len() && &src[start..e] == s {
            self.keep(start, e);
            return;
        }
        let amp = memchr::memrchr(b'&', &src[start..e]).map(|i| start + i);
        if e - start > s.len() && &src[e - s.len()..e] == s && amp.is_none() {
            self.blank_to(e - s.len());
            self.keep(e - s.len(), e);
            return;
        }
        // a decoded reference stands for `&…`; anything else for all since the last piece
        let from = amp.unwrap_or(start);
        self.blank_to(from);
        self.flush();
        self.b.replace(from, e, &String::from_utf8_lossy(s));
        self.done = e;
    }

    /// Markup up to the current position: a separator for all of it since the last text.
    fn markup(&mut self, block: bool) {
        if self.is_hidden() {
            return;
        }
        self.flush();
        let to = self.at();
        if to >= self.done {
            self.b
                .separate(self.done, to, if block { "\n" } else { " " });
            if block {
                self.b.paragraph_end(to);
            }
            self.done = to;
        }
    }

    /// A start or end tag, complete.
    fn tag_done(&mut self) -> Option<State> {
        self.end_attr();
        let name = std::mem::take(&mut self.tag);
        let name_str = String::from_utf8_lossy(&name).into_owned();
        let hidden_kind = HIDDEN.contains(&name_str.as_str());
        if self.is_end {
            if name_str == "template" {
                self.template = self.template.saturating_sub(1);
            }
            if self.hidden.as_deref() == Some(name.as_slice()) {
                self.hidden = None;
            }
            self.markup(BLOCKS.contains(&name_str.as_str()));
            self.tag = name;
            return None;
        }
        if self.collect {
            self.attributes(&name_str);
        }
        self.markup(BLOCKS.contains(&name_str.as_str()));
        self.last_start.clone_from(&name);
        let next = naive_next_state(&name);
        if name_str == "template" {
            self.template += 1;
        } else if hidden_kind && next.is_some() {
            self.hidden = Some(name.clone());
        }
        self.tag = name;
        next
    }

    fn end_attr(&mut self) {
        let (n, v) = std::mem::take(&mut self.attr);
        if self.collect && !n.is_empty() {
            self.attrs.push((
                String::from_utf8_lossy(&n).to_ascii_lowercase(),
                String::from_utf8_lossy(&v).into_owned(),
            ));
        }
    }

    /// Date and language from `meta`, `time` and `html` start tags.
    fn attributes(&mut self, name: &str) {
        let attrs = std::mem::take(&mut self.attrs);
        let get = |key: &str| {
            attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        let at = self.at();
        match name {
            "meta" => {
                let is_date = ["property", "name", "itemprop"].iter().any(|k| {
                    get(k).is_some_and(|v| META_DATES.contains(&v.to_ascii_lowercase().as_str()))
                });
                if let (true, Some(content)) = (is_date, get("content")) {
                    match Date::parse(content) {
                        Some(d) => {
                            self.found.date.get_or_insert(d);
                        }
                        None => {
                            self.found
                                .bad_date
                                .get_or_insert_with(|| (at, content.to_string()));
                        }
                    }
                }
            }
            "time" if self.found.time_date.is_none() => {
                self.found.time_date = get("datetime").and_then(Date::parse);
            }
            "html" => {
                if let Some(lang) = get("lang").map(str::trim).filter(|l| !l.is_empty()) {
                    self.found.locale.get_or_insert_with(|| lang.to_string());
                }
            }
            _ => {}
        }
    }

    /// The end of the fragment: whatever was never emitted (a tag cut off, a hidden element never
    /// closed) is blanked.
    fn finish(&mut self) {
        self.flush();
        let end = self.end;
        self.blank_to(end);
        self.b.paragraph_end(end);
    }
}

/// The [`Emitter`] the tokenizer drives: forwards to the [`Sink`].
struct Events<'s, 'b, 'a>(&'s mut Sink<'b, 'a>);

impl Emitter for Events<'_, '_, '_> {
    type Token = Infallible;

    fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>) {
        self.0.last_start = last_start_tag.unwrap_or_default().to_vec();
    }
    fn emit_eof(&mut self) {}
    fn emit_error(&mut self, _: Error) {}
    fn should_emit_errors(&mut self) -> bool {
        false
    }
    fn pop_token(&mut self) -> Option<Infallible> {
        None
    }
    fn emit_string(&mut self, c: &[u8]) {
        self.0.text(c);
    }
    fn init_start_tag(&mut self) {
        self.0.tag.clear();
        self.0.is_end = false;
        self.0.attrs.clear();
        self.0.attr = Default::default();
    }
    fn init_end_tag(&mut self) {
        self.0.tag.clear();
        self.0.is_end = true;
        self.0.collect = false;
    }
    fn init_comment(&mut self) {}
    fn emit_current_tag(&mut self) -> Option<State> {
        self.0.tag_done()
    }
    fn emit_current_comment(&mut self) {
        self.0.markup(false);
    }
    fn emit_current_doctype(&mut self) {
        self.0.markup(false);
    }
    fn set_self_closing(&mut self) {}
    fn set_force_quirks(&mut self) {}
    fn push_tag_name(&mut self, s: &[u8]) {
        let sink = &mut *self.0;
        sink.tag.extend(s.iter().map(u8::to_ascii_lowercase));
        sink.collect = !sink.is_end && matches!(sink.tag.as_slice(), b"meta" | b"time" | b"html");
    }
    fn push_comment(&mut self, _: &[u8]) {}
    fn push_doctype_name(&mut self, _: &[u8]) {}
    fn init_doctype(&mut self) {}
    fn init_attribute(&mut self) {
        self.0.end_attr();
    }
    fn push_attribute_name(&mut self, s: &[u8]) {
        if self.0.collect {
            self.0.attr.0.extend_from_slice(s);
        }
    }
    fn push_attribute_value(&mut self, s: &[u8]) {
        if self.0.collect {
            self.0.attr.1.extend_from_slice(s);
        }
    }
    fn set_doctype_public_identifier(&mut self, _: &[u8]) {}
    fn set_doctype_system_identifier(&mut self, _: &[u8]) {}
    fn push_doctype_public_identifier(&mut self, _: &[u8]) {}
    fn push_doctype_system_identifier(&mut self, _: &[u8]) {}
    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.0.is_end && !self.0.tag.is_empty() && self.0.tag == self.0.last_start
    }
    fn move_position(&mut self, offset: isize) {
        self.0.pos = self.0.pos.saturating_add_signed(offset);
    }
}

#[cfg(test)]
mod tests {
    use super::super::scan::{Built, ScanBuilder, back};
    use super::*;

    fn scan(src: &str) -> (Built, Meta) {
        let mut b = ScanBuilder::new(src, false);
        let meta = read(&mut b, 0);
        (b.finish(), meta)
    }

    fn source_of<'s>(built: &Built, src: &'s str, needle: &str) -> &'s str {
        let at = built
            .scan
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} in {:?}", built.scan));
        &src[back(built, src, at..at + needle.len())]
    }

    #[test]
    fn text_placed_at_its_offsets() {
        let src = "<p>It cost &euro;5m in <b>2019</b>.</p><script>var x = 12;</script>";
        let (built, _) = scan(src);
        assert_eq!(source_of(&built, src, "€5m"), "&euro;5m");
        assert_eq!(source_of(&built, src, "2019"), "2019");
        assert!(!built.scan.contains("12"));
    }

    #[test]
    fn multibyte_text_split_by_the_tokenizer_is_copied_whole() {
        let src = "<p>é&eacute;é &eacuteé ü<ü>ü €&euro€</p>";
        let (built, _) = scan(src);
        assert!(
            built.scan.contains("ééé éé ü<ü>ü €&euro€"),
            "{:?}",
            built.scan
        );
        assert_eq!(source_of(&built, src, "ü<ü>ü"), "ü<ü>ü");
    }

    #[test]
    fn empty_end_tags_and_cut_tags_are_blanked() {
        let src = "a</>b 5 <p class=\"x";
        let (built, _) = scan(src);
        assert_eq!(source_of(&built, src, "b 5"), "b 5");
        assert!(!built.scan.contains("class"));
    }

    #[test]
    fn bad_meta_date_is_noted() {
        let (_, meta) = scan("<meta name=\"date\" content=\"2021-02-30\"><p>x</p>");
        assert_eq!(meta.date, None);
        assert_eq!(meta.notes.len(), 1);
        assert_eq!(
            meta.notes[0].0,
            "<meta name=\"date\" content=\"2021-02-30\">".len()
        );
    }
}
