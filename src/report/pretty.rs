//! Pretty JSON written a piece at a time: a [`Formatter`] that indents like serde_json's
//! `PrettyFormatter` (two spaces a level) but starts at a given depth, so that one element of a
//! large document (a file, a verdict) can be written on its own, as it is produced, and the
//! pieces read exactly as the whole document written at once.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, Serializer};

/// Pretty-prints JSON nested `depth` levels deep.
pub(crate) struct Indented {
    depth: usize,
    has_value: bool,
}

impl Indented {
    /// A formatter for a value that sits `depth` levels deep in its document.
    pub(crate) fn at(depth: usize) -> Indented {
        Indented {
            depth,
            has_value: false,
        }
    }
}

fn indent<W: ?Sized + Write>(w: &mut W, depth: usize) -> io::Result<()> {
    const SPACES: &[u8; 64] = b"                                                                ";
    let mut n = depth * 2;
    while n > 0 {
        let k = n.min(SPACES.len());
        w.write_all(&SPACES[..k])?;
        n -= k;
    }
    Ok(())
}

impl Formatter for Indented {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            indent(w, self.depth)?;
        }
        w.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        indent(w, self.depth)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            indent(w, self.depth)?;
        }
        w.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        indent(w, self.depth)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Writes `value` as pretty JSON `depth` levels deep (its first line not indented: the caller
/// has placed it).
pub(crate) fn write_at<T: Serialize + ?Sized>(
    out: &mut dyn Write,
    depth: usize,
    value: &T,
) -> io::Result<()> {
    let mut ser = Serializer::with_formatter(out, Indented::at(depth));
    value.serialize(&mut ser).map_err(io::Error::from)
}

/// Writes the indentation of `depth` levels.
pub(crate) fn write_indent(out: &mut dyn Write, depth: usize) -> io::Result<()> {
    indent(out, depth)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_value_written_deep_reads_as_part_of_the_whole() {
        let inner = json!({"b": [1, {"c": []}, {}], "a": "x\ny"});
        let whole = json!({"k": [inner.clone()]});
        let want = serde_json::to_string_pretty(&whole).unwrap();
        let mut got = b"{\n  \"k\": [\n    ".to_vec();
        write_at(&mut got, 2, &inner).unwrap();
        got.extend_from_slice(b"\n  ]\n}");
        assert_eq!(String::from_utf8(got).unwrap(), want);
    }
}
