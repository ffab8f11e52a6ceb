//! Stage 1: reading an article. Plain text (including text extracted from PDF), Markdown and
//! HTML become one `scan` text for the extractor, with a map back to byte offsets of the
//! ORIGINAL input; every later stage reports spans in the original.

use std::sync::OnceLock;

use regex::Regex;

use crate::error::InputError;

/// The markup an article is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text, including text extracted from PDF (hard line breaks, hyphenation).
    Text,
    /// Markdown with optional YAML front matter.
    Markdown,
    /// HTML: tags, scripts and styles skipped, entities decoded.
    Html,
}

/// A calendar date (proleptic Gregorian), as articles and facts carry them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, from 1.
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD`, ignoring anything after the day (`2021-10-20T09:00Z`).
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim().trim_matches('"').trim_matches('\'');
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        if b.len() > 10 && b[10].is_ascii_digit() {
            return None;
        }
        let year: i32 = s.get(0..4)?.parse().ok()?;
        let month: u8 = s.get(5..7)?.parse().ok()?;
        let day: u8 = s.get(8..10)?.parse().ok()?;
        let d = Date { year, month, day };
        d.is_valid().then_some(d)
    }

    /// Parses a year alone (`2019`) as 1 January of it.
    pub fn from_year(year: i32) -> Date {
        Date {
            year,
            month: 1,
            day: 1,
        }
    }

    fn is_valid(&self) -> bool {
        (1..=12).contains(&self.month)
            && self.day >= 1
            && self.day <= days_in_month(self.year, self.month)
    }

    /// Days since 1970-01-01.
    pub fn days(&self) -> i64 {
        let (y, m, d) = (self.year as i64, self.month as i64, self.day as i64);
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// An article ready for extraction.
#[derive(Debug, Clone)]
pub struct Document {
    /// How the article is named in reports (a path, `-`, or a stream id).
    pub name: String,
    /// The original input, exactly as read.
    pub source: String,
    /// The text the extractor reads: markup removed, entities decoded, line-end hyphenation
    /// joined. Offsets in it map back to `source` through [`Document::to_source`].
    pub scan: String,
    /// (scan offset, source offset) at each place where the two stop running in step;
    /// empty when `scan` and `source` are the same bytes.
    segments: Vec<(usize, usize)>,
    /// The markup it is written in.
    pub format: Format,
    /// The article's date: from `--date`, front matter or HTML meta.
    pub date: Option<Date>,
    /// The article's locale ("en-GB"): from `--locale`, front matter `lang:` or `<html lang>`.
    pub locale: Option<String>,
    line_starts: OnceLock<Vec<usize>>,
}

impl Document {
    /// Reads raw bytes as an article, refusing binary, empty and non-UTF-8 input with an error
    /// that names the file (and line and byte offset for bad UTF-8).
    pub fn from_bytes(
        name: &str,
        bytes: &[u8],
        format: Option<Format>,
    ) -> Result<Document, InputError> {
        if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(InputError::Empty { path: name.into() });
        }
        if let Some(offset) = memchr_nul(bytes) {
            return Err(InputError::Binary {
                path: name.into(),
                offset,
            });
        }
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let offset = e.valid_up_to();
                let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
                return Err(InputError::InvalidUtf8 {
                    path: name.into(),
                    line,
                    offset,
                });
            }
        };
        let format = format.unwrap_or_else(|| sniff_format(name, text));
        Ok(Document::from_text(name, text.to_string(), format))
    }

    /// Builds a document from text already known to be valid.
    pub fn from_text(name: &str, source: String, format: Format) -> Document {
        let mut builder = ScanBuilder::new(&source);
        let mut date = None;
        match format {
            Format::Text => builder.plain(0, source.len()),
            Format::Markdown => date = markdown(&source, &mut builder),
            Format::Html => date = html(&source, &mut builder),
        }
        let (scan, segments) = builder.finish();
        let locale = match format {
            Format::Text => None,
            Format::Markdown => markdown_locale(&source),
            Format::Html => html_locale(&source),
        };
        Document {
            name: name.into(),
            source,
            scan,
            segments,
            format,
            locale,
            date,
            line_starts: OnceLock::new(),
        }
    }

    /// Maps an offset in `scan` to the offset in `source`.
    pub fn to_source(&self, scan_offset: usize) -> usize {
        if self.segments.is_empty() {
            return scan_offset;
        }
        let i = self.segments.partition_point(|&(s, _)| s <= scan_offset);
        if i == 0 {
            return scan_offset;
        }
        let (s, o) = self.segments[i - 1];
        (o + (scan_offset - s)).min(self.source.len())
    }

    /// 1-based line and column (in characters) of a source byte offset.
    pub fn line_col(&self, source_offset: usize) -> (usize, usize) {
        let starts = self.line_starts.get_or_init(|| {
            let mut v = vec![0];
            v.extend(
                self.source
                    .bytes()
                    .enumerate()
                    .filter(|&(_, b)| b == b'\n')
                    .map(|(i, _)| i + 1),
            );
            v
        });
        let line = starts.partition_point(|&s| s <= source_offset);
        let start = starts[line - 1];
        let end = source_offset.min(self.source.len());
        let col = self
            .source
            .get(start..end)
            .map(|s| s.chars().count())
            .unwrap_or(0)
            + 1;
        (line, col)
    }

    /// The whole source line (without its newline) holding a source offset.
    pub fn line_text(&self, line: usize) -> &str {
        self.source
            .lines()
            .nth(line.saturating_sub(1))
            .unwrap_or("")
    }
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == 0)
}

fn sniff_format(name: &str, text: &str) -> Format {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        return Format::Markdown;
    }
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return Format::Html;
    }
    let head = text.trim_start_matches('\u{feff}').trim_start();
    let head_lower: String = head
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    if head_lower.starts_with("<!doctype html") || head_lower.starts_with("<html") {
        return Format::Html;
    }
    if head.starts_with("---\n") || head.starts_with("---\r\n") {
        return Format::Markdown;
    }
    Format::Text
}

/// Builds the scan text piece by piece, remembering where it parts from the source.
struct ScanBuilder<'a> {
    source: &'a str,
    scan: String,
    segments: Vec<(usize, usize)>,
    in_step: bool,
}

impl<'a> ScanBuilder<'a> {
    fn new(source: &'a str) -> Self {
        ScanBuilder {
            source,
            scan: String::with_capacity(source.len()),
            segments: Vec::new(),
            in_step: true,
        }
    }

    fn mark(&mut self, src: usize) {
        if self.in_step && self.scan.len() == src {
            return;
        }
        self.in_step = false;
        self.segments.push((self.scan.len(), src));
    }

    /// Copies source[start..end] verbatim.
    fn copy(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        self.mark(start);
        self.scan.push_str(&self.source[start..end]);
    }

    /// Replaces source[start..end] with `text` (mapped to `start`).
    fn replace(&mut self, start: usize, end: usize, text: &str) {
        self.mark(start);
        self.scan.push_str(text);
        // what follows maps to `end`
        self.in_step = false;
        self.segments.push((self.scan.len(), end));
    }

    /// Masks source[start..end] with spaces, keeping newlines (so lengths stay equal).
    fn blank(&mut self, start: usize, end: usize) {
        self.mark(start);
        for c in self.source[start..end].chars() {
            if c == '\n' {
                self.scan.push('\n');
            } else {
                for _ in 0..c.len_utf8() {
                    self.scan.push(' ');
                }
            }
        }
    }

    /// Copies plain text, joining words hyphenated at line ends ("neigh-\nbouring").
    fn plain(&mut self, start: usize, end: usize) {
        let text = &self.source[start..end];
        let bytes = text.as_bytes();
        let mut last = 0;
        let mut i = 0;
        while let Some(p) = text[i..].find("-\n").map(|p| p + i) {
            i = p + 2;
            let before = text[..p].chars().next_back();
            let after_start = p
                + 2
                + (bytes[p + 2..]
                    .iter()
                    .take_while(|&&b| b == b' ' || b == b'\t')
                    .count());
            let after = text[after_start..].chars().next();
            let joinable = matches!(before, Some(c) if c.is_lowercase())
                && matches!(after, Some(c) if c.is_lowercase())
                && !is_compound_tail(&text[after_start..]);
            if joinable {
                self.copy(start + last, start + p);
                // drop "-\n" and the next line's indentation
                self.mark(start + after_start);
                last = after_start;
            }
        }
        self.copy(start + last, end);
    }

    fn finish(self) -> (String, Vec<(usize, usize)>) {
        (self.scan, self.segments)
    }
}

/// Second halves of hyphenated compounds that keep their hyphen across a line break.
fn is_compound_tail(rest: &str) -> bool {
    const TAILS: &[&str] = &[
        "long", "old", "year", "month", "week", "day", "based", "term", "time", "run", "scale",
        "wide", "owned", "led", "backed", "style", "like", "free", "related", "made", "born",
        "hour", "minute", "point", "strong", "member", "page", "mile", "metre", "meter",
    ];
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    TAILS.contains(&word.as_str())
}

/// `lang:`, `locale:` or `language:` in Markdown front matter.
fn markdown_locale(src: &str) -> Option<String> {
    let body = src.trim_start_matches('\u{feff}');
    let rest = body
        .strip_prefix("---\n")
        .or_else(|| body.strip_prefix("---\r\n"))?;
    for line in rest.lines() {
        let l = line.trim();
        if l == "---" || l == "..." {
            break;
        }
        for key in ["lang:", "locale:", "language:"] {
            if let Some(v) = l.strip_prefix(key) {
                let v = v.trim().trim_matches('"').trim_matches('\'');
                if !v.is_empty() {
                    return Some(v.to_string());
                }
            }
        }
    }
    None
}

/// `<html lang="en-GB">`.
fn html_locale(src: &str) -> Option<String> {
    static LANG: OnceLock<Regex> = OnceLock::new();
    LANG.get_or_init(|| Regex::new(r#"(?is)<html[^>]*\slang\s*=\s*["']([^"']+)["']"#).unwrap())
        .captures(src)
        .map(|c| c[1].trim().to_string())
}

fn front_matter_date(block: &str) -> Option<Date> {
    for line in block.lines() {
        let l = line.trim();
        for key in ["date:", "published:", "pubDate:", "published_at:"] {
            if let Some(rest) = l.strip_prefix(key) {
                if let Some(d) = Date::parse(rest.trim()) {
                    return Some(d);
                }
            }
        }
    }
    None
}

/// Markdown: front matter and code are not scanned; the rest is plain text.
fn markdown(src: &str, b: &mut ScanBuilder) -> Option<Date> {
    let mut pos = 0;
    let mut date = None;
    let body_start = src.strip_prefix('\u{feff}').map(|_| 3).unwrap_or(0);
    let rest = &src[body_start..];
    if rest.starts_with("---\n") || rest.starts_with("---\r\n") {
        let after = body_start + rest.find('\n').unwrap() + 1;
        let mut search = after;
        let mut end = None;
        for line in src[after..].split_inclusive('\n') {
            if line.trim_end() == "---" || line.trim_end() == "..." {
                end = Some(search + line.len());
                break;
            }
            search += line.len();
        }
        if let Some(end) = end {
            date = front_matter_date(&src[after..end]);
            b.blank(0, end);
            pos = end;
        }
    } else if body_start > 0 {
        b.blank(0, body_start);
        pos = body_start;
    }
    // fenced code blocks and inline code
    let mut in_fence: Option<&str> = None;
    let mut line_start = pos;
    let mut text_start = pos;
    while line_start < src.len() {
        let line_end = src[line_start..]
            .find('\n')
            .map(|i| line_start + i + 1)
            .unwrap_or(src.len());
        let line = &src[line_start..line_end];
        let trimmed = line.trim_start();
        match in_fence {
            Some(fence) => {
                if trimmed.starts_with(fence) {
                    in_fence = None;
                }
                b.blank(line_start, line_end);
                text_start = line_end;
            }
            None => {
                if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                    markdown_inline(src, text_start, line_start, b);
                    in_fence = Some(if trimmed.starts_with("```") {
                        "```"
                    } else {
                        "~~~"
                    });
                    b.blank(line_start, line_end);
                    text_start = line_end;
                } else if line.starts_with("    ") || line.starts_with('\t') {
                    // an indented code block only after a blank line; otherwise a continuation
                }
            }
        }
        line_start = line_end;
    }
    markdown_inline(src, text_start, src.len(), b);
    date
}

/// Markdown text outside fences: inline code spans and link targets are not scanned.
fn markdown_inline(src: &str, start: usize, end: usize, b: &mut ScanBuilder) {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"`[^`\n]+`|\]\([^)\s]*\)|<https?://[^>\s]+>|https?://[^\s)]+").unwrap()
    });
    let mut last = start;
    for m in re.find_iter(&src[start..end]) {
        let (ms, me) = (start + m.start(), start + m.end());
        b.plain(last, ms);
        if src[ms..].starts_with("](") {
            b.copy(ms, ms + 1);
            b.blank(ms + 1, me);
        } else {
            b.blank(ms, me);
        }
        last = me;
    }
    b.plain(last, end);
}

/// HTML: text content only, entities decoded; block tags become line breaks.
fn html(src: &str, b: &mut ScanBuilder) -> Option<Date> {
    static META: OnceLock<Regex> = OnceLock::new();
    let meta = META.get_or_init(|| {
        Regex::new(r#"(?is)<meta\s[^>]*(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|date|datePublished|pubdate|publish-date|dc\.date)["'][^>]*>"#).unwrap()
    });
    static CONTENT: OnceLock<Regex> = OnceLock::new();
    let content =
        CONTENT.get_or_init(|| Regex::new(r#"(?is)content\s*=\s*["']([^"']+)["']"#).unwrap());
    let date = meta
        .find_iter(src)
        .filter_map(|m| content.captures(m.as_str()))
        .find_map(|c| Date::parse(&c[1]))
        .or_else(|| {
            static TIME: OnceLock<Regex> = OnceLock::new();
            TIME.get_or_init(|| {
                Regex::new(r#"(?is)<time[^>]*datetime\s*=\s*["']([^"']+)["']"#).unwrap()
            })
            .captures(src)
            .and_then(|c| Date::parse(&c[1]))
        });

    let bytes = src.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' => {
                b.copy(text_start, i);
                let lower_head: String = src[i..]
                    .chars()
                    .take(9)
                    .collect::<String>()
                    .to_ascii_lowercase();
                let end = if lower_head.starts_with("<!--") {
                    src[i..].find("-->").map(|p| i + p + 3).unwrap_or(src.len())
                } else if lower_head.starts_with("<script") || lower_head.starts_with("<style") {
                    let close = if lower_head.starts_with("<script") {
                        "</script"
                    } else {
                        "</style"
                    };
                    find_ascii_ci(&src[i..], close)
                        .and_then(|p| src[i + p..].find('>').map(|q| i + p + q + 1))
                        .unwrap_or(src.len())
                } else {
                    src[i..].find('>').map(|p| i + p + 1).unwrap_or(src.len())
                };
                let tag = &lower_head[1..];
                let tag = tag.trim_start_matches('/');
                let block = [
                    "p",
                    "br",
                    "div",
                    "li",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "tr",
                    "td",
                    "th",
                    "ul",
                    "ol",
                    "table",
                    "section",
                    "article",
                    "header",
                    "footer",
                    "blockquote",
                    "figcaption",
                    "title",
                    "hr",
                ]
                .iter()
                .any(|t| {
                    tag.starts_with(t)
                        && !tag[t.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
                });
                b.replace(i, end, if block { "\n" } else { " " });
                i = end;
                text_start = end;
            }
            b'&' => {
                let semi = src[i..].find(';').filter(|&p| p <= 10);
                if let Some(p) = semi {
                    if let Some(decoded) = decode_entity(&src[i + 1..i + p]) {
                        b.copy(text_start, i);
                        let mut buf = [0u8; 4];
                        b.replace(i, i + p + 1, decoded.encode_utf8(&mut buf));
                        i += p + 1;
                        text_start = i;
                        continue;
                    }
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    b.copy(text_start, bytes.len());
    date
}

/// Byte offset of `needle` (ASCII, lower case) in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse().ok()?
        };
        return char::from_u32(code).filter(|&c| c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "thinsp" => '\u{2009}',
        "ndash" => '–',
        "mdash" => '—',
        "minus" => '−',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "deg" => '°',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "times" => '×',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "hellip" => '…',
        "sup2" => '²',
        "sup3" => '³',
        "percnt" => '%',
        "dollar" => '$',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_spans_map_to_source() {
        let src = "<html><head><meta property=\"article:published_time\" content=\"2021-10-20T10:00:00Z\"></head><body><p>It cost &euro;5m in <b>2019</b>.</p><script>var x = 12;</script></body></html>";
        let d = Document::from_text("a.html", src.to_string(), Format::Html);
        assert_eq!(d.date, Date::parse("2021-10-20"));
        let at = d.scan.find("€5m").unwrap();
        let s = d.to_source(at);
        let e = d.to_source(at + "€5m".len());
        assert_eq!(&src[s..e], "&euro;5m");
        assert!(!d.scan.contains("12"));
    }

    #[test]
    fn markdown_front_matter_and_code() {
        let src = "---\ntitle: x\ndate: 2020-03-01\n---\nWe saw 5 cats.\n\n```\nlet n = 99;\n```\nAnd `42` more.\n";
        let d = Document::from_text("a.md", src.to_string(), Format::Markdown);
        assert_eq!(d.date, Date::parse("2020-03-01"));
        assert!(d.scan.contains("5 cats"));
        assert!(!d.scan.contains("99"));
        assert!(!d.scan.contains("42"));
        assert_eq!(d.scan.len(), src.len());
    }

    #[test]
    fn pdf_hyphenation_joined_and_mapped() {
        let src = "the neigh-\nbouring states and a decade-\nlong war";
        let d = Document::from_text("a.txt", src.to_string(), Format::Text);
        assert!(d.scan.contains("neighbouring"));
        assert!(d.scan.contains("decade-\nlong"));
        let at = d.scan.find("states").unwrap();
        assert_eq!(&src[d.to_source(at)..d.to_source(at + 6)], "states");
    }

    #[test]
    fn bad_bytes_are_named() {
        assert!(matches!(
            Document::from_bytes("e.txt", b"  \n", None),
            Err(InputError::Empty { .. })
        ));
        assert!(matches!(
            Document::from_bytes("b.bin", b"ab\0cd", None),
            Err(InputError::Binary { offset: 2, .. })
        ));
        let err = Document::from_bytes("u.txt", b"ok\nbad \xff here", None).unwrap_err();
        assert_eq!(
            err,
            InputError::InvalidUtf8 {
                path: "u.txt".into(),
                line: 2,
                offset: 7
            }
        );
    }

    #[test]
    fn dates() {
        assert_eq!(
            Date::parse("2021-10-20").unwrap().days() - Date::parse("2021-10-19").unwrap().days(),
            1
        );
        assert_eq!(Date::parse("1970-01-01").unwrap().days(), 0);
        assert!(Date::parse("2021-02-30").is_none());
    }
}
