//! `--format junit`: JUnit XML, as GitLab, Jenkins and most CI systems read test results. A
//! test suite per file and a test case per finding: an error or a warning is a failure (its
//! type the level), a note (a claim that could not be checked, listed with `--all`) is a
//! skipped test. A file with no finding has one passing test case, so every file checked
//! shows.

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use super::explain::explain;
use super::explain::words::oneline;
use super::{CheckRun, Level, RenderOptions, Renderer, findings, verdict_label};
use crate::lexicon::Lexicon;
use crate::triage::path_key;

/// The JUnit renderer.
pub(crate) struct Junit<'a> {
    pub(crate) lex: &'a Lexicon,
    pub(crate) options: RenderOptions,
}

impl Renderer for Junit<'_> {
    fn check(&self, run: &CheckRun) -> String {
        let mut report = Report::new("numcheck");
        let mut suites: Vec<TestSuite> = run
            .files
            .iter()
            .map(|r| TestSuite::new(path_key(&r.doc.name)))
            .collect();
        let mut found = vec![false; run.files.len()];
        for f in findings(run, &self.options) {
            let i = run
                .files
                .iter()
                .position(|r| std::ptr::eq(r, f.file))
                .unwrap_or(0);
            found[i] = true;
            let (r, v) = (f.file, f.verdict);
            let c = &r.claims[v.claim];
            let prose = explain(r, v, self.lex);
            let mut status = match f.level {
                Level::Note => TestCaseStatus::skipped(),
                _ => TestCaseStatus::non_success(NonSuccessKind::Failure),
            };
            status
                .set_message(format!("{}: {}", verdict_label(v), prose.summary))
                .set_type(f.level.as_str())
                .set_description(prose.explanation.join("\n"));
            let name = format!(
                "line {}:{} \u{201c}{}\u{201d} ({})",
                c.line,
                c.column,
                oneline(&c.text),
                v.check().as_str()
            );
            let mut case = TestCase::new(name, status);
            case.set_classname(path_key(&r.doc.name));
            suites[i].add_test_case(case);
        }
        for (suite, (r, found)) in suites.iter_mut().zip(run.files.iter().zip(found)) {
            if !found {
                let mut case = TestCase::new("no findings", TestCaseStatus::success());
                case.set_classname(path_key(&r.doc.name));
                suite.add_test_case(case);
            }
        }
        report.add_test_suites(suites);
        for e in run.unreadable {
            let mut suite = TestSuite::new(e.split(": ").next().unwrap_or(e).to_string());
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
            status.set_message(e.clone()).set_type("unreadable");
            suite.add_test_case(TestCase::new("read", status));
            report.add_test_suite(suite);
        }
        report.to_string().unwrap_or_default()
    }
}
