//! Input sniffing: which bytes are text (UTF-8, or UTF-16 with a byte order mark), which are not
//! an article at all (binary, empty, badly encoded), and which markup the text is written in.

use std::borrow::Cow;

use super::Format;
use crate::error::InputError;

/// The UTF-8 byte order mark.
pub(super) const BOM: char = '\u{feff}';

/// Decodes an input file as text, or says why it is not one, naming the file, the line and the
/// byte offset in the file.
///
/// UTF-16 with a byte order mark (either order) is decoded; the text returned starts after the
/// mark, and its offsets are those of the decoded (UTF-8) text, not of the file. UTF-8 comes
/// back as it is, a byte order mark included.
pub(super) fn decode<'b>(name: &str, bytes: &'b [u8]) -> Result<Cow<'b, str>, InputError> {
    let text: Cow<'b, str> = match utf16_order(bytes) {
        Some(big_endian) => Cow::Owned(decode_utf16(name, &bytes[2..], big_endian)?),
        None => {
            if let Some(offset) = memchr::memchr(0, bytes) {
                return Err(InputError::Binary {
                    path: name.into(),
                    offset,
                });
            }
            Cow::Borrowed(std::str::from_utf8(bytes).map_err(|e| {
                let offset = e.valid_up_to();
                InputError::InvalidUtf8 {
                    path: name.into(),
                    line: line_at(&bytes[..offset]),
                    offset,
                }
            })?)
        }
    };
    let body = text.strip_prefix(BOM).unwrap_or(&text);
    if body.bytes().all(|b| b.is_ascii_whitespace()) {
        return Err(InputError::Empty { path: name.into() });
    }
    Ok(text)
}

/// 1-based line of the end of `before`.
fn line_at(before: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', before).count() + 1
}

/// `Some(true)` for a big-endian UTF-16 byte order mark, `Some(false)` for little-endian (but
/// not the UTF-32 one it is a prefix of).
fn utf16_order(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, 0, 0, ..] => None,
        [0xFF, 0xFE, ..] => Some(false),
        [0xFE, 0xFF, ..] => Some(true),
        _ => None,
    }
}

/// Decodes UTF-16 code units (after the byte order mark; file offsets count from 2).
fn decode_utf16(name: &str, bytes: &[u8], big_endian: bool) -> Result<String, InputError> {
    let units = bytes.chunks_exact(2).map(|p| {
        if big_endian {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    let mut text = String::with_capacity(bytes.len());
    let mut offset = 2;
    for r in char::decode_utf16(units) {
        let c = r.map_err(|_| InputError::Malformed {
            path: name.into(),
            line: text.matches('\n').count() + 1,
            message: format!("invalid UTF-16 (a lone surrogate) at byte offset {offset}"),
        })?;
        if c == '\0' {
            return Err(InputError::Binary {
                path: name.into(),
                offset,
            });
        }
        offset += 2 * c.len_utf16();
        text.push(c);
    }
    if bytes.len() % 2 == 1 {
        return Err(InputError::Malformed {
            path: name.into(),
            line: text.matches('\n').count() + 1,
            message: format!(
                "UTF-16 text ends in half a character at byte offset {}",
                bytes.len() + 1
            ),
        });
    }
    Ok(text)
}

/// The markup of a document: by its name's extension, else by how it starts.
pub(super) fn format(name: &str, text: &str) -> Format {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".md") || lower.ends_with(".markdown") {
        return Format::Markdown;
    }
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return Format::Html;
    }
    let head = text.trim_start_matches(BOM).trim_start();
    let head_lower: String = head
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    if head_lower.starts_with("<!doctype html") || head_lower.starts_with("<html") {
        return Format::Html;
    }
    let first_line = head.lines().next().unwrap_or("").trim_end();
    if first_line == "---" || first_line == "+++" {
        return Format::Markdown;
    }
    Format::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_both_orders() {
        let le = [0xFF, 0xFE, b'a', 0, 0xAC, 0x20];
        assert_eq!(decode("x", &le).unwrap(), "a€");
        let be = [0xFE, 0xFF, 0, b'a', 0x20, 0xAC];
        assert_eq!(decode("x", &be).unwrap(), "a€");
    }

    #[test]
    fn utf16_errors_name_the_byte() {
        // a lone high surrogate on line 2
        let bad = [0xFF, 0xFE, b'a', 0, b'\n', 0, 0x00, 0xD8, b'b', 0];
        match decode("w.txt", &bad) {
            Err(InputError::Malformed { line, message, .. }) => {
                assert_eq!(line, 2);
                assert!(message.contains("byte offset 6"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        let odd = [0xFF, 0xFE, b'a', 0, b'b'];
        assert!(matches!(
            decode("w.txt", &odd),
            Err(InputError::Malformed { line: 1, .. })
        ));
        let nul = [0xFF, 0xFE, b'a', 0, 0, 0];
        assert!(matches!(
            decode("w.txt", &nul),
            Err(InputError::Binary { offset: 4, .. })
        ));
        let blank = [0xFE, 0xFF, 0, b' ', 0, b'\n'];
        assert!(matches!(
            decode("w.txt", &blank),
            Err(InputError::Empty { .. })
        ));
    }

    #[test]
    fn utf32_is_not_taken_for_utf16() {
        let le32 = [0xFF, 0xFE, 0, 0, b'a', 0, 0, 0];
        assert!(matches!(
            decode("x", &le32),
            Err(InputError::Binary { offset: 2, .. })
        ));
    }

    #[test]
    fn a_byte_order_mark_alone_is_empty() {
        assert!(matches!(
            decode("x", "\u{feff}\n".as_bytes()),
            Err(InputError::Empty { .. })
        ));
    }

    #[test]
    fn formats_sniffed() {
        assert_eq!(format("a.MD", "x"), Format::Markdown);
        assert_eq!(format("a.htm", "x"), Format::Html);
        assert_eq!(format("a", "  <!DOCTYPE html><p>"), Format::Html);
        assert_eq!(
            format("a", "+++\ndate = 2020-01-01\n+++\n"),
            Format::Markdown
        );
        assert_eq!(
            format("a", "---\r\ndate: 2020-01-01\n---\n"),
            Format::Markdown
        );
        assert_eq!(format("a", "plain"), Format::Text);
    }
}
