//! The command line's machine-readable output, parsed and inspected field by field: what a
//! data case in `tests/cmd/` (run by `tests/cli_cases.rs`) can only compare as whole lines.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

struct Run {
    code: i32,
    out: String,
    err: String,
}

/// Runs `numcheck` in `dir` (the crate root if `None`) with `stdin` (none if `None`).
fn run_in(dir: Option<&Path>, args: &[&str], stdin: Option<&str>) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_numcheck"));
    cmd.args(args).env("NO_COLOR", "1");
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn numcheck");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        out: String::from_utf8_lossy(&out.stdout).into_owned(),
        err: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn json(r: &Run) -> Value {
    serde_json::from_str(&r.out).unwrap_or_else(|e| panic!("bad JSON ({e}):\n{}\n{}", r.out, r.err))
}

#[test]
fn json_claims_carry_every_field_of_the_schema() {
    let r = run_in(
        None,
        &["extract", "-", "--format", "json"],
        Some("Some 2,000 fighters and a 3.5% rise.\n"),
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let v = json(&r);
    assert_eq!(v["schema_version"], 2);
    let c = &v["files"][0]["claims"][0];
    for key in [
        "text",
        "span",
        "line",
        "column",
        "value",
        "unit",
        "dimension",
        "qualifier",
        "interval",
        "counted",
        "kind",
    ] {
        assert!(c.get(key).is_some(), "claim lacks {key}: {c}");
    }
    assert_eq!(c["interval"]["low"], "1800");
    assert_eq!(c["interval"]["high"], "2200");
    assert_eq!(v["files"][0]["claims"][1]["unit"]["code"], "percent");
}

/// The JSON report lists the inputs it could not read beside the files it could; the fixtures
/// are those of the data case `unreadable-files-named-rest-read`.
#[test]
fn json_report_lists_unreadable_inputs() {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cmd/unreadable-files-named-rest-read.in");
    for command in ["extract", "check"] {
        let r = run_in(
            Some(&dir),
            &[
                command,
                "--format",
                "json",
                "empty.txt",
                "photo.png",
                "latin1.txt",
                "good.txt",
            ],
            None,
        );
        assert_eq!(r.code, 2, "{command}: {}", r.err);
        let v = json(&r);
        let files = v["files"].as_array().unwrap();
        assert_eq!(files.len(), 1, "{command}: {files:?}");
        assert_eq!(files[0]["path"], "good.txt");
        let errors: Vec<&str> = v["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e.as_str().unwrap())
            .collect();
        assert_eq!(errors.len(), 3, "{command}: {errors:?}");
        for (error, name) in errors
            .iter()
            .zip(["empty.txt:", "photo.png:", "latin1.txt:"])
        {
            assert!(error.starts_with(name), "{command}: {error}");
        }
    }
}

#[test]
fn json_marks_unrepresentable_numbers() {
    let r = run_in(
        None,
        &["extract", "-", "--format", "json"],
        Some(
            "The survey counted 10^80 grains and 999999999999999999999999999999999999999999 ants.\n",
        ),
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let v = json(&r);
    let claims = v["files"][0]["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 2);
    for c in claims {
        assert_eq!(c["kind"], "unrepresentable");
        assert!(c["value"].is_null(), "{c}");
        assert!(c["interval"].is_null(), "{c}");
        assert!(
            c["problem"].as_str().unwrap().contains("beyond the range"),
            "{c}"
        );
    }
}

#[test]
fn stream_lines_carry_the_verdicts_of_their_article() {
    let input = concat!(
        r#"{"id": "a", "text": "The city borrowed 200 million euros ($214 million).", "date": "2023-03-01"}"#,
        "\n",
        r#"{"id": 7, "text": "The city borrowed 200 million euros ($412 million).", "date": "2023-03-01"}"#,
        "\n",
    );
    let r = run_in(None, &["check", "--stream"], Some(input));
    assert_eq!(r.code, 1, "a wrong conversion fails the run: {}", r.err);
    let lines: Vec<Value> = r
        .out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["verdicts"][1]["claim"]["text"], "$214 million");
    assert_eq!(lines[0]["verdicts"][1]["verdict"], "consistent_by_rounding");
    assert_eq!(lines[1]["id"], 7);
    assert_eq!(lines[1]["verdicts"][1]["verdict"], "inconsistent");
    assert_eq!(lines[1]["verdicts"][1]["check"], "conversion");

    let r = run_in(
        None,
        &["extract", "--stream"],
        Some(r#"{"id": 1, "text": "Fares rose 12 per cent."}"#),
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let v: Value = serde_json::from_str(r.out.trim()).unwrap();
    assert_eq!(v["claims"][0]["unit"]["code"], "percent");
    assert_eq!(v["claims"][0]["direction"], "up");
}

/// SARIF is JSON read by code-review tools; the HTML page carries a style sheet, so only its
/// marks are inspected here. The text and Markdown reports are data cases.
#[test]
fn sarif_and_html_reports_of_the_example() {
    let ex = "examples/europe-briefing.md";
    let r = run_in(None, &["check", ex, "--format", "sarif"], None);
    assert_eq!(r.code, 1, "{}", r.err);
    let sarif = json(&r);
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    // levels follow severity: the wrong conversion and the population 12% off are errors, the
    // river 9.5% short a warning; the rule is the check that found each
    let level = |l: &str| results.iter().filter(|r| r["level"] == l).count();
    assert_eq!((level("error"), level("warning")), (2, 1));
    let rules: Vec<&str> = results
        .iter()
        .filter(|r| r["level"] != "note")
        .map(|r| r["ruleId"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["conversion", "reference", "reference"]);
    let location = &results[0]["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], ex);
    assert_eq!(location["region"]["startLine"], 8);
    let html = run_in(None, &["check", ex, "--format", "html"], None).out;
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<mark id=\"c0-"));
    assert!(html.contains("class=\"lvl-warning inconsistent\""));
    assert!(html.contains("2,580 km</a></mark>"));
}

/// A silenced claim stays in SARIF, marked as suppressed in source, so that review tools show it
/// as dismissed; it fails no run.
#[test]
fn sarif_marks_silenced_claims_as_suppressed() {
    let text = "The trail is 5 km (9 miles) long. <!-- numcheck:ignore -->\n";
    let r = run_in(None, &["check", "-", "--format", "sarif"], Some(text));
    assert_eq!(r.code, 0, "{}", r.err);
    let sarif = json(&r);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let wrong: Vec<&Value> = results
        .iter()
        .filter(|r| r["ruleId"] == "conversion")
        .collect();
    assert_eq!(wrong.len(), 1, "{results:#?}");
    assert_eq!(wrong[0]["suppressions"][0]["kind"], "inSource");
}
