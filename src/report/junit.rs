//! `--format junit`: JUnit XML, as GitLab, Jenkins and most CI systems read test results. A
//! test suite per file and a test case per finding: an error or a warning is a failure (its
//! type the level), a note (a claim that could not be checked, listed with `--all`) is a
//! skipped test. A file with no finding has one passing test case, so every file checked
//! shows.

use std::io::{self, Write};

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};
use serde::{Deserialize, Serialize};

use super::explain::explain;
use super::explain::words::oneline;
use super::{Layout, Level, RenderOptions, Renderer, RunEnd, findings, verdict_label};
use crate::check::FileReport;
use crate::lexicon::Lexicon;
use crate::triage::path_key;

/// The JUnit renderer.
pub(crate) struct Junit<'a> {
    pub(crate) lex: &'a Lexicon,
    pub(crate) options: RenderOptions,
}

/// A file's test suite as held until the end of the run (one JSON line): the document opens
/// with the run's counts, so the suites are built into one report there.
#[derive(Serialize, Deserialize)]
struct Suite {
    name: String,
    cases: Vec<Case>,
}

/// A finding's test case.
#[derive(Serialize, Deserialize)]
struct Case {
    name: String,
    level: Level,
    message: String,
    description: String,
}

impl Renderer for Junit<'_> {
    /// The report opens with the run's counts of tests and failures: each file's suite is held.
    fn check_layout(&self) -> Layout {
        Layout::Held(1)
    }

    fn check_part(&self, out: &mut dyn Write, _section: usize, r: &FileReport) -> io::Result<()> {
        let cases = findings(r, &self.options)
            .map(|f| {
                let v = f.verdict;
                let c = &r.claims[v.claim];
                let prose = explain(r, v, self.lex);
                Case {
                    name: format!(
                        "line {}:{} \u{201c}{}\u{201d} ({})",
                        c.line,
                        c.column,
                        oneline(&c.text),
                        v.check().as_str()
                    ),
                    level: f.level,
                    message: format!("{}: {}", verdict_label(v), prose.summary),
                    description: prose.explanation.join("\n"),
                }
            })
            .collect();
        let suite = Suite {
            name: path_key(&r.doc.name),
            cases,
        };
        serde_json::to_writer(&mut *out, &suite)?;
        out.write_all(b"\n")
    }

    fn check_end(&self, out: &mut dyn Write, end: &RunEnd, held: &[Vec<u8>]) -> io::Result<()> {
        let mut report = Report::new("numcheck");
        let lines = held.first().map(Vec::as_slice).unwrap_or_default();
        for line in lines.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            let suite: Suite = serde_json::from_slice(line)?;
            report.add_test_suite(test_suite(suite));
        }
        for e in end.unreadable {
            let mut suite = TestSuite::new(e.split(": ").next().unwrap_or(e).to_string());
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
            status.set_message(e.clone()).set_type("unreadable");
            suite.add_test_case(TestCase::new("read", status));
            report.add_test_suite(suite);
        }
        report.serialize(out).map_err(io::Error::other)
    }
}

/// A file's suite: a test case per finding (an error or a warning a failure, a note skipped),
/// or one passing case when it has none.
fn test_suite(s: Suite) -> TestSuite {
    let mut suite = TestSuite::new(s.name.clone());
    if s.cases.is_empty() {
        let mut case = TestCase::new("no findings", TestCaseStatus::success());
        case.set_classname(s.name.clone());
        suite.add_test_case(case);
    }
    for c in s.cases {
        let mut status = match c.level {
            Level::Note => TestCaseStatus::skipped(),
            _ => TestCaseStatus::non_success(NonSuccessKind::Failure),
        };
        status
            .set_message(c.message)
            .set_type(c.level.as_str())
            .set_description(c.description);
        let mut case = TestCase::new(c.name, status);
        case.set_classname(s.name.clone());
        suite.add_test_case(case);
    }
    suite
}
