//! Line and column lookups, built once per document: the start of every line, and for text
//! that is not all ASCII, the count of characters before every block of [`BLOCK`] bytes, so a
//! column on a line of any length costs at most two blocks' scan.

/// Bytes between two character-count checkpoints.
const BLOCK: usize = 1024;

/// Where the lines of a source start, and how to count characters in it quickly.
#[derive(Debug, Clone)]
pub(super) struct LineIndex {
    /// Byte offset where each line starts; the first line starts after a byte order mark.
    starts: Vec<usize>,
    /// Characters before byte `i * BLOCK`, for every block; empty when the source is ASCII.
    chars_before: Vec<usize>,
}

/// Whether `b` starts a character (is not a UTF-8 continuation byte).
fn starts_char(b: u8) -> bool {
    (b as i8) >= -0x40
}

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| starts_char(b)).count()
}

impl LineIndex {
    /// Indexes `source`, whose first line starts at `first` (after a byte order mark).
    pub fn new(source: &str, first: usize) -> LineIndex {
        let bytes = source.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 40 + 1);
        starts.push(first);
        starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        let chars_before = if source.is_ascii() {
            Vec::new()
        } else {
            let mut v = Vec::with_capacity(bytes.len() / BLOCK + 1);
            let mut n = 0;
            for block in bytes.chunks(BLOCK) {
                v.push(n);
                n += count_chars(block);
            }
            v.push(n);
            v
        };
        LineIndex {
            starts,
            chars_before,
        }
    }

    /// Characters in `source[..offset]` (counting a character cut by `offset`).
    fn chars_to(&self, source: &str, offset: usize) -> usize {
        let block = offset / BLOCK;
        self.chars_before[block] + count_chars(&source.as_bytes()[block * BLOCK..offset])
    }

    /// 1-based line and column (in characters) of a source byte offset.
    pub fn line_col(&self, source: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(source.len());
        if offset < self.starts[0] {
            return (1, 1);
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let col = if self.chars_before.is_empty() {
            offset - start
        } else if offset - start <= BLOCK {
            count_chars(&source.as_bytes()[start..offset])
        } else {
            self.chars_to(source, offset) - self.chars_to(source, start)
        } + 1;
        (line, col)
    }

    /// The text of a 1-based line, without its line end (`""` past the last line; line 0 is
    /// taken as line 1).
    pub fn line_text<'s>(&self, source: &'s str, line: usize) -> &'s str {
        let i = line.max(1) - 1;
        let Some(&start) = self.starts.get(i) else {
            return "";
        };
        let end = self
            .starts
            .get(i + 1)
            .map(|&next| next - 1)
            .unwrap_or(source.len());
        let text = &source[start..end.max(start)];
        text.strip_suffix('\r').unwrap_or(text)
    }

    /// The number of lines (a final line end opens no further line).
    #[cfg(test)]
    pub fn lines(&self) -> usize {
        self.starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let src = "ab\r\ncé d\n\nlast";
        let ix = LineIndex::new(src, 0);
        assert_eq!(ix.lines(), 4);
        assert_eq!(ix.line_text(src, 1), "ab");
        assert_eq!(ix.line_text(src, 2), "cé d");
        assert_eq!(ix.line_text(src, 3), "");
        assert_eq!(ix.line_text(src, 4), "last");
        assert_eq!(ix.line_text(src, 5), "");
        assert_eq!(ix.line_text(src, 0), "ab");
        assert_eq!(ix.line_col(src, src.find('d').unwrap()), (2, 4));
        assert_eq!(ix.line_col(src, src.len()), (4, 5));
    }

    #[test]
    fn columns_agree_with_counting_across_blocks() {
        let src: String = "αβγ x ".repeat(3000);
        let ix = LineIndex::new(&src, 0);
        for off in (0..src.len())
            .filter(|&i| src.is_char_boundary(i))
            .step_by(37)
        {
            assert_eq!(ix.line_col(&src, off), (1, src[..off].chars().count() + 1));
        }
    }

    #[test]
    fn columns_on_long_lines_starting_inside_a_block() {
        let line = format!("{}\n", "αβγ x ".repeat(300));
        let src = format!("ab\n{}", line.repeat(5));
        let ix = LineIndex::new(&src, 0);
        for off in (0..src.len())
            .filter(|&i| src.is_char_boundary(i))
            .step_by(11)
        {
            let start = src[..off].rfind('\n').map(|i| i + 1).unwrap_or(0);
            let want = (
                src[..off].matches('\n').count() + 1,
                src[start..off].chars().count() + 1,
            );
            assert_eq!(ix.line_col(&src, off), want, "at {off}");
        }
    }

    #[test]
    fn first_line_starts_after_a_byte_order_mark() {
        let src = "\u{feff}ab\ncd";
        let ix = LineIndex::new(src, 3);
        assert_eq!(ix.line_col(src, 0), (1, 1));
        assert_eq!(ix.line_col(src, 3), (1, 1));
        assert_eq!(ix.line_col(src, 4), (1, 2));
        assert_eq!(ix.line_text(src, 1), "ab");
        assert_eq!(ix.line_col(src, 6), (2, 1));
    }
}
