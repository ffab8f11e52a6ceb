//! Writing a run's report as its files are done: [`ReportWriter`] writes a renderer's start,
//! each file's part in input order, and its end, holding nothing but what a
//! [`Layout::Held`] format must (its sections). A file's part can also be rendered apart, on
//! another thread, into a [`Part`] that the writer then copies in its turn: the bytes are the
//! same either way.

use std::io::{self, BufWriter, Write};

use super::{Extracted, Layout, Renderer, RunEnd, Totals};
use crate::check::FileReport;

/// Bytes gathered from a renderer before they go on to the output.
const PIECES: usize = 16 * 1024;

/// What a report is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Check,
    Extract,
}

/// One file's part of a report, rendered on its own to be written later in input order.
#[derive(Debug, Default)]
pub struct Part {
    /// The bytes of each section.
    sections: Vec<Vec<u8>>,
    /// The file's verdict counts (check reports).
    totals: Totals,
}

/// Renders a checked file's part of a report in `renderer`'s format.
pub fn render_check_part<R: Renderer + ?Sized>(
    renderer: &R,
    file: &FileReport,
) -> io::Result<Part> {
    let n = sections(renderer.check_layout());
    let mut part = Part {
        sections: vec![Vec::new(); n],
        totals: Totals::default(),
    };
    part.totals.add(file);
    for (s, out) in part.sections.iter_mut().enumerate() {
        renderer.check_part(out, s, file)?;
    }
    Ok(part)
}

/// Renders a file's claims as its part of an extract report.
pub fn render_extract_part<R: Renderer + ?Sized>(
    renderer: &R,
    file: &Extracted,
) -> io::Result<Part> {
    let mut out = Vec::new();
    renderer.extract_part(&mut out, file)?;
    Ok(Part {
        sections: vec![out],
        totals: Totals::default(),
    })
}

fn sections(layout: Layout) -> usize {
    match layout {
        Layout::Streamed => 1,
        Layout::Held(n) => n.max(1),
    }
}

/// Writes one run's report to `W` as its files come.
pub struct ReportWriter<'r, R: Renderer + ?Sized, W: Write> {
    renderer: &'r R,
    kind: Kind,
    out: W,
    /// The sections of a held layout (empty when streamed).
    held: Vec<Vec<u8>>,
    /// Per section: has a part that was not empty been written?
    written: Vec<bool>,
    parts: usize,
    totals: Totals,
    unreadable: &'r [String],
}

impl<'r, R: Renderer + ?Sized, W: Write> ReportWriter<'r, R, W> {
    /// Starts a `check` report; `unreadable` are the inputs that could not be read.
    pub fn check(renderer: &'r R, mut out: W, unreadable: &'r [String]) -> io::Result<Self> {
        let layout = renderer.check_layout();
        renderer.check_start(&mut out, unreadable)?;
        let held = match layout {
            Layout::Streamed => Vec::new(),
            Layout::Held(_) => vec![Vec::new(); sections(layout)],
        };
        Ok(ReportWriter {
            renderer,
            kind: Kind::Check,
            out,
            held,
            written: vec![false; sections(layout)],
            parts: 0,
            totals: Totals::default(),
            unreadable,
        })
    }

    /// Starts an `extract` report.
    pub fn extract(renderer: &'r R, mut out: W, unreadable: &'r [String]) -> io::Result<Self> {
        renderer.extract_start(&mut out, unreadable)?;
        Ok(ReportWriter {
            renderer,
            kind: Kind::Extract,
            out,
            held: Vec::new(),
            written: vec![false],
            parts: 0,
            totals: Totals::default(),
            unreadable,
        })
    }

    /// The verdict counts so far.
    pub fn totals(&self) -> &Totals {
        &self.totals
    }

    /// Writes a checked file's part.
    pub fn file(&mut self, file: &FileReport) -> io::Result<()> {
        debug_assert_eq!(self.kind, Kind::Check);
        self.totals.add(file);
        for s in 0..self.written.len() {
            let first = !self.written[s];
            let target: &mut dyn Write = match self.held.get_mut(s) {
                Some(h) => h,
                None => &mut self.out,
            };
            let mut sep = Separated::new(target, self.renderer.separator(first));
            {
                // renderers write many small pieces: gather them before the dynamic writers
                let mut buf = BufWriter::with_capacity(PIECES, &mut sep);
                self.renderer.check_part(&mut buf, s, file)?;
                buf.flush()?;
            }
            if sep.wrote {
                self.wrote(s);
            }
        }
        Ok(())
    }

    /// Writes a file's claims.
    pub fn extracted(&mut self, file: &Extracted) -> io::Result<()> {
        debug_assert_eq!(self.kind, Kind::Extract);
        let first = !self.written[0];
        let mut sep = Separated::new(&mut self.out, self.renderer.separator(first));
        {
            let mut buf = BufWriter::with_capacity(PIECES, &mut sep);
            self.renderer.extract_part(&mut buf, file)?;
            buf.flush()?;
        }
        if sep.wrote {
            self.wrote(0);
        }
        Ok(())
    }

    /// Writes a part rendered apart ([`render_check_part`], [`render_extract_part`]).
    pub fn part(&mut self, part: &Part) -> io::Result<()> {
        self.totals.merge(&part.totals);
        for (s, bytes) in part.sections.iter().enumerate() {
            if bytes.is_empty() || s >= self.written.len() {
                continue;
            }
            let sep = self.renderer.separator(!self.written[s]);
            let target: &mut dyn Write = match self.held.get_mut(s) {
                Some(h) => h,
                None => &mut self.out,
            };
            target.write_all(sep.as_bytes())?;
            target.write_all(bytes)?;
            self.wrote(s);
        }
        Ok(())
    }

    fn wrote(&mut self, section: usize) {
        self.written[section] = true;
        if section == 0 {
            self.parts += 1;
        }
    }

    /// Writes the report's end, flushes, and hands the writer back.
    pub fn finish(mut self) -> io::Result<W> {
        let end = RunEnd {
            unreadable: self.unreadable,
            totals: &self.totals,
            parts: self.parts,
        };
        match self.kind {
            Kind::Check => self.renderer.check_end(&mut self.out, &end, &self.held)?,
            Kind::Extract => self.renderer.extract_end(&mut self.out, &end)?,
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

/// A writer that puts a separator before the first bytes written through it, if any are.
struct Separated<'w> {
    inner: &'w mut dyn Write,
    sep: &'static str,
    wrote: bool,
}

impl<'w> Separated<'w> {
    fn new(inner: &'w mut dyn Write, sep: &'static str) -> Self {
        Separated {
            inner,
            sep,
            wrote: false,
        }
    }
}

impl Write for Separated<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if !self.wrote {
            self.inner.write_all(self.sep.as_bytes())?;
            self.wrote = true;
        }
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}
