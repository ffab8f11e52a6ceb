//! The command line's progress bar on standard error: files done of all, rate, time left and
//! findings so far. On a terminal it redraws in place; forced (`--progress`) onto a pipe or a
//! CI log, it writes a plain line at most once a second.

use std::io::{IsTerminal, Write};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle, TermLike};

/// Standard error when it is not a terminal: each drawing of the bar a line of its own.
#[derive(Debug)]
struct PlainStderr;

impl TermLike for PlainStderr {
    fn width(&self) -> u16 {
        100
    }
    fn move_cursor_up(&self, _: usize) -> std::io::Result<()> {
        Ok(())
    }
    fn move_cursor_down(&self, _: usize) -> std::io::Result<()> {
        Ok(())
    }
    fn move_cursor_right(&self, _: usize) -> std::io::Result<()> {
        Ok(())
    }
    fn move_cursor_left(&self, _: usize) -> std::io::Result<()> {
        Ok(())
    }
    fn write_line(&self, s: &str) -> std::io::Result<()> {
        self.write_str(s)
    }
    fn write_str(&self, s: &str) -> std::io::Result<()> {
        if s.trim().is_empty() {
            return Ok(());
        }
        writeln!(std::io::stderr().lock(), "{}", s.trim_end())
    }
    fn clear_line(&self) -> std::io::Result<()> {
        Ok(())
    }
    fn flush(&self) -> std::io::Result<()> {
        std::io::stderr().flush()
    }
}

/// A progress bar for long batches (on a pipe only when forced).
pub struct Progress {
    bar: Option<ProgressBar>,
    findings: usize,
}

impl Progress {
    /// A bar over `total` files: shown when forced, or for 20 files or more on a terminal.
    pub fn new(total: usize, forced: bool) -> Progress {
        let terminal = std::io::stderr().is_terminal();
        let on = forced || (total >= 20 && terminal);
        let bar = on.then(|| {
            let target = if terminal {
                ProgressDrawTarget::stderr()
            } else {
                ProgressDrawTarget::term_like_with_hz(Box::new(PlainStderr), 1)
            };
            let bar = ProgressBar::with_draw_target(Some(total as u64), target);
            if let Ok(style) = ProgressStyle::with_template(
                "{bar:30} {pos}/{len} files, {per_sec}, {eta} left, {msg}",
            ) {
                bar.set_style(style);
            }
            bar.set_message("0 findings");
            bar
        });
        Progress { bar, findings: 0 }
    }

    /// One more file done, with its findings.
    pub fn tick(&mut self, findings: usize) {
        let Some(bar) = &self.bar else { return };
        self.findings += findings;
        bar.set_message(format!(
            "{} finding{}",
            self.findings,
            if self.findings == 1 { "" } else { "s" }
        ));
        bar.inc(1);
        if bar.position() >= bar.length().unwrap_or(0) {
            bar.finish();
        }
    }
}
