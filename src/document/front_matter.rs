//! Front matter at the top of a Markdown article: YAML between `---` lines, or TOML between `+++`
//! lines. Only the article's date and language are taken from it; the block itself is never
//! scanned for claims. A block that never closes, or that does not parse, is reported as a note
//! naming its line, never passed over in silence.

use yaml_rust2::parser::{Event, Parser};

use super::date::Date;

/// Keys that date an article, in no particular order of preference (the first that parses wins).
const DATE_KEYS: &[&str] = &["date", "published", "pubDate", "published_at"];
/// Keys that give the article's language.
const LANG_KEYS: &[&str] = &["lang", "locale", "language"];

/// What the front matter said, and where the body starts.
#[derive(Debug, Default)]
pub(super) struct FrontMatter {
    /// Byte offset where the body starts: after the closing line, or where the block opened when
    /// it never closes (it is then read as body text).
    pub body: usize,
    pub date: Option<Date>,
    pub locale: Option<String>,
    /// (source offset, message) of every problem found.
    pub notes: Vec<(usize, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Yaml,
    Toml,
}

/// One line of the source: where it starts and its text without the line end.
fn lines_from(src: &str, start: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut at = start;
    src[start..].split_inclusive('\n').map(move |l| {
        let here = at;
        at += l.len();
        (here, l.trim_end_matches(['\n', '\r']))
    })
}

/// Reads front matter opening at `start` (after any byte order mark); `None` when there is none.
pub(super) fn read(src: &str, start: usize) -> Option<FrontMatter> {
    let mut lines = lines_from(src, start);
    let (_, opener) = lines.next()?;
    let syntax = match opener.trim_end() {
        "---" => Syntax::Yaml,
        "+++" => Syntax::Toml,
        _ => return None,
    };
    let content_start = start + src[start..].find('\n')? + 1;
    let mut close = None;
    let mut first_content = None;
    for (at, line) in lines {
        let t = line.trim_end();
        let closes = match syntax {
            Syntax::Yaml => t == "---" || t == "...",
            Syntax::Toml => t == "+++",
        };
        if closes {
            close = Some((at, at + line.len()));
            break;
        }
        if first_content.is_none() && !t.trim_start().is_empty() {
            first_content = Some(t);
        }
    }
    let Some((close_start, close_end)) = close else {
        // a lone `---` over text is a thematic break; over `key: value` lines, front matter
        if !first_content.is_some_and(|l| looks_like_entry(l, syntax)) {
            return None;
        }
        let fence = if syntax == Syntax::Yaml { "---" } else { "+++" };
        return Some(FrontMatter {
            body: start,
            notes: vec![(
                start,
                format!(
                    "front matter opened here never closes (no closing `{fence}` line): it is \
                     read as body text, and its date and language are not used"
                ),
            )],
            ..FrontMatter::default()
        });
    };
    let body = src[close_end..]
        .strip_prefix("\r\n")
        .or_else(|| src[close_end..].strip_prefix('\n'))
        .map(|rest| src.len() - rest.len())
        .unwrap_or(close_end);
    let block = &src[content_start..close_start];
    let mut fm = FrontMatter {
        body,
        ..FrontMatter::default()
    };
    let entries = match syntax {
        Syntax::Yaml => yaml_entries(block, content_start, &mut fm.notes),
        Syntax::Toml => toml_entries(block, content_start, &mut fm.notes),
    };
    take_entries(&mut fm, entries);
    Some(fm)
}

/// Whether a line looks like a front-matter entry (`key: value`, `key = value`, a comment or a
/// TOML table header).
fn looks_like_entry(line: &str, syntax: Syntax) -> bool {
    let l = line.trim_start();
    if l.starts_with('#') {
        return true;
    }
    if syntax == Syntax::Toml && l.starts_with('[') {
        return true;
    }
    let key_end = l
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '"' | '\'')))
        .unwrap_or(l.len());
    let rest = l[key_end..].trim_start();
    key_end > 0
        && match syntax {
            Syntax::Yaml => rest.starts_with(':'),
            Syntax::Toml => rest.starts_with('='),
        }
}

/// A top-level entry with a scalar value: (source offset of its line, key, value).
type Entry = (usize, String, String);

/// Top-level `key: scalar` entries of a YAML block, by the YAML event parser (no tree is built,
/// so nesting costs nothing). A block that does not parse is noted and read line by line.
fn yaml_entries(block: &str, offset: usize, notes: &mut Vec<(usize, String)>) -> Vec<Entry> {
    let line_offsets: Vec<usize> = lines_from(block, 0).map(|(at, _)| offset + at).collect();
    let at_line = |line: usize| {
        line_offsets
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(offset)
    };
    let mut parser = Parser::new_from_str(block);
    let mut entries = Vec::new();
    // containers open; at depth 1 inside the top mapping, scalars alternate key and value
    let mut depth = 0usize;
    let mut top_is_mapping = false;
    let mut key: Option<(usize, String)> = None;
    loop {
        let (event, mark) = match parser.next_token() {
            Ok(e) => e,
            Err(e) => {
                notes.push((
                    at_line(e.marker().line()),
                    format!(
                        "front matter is not valid YAML ({}); its date and language are read \
                         line by line",
                        e.info()
                    ),
                ));
                return plain_entries(block, offset, ':');
            }
        };
        let at_top = depth == 1 && top_is_mapping;
        match event {
            Event::StreamEnd => break,
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if depth == 0 {
                    top_is_mapping = matches!(event, Event::MappingStart(..));
                } else if at_top && key.take().is_none() {
                    // a collection as a key: its value follows at the top level
                    key = Some((at_line(mark.line()), String::new()));
                }
                depth += 1;
            }
            Event::MappingEnd | Event::SequenceEnd => depth = depth.saturating_sub(1),
            Event::Scalar(value, ..) if at_top => match key.take() {
                None => key = Some((at_line(mark.line()), value)),
                Some((line, k)) => entries.push((line, k, value)),
            },
            // an alias as a key starts an entry; as a value, it ends one
            Event::Alias(_) if at_top => {
                key = match key.take() {
                    None => Some((at_line(mark.line()), String::new())),
                    Some(_) => None,
                }
            }
            _ => {}
        }
    }
    entries
}

/// Top-level `key: value` (or `key = value`) lines, for a block that does not parse.
fn plain_entries(block: &str, offset: usize, sep: char) -> Vec<Entry> {
    lines_from(block, 0)
        .filter(|(_, l)| !l.starts_with([' ', '\t', '#']))
        .filter_map(|(at, l)| {
            let (k, v) = l.split_once(sep)?;
            let v = v.trim().trim_matches('"').trim_matches('\'');
            Some((offset + at, k.trim().to_string(), v.to_string()))
        })
        .collect()
}

/// Top-level entries of a TOML block with string or date values.
fn toml_entries(block: &str, offset: usize, notes: &mut Vec<(usize, String)>) -> Vec<Entry> {
    let table: toml::Table = match toml::from_str(block) {
        Ok(t) => t,
        Err(e) => {
            let at = e.span().map(|s| s.start).unwrap_or(0).min(block.len());
            let line_start = block[..at].rfind('\n').map(|i| i + 1).unwrap_or(0);
            notes.push((
                offset + line_start,
                format!(
                    "front matter is not valid TOML ({}); its date and language are read line \
                     by line",
                    e.message()
                ),
            ));
            return plain_entries(block, offset, '=');
        }
    };
    let line_of = |key: &str| {
        lines_from(block, 0)
            .find(|(_, l)| {
                l.trim_start()
                    .strip_prefix(key)
                    .is_some_and(|r| r.trim_start().starts_with('='))
            })
            .map(|(at, _)| offset + at)
            .unwrap_or(offset)
    };
    table
        .iter()
        .filter_map(|(k, v)| {
            let value = match v {
                toml::Value::String(s) => s.clone(),
                toml::Value::Datetime(d) => d.to_string(),
                toml::Value::Integer(i) => i.to_string(),
                _ => return None,
            };
            Some((line_of(k), k.clone(), value))
        })
        .collect()
}

/// Takes the date and language from the entries, noting dates that do not parse.
fn take_entries(fm: &mut FrontMatter, mut entries: Vec<Entry>) {
    entries.sort_by_key(|e| e.0);
    let mut bad_dates = Vec::new();
    for (at, key, value) in entries {
        if DATE_KEYS.contains(&key.as_str()) && fm.date.is_none() {
            match Date::parse(&value) {
                Some(d) => fm.date = Some(d),
                None => bad_dates.push((at, key, value)),
            }
        } else if LANG_KEYS.contains(&key.as_str()) && fm.locale.is_none() {
            let v = value.trim();
            if !v.is_empty() {
                fm.locale = Some(v.to_string());
            }
        }
    }
    if fm.date.is_none() {
        for (at, key, value) in bad_dates {
            fm.notes.push((
                at,
                format!(
                    "front matter `{key}` is {value:?}, not a date (YYYY-MM-DD): the article \
                     is undated"
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_top_level_only() {
        let src = "---\nmeta:\n  date: 1999-01-01\n  list: [1, 2]\n? [a, b]\n: x\ndate: '2020-05-06'\nlang: de\n---\nbody\n";
        let fm = read(src, 0).unwrap();
        assert_eq!(fm.date, Date::parse("2020-05-06"));
        assert_eq!(fm.locale.as_deref(), Some("de"));
        assert_eq!(&src[fm.body..], "body\n");
        assert!(fm.notes.is_empty(), "{:?}", fm.notes);
    }

    #[test]
    fn broken_yaml_is_noted_and_read_line_by_line() {
        let src = "---\ntitle: a: b: [\ndate: 2019-02-03\n---\nbody";
        let fm = read(src, 0).unwrap();
        assert_eq!(fm.date, Date::parse("2019-02-03"));
        assert_eq!(fm.notes.len(), 1, "{:?}", fm.notes);
        assert!(fm.notes[0].1.contains("not valid YAML"));
    }

    #[test]
    fn bad_date_is_noted_at_its_line() {
        let src = "---\ntitle: x\ndate: 2021-13-45\n---\n";
        let fm = read(src, 0).unwrap();
        assert_eq!(fm.date, None);
        assert_eq!(fm.notes.len(), 1);
        assert_eq!(fm.notes[0].0, src.find("date").unwrap());
    }

    #[test]
    fn toml_dates_and_errors() {
        let src = "+++\ndate = 2021-07-09\nlang = \"en\"\n+++\nbody";
        let fm = read(src, 0).unwrap();
        assert_eq!(fm.date, Date::parse("2021-07-09"));
        assert_eq!(fm.locale.as_deref(), Some("en"));
        let src = "+++\ntitle = \"x\"\nbroken = = 1\ndate = \"2021-07-10\"\n+++\n";
        let fm = read(src, 0).unwrap();
        assert_eq!(fm.date, Date::parse("2021-07-10"));
        assert_eq!(fm.notes[0].0, src.find("broken").unwrap());
    }

    #[test]
    fn unclosed_front_matter_is_noted_and_a_thematic_break_is_not_front_matter() {
        let src = "---\ntitle: x\ndate: 2020-01-01\n\nBody 5.\n";
        let fm = read(src, 0).unwrap();
        assert_eq!(fm.body, 0);
        assert_eq!(fm.date, None);
        assert!(fm.notes[0].1.contains("never closes"));
        assert!(read("---\n\nJust a rule, then 5 words.\n", 0).is_none());
        assert!(read("Text\n---\n", 0).is_none());
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let deep = format!(
            "---\nx: {}{}\ndate: 2020-01-02\n---\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let fm = read(&deep, 0).unwrap();
        // the scanner refuses such depth: noted, and read line by line
        assert_eq!(fm.date, Date::parse("2020-01-02"));
    }
}
