//! The command line as users drive it: formats, exit codes, bad input, stream mode, config.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

struct Run {
    code: i32,
    out: String,
    err: String,
}

fn run_in(dir: Option<&Path>, args: &[&str], stdin: Option<&str>) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_numcheck"));
    cmd.args(args).env_remove("NO_COLOR");
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

fn run(args: &[&str]) -> Run {
    run_in(None, args, None)
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/europe-briefing.md")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn help_lists_every_command_and_option() {
    let r = run(&["--help"]);
    assert_eq!(r.code, 0);
    for w in ["extract", "check", "reference"] {
        assert!(r.out.contains(w), "{w} missing from --help");
    }
    let r = run(&["check", "--help"]);
    for w in [
        "--format",
        "--reference",
        "--date",
        "--fail-on",
        "--output",
        "--stream",
        "markdown",
        "sarif",
        "html",
        "unverifiable",
    ] {
        assert!(
            r.out.contains(w),
            "{w} missing from check --help:\n{}",
            r.out
        );
    }
    let r = run(&["extract", "--help"]);
    for w in ["--format", "jsonl", "--date", "--stream"] {
        assert!(r.out.contains(w), "{w} missing from extract --help");
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["check", "--format", "pdf", "x"]).code, 2);
    assert_eq!(run(&["extract", "--date", "2021-13-40", "x"]).code, 2);
    assert_eq!(run(&["frobnicate"]).code, 2);
}

#[test]
fn bad_files_are_named_and_the_rest_still_processed() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.txt", b"The ministry hired 250 nurses.\n");
    let empty = write(dir.path(), "empty.txt", b"");
    let binary = write(dir.path(), "image.bin", b"\x89PNG\r\n\x1a\n\0\0\0IHDR");
    let latin1 = write(
        dir.path(),
        "latin1.txt",
        b"It cost 5 pounds.\nCaf\xe9 prices rose 3%.\n",
    );
    let r = run(&[
        "extract",
        "--format",
        "json",
        empty.to_str().unwrap(),
        binary.to_str().unwrap(),
        latin1.to_str().unwrap(),
        good.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2);
    assert!(r.err.contains("empty.txt: empty file"), "{}", r.err);
    assert!(
        r.err.contains("image.bin: looks like a binary file"),
        "{}",
        r.err
    );
    assert!(
        r.err
            .contains("latin1.txt: line 2: invalid UTF-8 at byte offset 21"),
        "{}",
        r.err
    );
    let v: Value = serde_json::from_str(&r.out).unwrap();
    assert_eq!(v["files"].as_array().unwrap().len(), 1);
    assert_eq!(v["files"][0]["claims"][0]["value"], "250");
    assert_eq!(v["errors"].as_array().unwrap().len(), 3);
    let missing = run(&["check", dir.path().join("nope.txt").to_str().unwrap()]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.err.contains("nope.txt: cannot read"),
        "{}",
        missing.err
    );
}

#[test]
fn stdin_and_json_schema() {
    let r = run_in(
        None,
        &["extract", "-", "--format", "json"],
        Some("Some 2,000 fighters and a 3.5% rise.\n"),
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let v: Value = serde_json::from_str(&r.out).unwrap();
    assert_eq!(v["schema_version"], 1);
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

#[test]
fn unrepresentable_numbers_are_claims_not_crashes() {
    let r = run_in(
        None,
        &["extract", "-", "--format", "json"],
        Some(
            "The universe holds 10^80 atoms and 999999999999999999999999999999999999999999999999999999999999 grains.\n",
        ),
    );
    assert_eq!(r.code, 0, "{}", r.err);
    let v: Value = serde_json::from_str(&r.out).unwrap();
    let claims = v["files"][0]["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 2);
    for c in claims {
        assert_eq!(c["kind"], "unrepresentable");
        assert!(c["value"].is_null());
        assert!(c["problem"].as_str().unwrap().contains("beyond the range"));
    }
    let r = run_in(
        None,
        &["check", "-"],
        Some("The universe holds 10^80 atoms.\n"),
    );
    assert_eq!(r.code, 0, "{}", r.err);
}

#[test]
fn stream_mode_is_one_line_in_one_line_out() {
    let input = concat!(
        r#"{"id": "a", "text": "Brussels pledged one billion euros ($1.2 billion).", "date": "2021-10-20"}"#,
        "\n",
        r#"{"id": 7, "text": "Brussels pledged one billion euros ($2.1 billion).", "date": "2021-10-20"}"#,
        "\n",
        "this is not json\n",
    );
    let r = run_in(None, &["check", "--stream"], Some(input));
    let lines: Vec<Value> = r
        .out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["verdicts"][1]["verdict"], "consistent_by_rounding");
    assert_eq!(lines[1]["id"], 7);
    assert_eq!(lines[1]["verdicts"][1]["verdict"], "inconsistent");
    assert!(lines[2]["error"].as_str().unwrap().contains("line 3"));
    assert_eq!(r.code, 2, "a bad line is an input error");
    let r = run_in(
        None,
        &["extract", "--stream"],
        Some(r#"{"id": 1, "text": "It rose 12 per cent."}"#),
    );
    assert_eq!(r.code, 0);
    let v: Value = serde_json::from_str(r.out.trim()).unwrap();
    assert_eq!(v["claims"][0]["unit"]["code"], "percent");
}

#[test]
fn fail_levels_and_exit_codes() {
    let ex = example();
    let ex = ex.to_str().unwrap();
    assert_eq!(run(&["check", ex]).code, 1);
    assert_eq!(run(&["check", ex, "--fail-on", "never"]).code, 0);
    let dir = tempfile::tempdir().unwrap();
    let clean = write(
        dir.path(),
        "clean.md",
        b"---\ndate: 2023-06-15\n---\nThe Eiffel Tower stands 330 metres tall.\n",
    );
    assert_eq!(run(&["check", clean.to_str().unwrap()]).code, 0);
    let unverifiable = write(dir.path(), "u.txt", b"More than 3,000 delegates came.\n");
    assert_eq!(run(&["check", unverifiable.to_str().unwrap()]).code, 0);
    assert_eq!(
        run(&[
            "check",
            unverifiable.to_str().unwrap(),
            "--fail-on",
            "unverifiable"
        ])
        .code,
        1
    );
}

#[test]
fn text_report_points_at_the_claim() {
    let r = run(&["check", example().to_str().unwrap()]);
    assert!(
        !r.out.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
    assert!(
        r.out
            .contains("inconsistent: 2,580 km is wrong: the reference gives 2,850"),
        "{}",
        r.out
    );
    assert!(
        r.out.contains("examples/europe-briefing.md:16:45"),
        "{}",
        r.out
    );
    assert!(
        r.out
            .contains("                                             ^^^^^^^^"),
        "{}",
        r.out
    );
    assert!(r.out.contains("ICPDR"), "the source is named");
    assert!(
        r.out
            .trim_end()
            .ends_with("3 inconsistent, 2 unverifiable, 0 ambiguous"),
        "{}",
        r.out
    );
}

#[test]
fn markdown_sarif_and_html_reports() {
    let ex = example();
    let ex = ex.to_str().unwrap();
    let md = run(&["check", ex, "--format", "markdown"]);
    assert!(md.out.contains("| files | claims |"));
    assert!(md.out.contains("## Discrepancies"));
    assert!(md.out.contains("| 2,580 km |"), "{}", md.out);
    assert!(
        md.out.contains("2,850 kilometre"),
        "suggested correction: {}",
        md.out
    );
    let sarif: Value = serde_json::from_str(&run(&["check", ex, "--format", "sarif"]).out).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.iter().filter(|r| r["level"] == "error").count(), 3);
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        8
    );
    let html = run(&["check", ex, "--format", "html"]).out;
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<mark class=\"inconsistent\""));
    assert!(html.contains("2,580 km</mark>"));
}

#[test]
fn output_file_and_inputs_are_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let art = write(dir.path(), "a.txt", b"It sold 5,000 copies.\n");
    let report = dir.path().join("report.json");
    let r = run(&[
        "check",
        art.to_str().unwrap(),
        "--format",
        "json",
        "--output",
        report.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.is_empty());
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(v["summary"]["claims"], 1);
    let r = run(&[
        "check",
        art.to_str().unwrap(),
        "--output",
        art.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2);
    assert!(r.err.contains("refusing to write"), "{}", r.err);
    assert_eq!(
        std::fs::read_to_string(&art).unwrap(),
        "It sold 5,000 copies.\n"
    );
}

#[test]
fn user_reference_dirs_and_validation() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("facts")).unwrap();
    write(
        &dir.path().join("facts"),
        "summit.csv",
        b"id,entity,measure,value,low,high,unit,counted,as_of,period,source,aliases\nsummit-delegates,Brussels autumn summit,delegates,3200,,,,delegate,2023-09-01,,Summit press office,summit|delegates|brussels\n",
    );
    let art = write(
        dir.path(),
        "a.txt",
        b"More than 3,000 delegates are expected at the autumn summit in Brussels.\n",
    );
    let r = run(&[
        "check",
        art.to_str().unwrap(),
        "--reference",
        dir.path().to_str().unwrap(),
        "--format",
        "json",
        "--date",
        "2023-06-15",
    ]);
    assert_eq!(r.code, 0, "{}", r.err);
    let v: Value = serde_json::from_str(&r.out).unwrap();
    assert_eq!(v["files"][0]["verdicts"][0]["verdict"], "consistent");
    assert_eq!(
        v["files"][0]["verdicts"][0]["fact"]["source"],
        "Summit press office"
    );

    assert_eq!(run(&["reference", "validate"]).code, 0);
    assert_eq!(
        run(&["reference", "validate", dir.path().to_str().unwrap()]).code,
        0
    );
    write(
        &dir.path().join("facts"),
        "broken.csv",
        b"id,entity,measure,value,low,high,unit,counted,as_of,period,source,aliases\ndup,X,y,1,,,,thing,2023,,s,\ndup,X,y,1,,,,thing,2023,,s,\nno-source,X,y,1,,,,thing,2023,,,\nbad-unit,X,y,1,,,parsecs per fortnight,,2023,,s,\nbad-range,X,y,,9,2,km,,2023,,s,\nbad-date,X,y,1,,,km,,2023-02-30,,s,\nbad-number,X,y,1.2.3,,,km,,2023,,s,\n",
    );
    let r = run(&["reference", "validate", dir.path().to_str().unwrap()]);
    assert_eq!(r.code, 2);
    let broken = dir
        .path()
        .join("facts")
        .join("broken.csv")
        .display()
        .to_string();
    for (line, what) in [
        (3, "duplicate id"),
        (4, "no source"),
        (5, "unknown unit"),
        (6, "greater than high"),
        (7, "bad date"),
        (8, "bad number"),
    ] {
        let needle = format!("{broken}:{line}:");
        assert!(
            r.err
                .lines()
                .any(|l| l.starts_with(&needle) && l.contains(what)),
            "missing {needle} {what}:\n{}",
            r.err
        );
    }
    // check refuses a broken reference too, never skipping the row silently
    let r = run(&[
        "check",
        art.to_str().unwrap(),
        "--reference",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2);
    assert!(r.err.contains("broken.csv:3"), "{}", r.err);
}

#[test]
fn config_file_is_found_upward() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "numcheck.toml",
        b"fail_on = \"never\"\nformat = \"markdown\"\n",
    );
    let sub = dir.path().join("desk/today");
    std::fs::create_dir_all(&sub).unwrap();
    let r = run_in(Some(&sub), &["check", example().to_str().unwrap()], None);
    assert_eq!(r.code, 0, "{}", r.err);
    assert!(r.out.starts_with("# numcheck discrepancy report"));
    write(dir.path(), "numcheck.toml", b"fail_on = \"sometimes\"\n");
    let r = run_in(Some(&sub), &["check", example().to_str().unwrap()], None);
    assert_eq!(r.code, 2);
    assert!(r.err.contains("numcheck.toml:1"), "{}", r.err);
}

#[test]
fn inline_suppression_silences_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let art = write(
        dir.path(),
        "a.md",
        "---\ndate: 2023-06-15\n---\nThe Danube flows for 2,580 km. <!-- numcheck:ignore -->\n"
            .as_bytes(),
    );
    let r = run(&["check", art.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.out);
}

#[test]
fn markdown_code_and_html_markup_are_not_scanned() {
    let dir = tempfile::tempdir().unwrap();
    let md = write(
        dir.path(),
        "a.md",
        b"Prices rose 4%.\n\n```\nretry_count = 250\n```\n",
    );
    let r = run(&["extract", md.to_str().unwrap(), "--format", "json"]);
    let v: Value = serde_json::from_str(&r.out).unwrap();
    assert_eq!(v["files"][0]["claims"].as_array().unwrap().len(), 1);
    let html = write(
        dir.path(),
        "a.html",
        b"<html><head><meta name=\"date\" content=\"2021-10-20\"><style>p{width:300px}</style></head><body><p>Brussels pledged one billion euros (&#36;1.2 billion).</p></body></html>",
    );
    let r = run(&["check", html.to_str().unwrap(), "--format", "json"]);
    let v: Value = serde_json::from_str(&r.out).unwrap();
    assert_eq!(v["files"][0]["date"], "2021-10-20");
    let verdicts = v["files"][0]["verdicts"].as_array().unwrap();
    assert_eq!(verdicts.len(), 2, "{verdicts:#?}");
    assert_eq!(verdicts[1]["claim"]["text"], "&#36;1.2 billion");
    assert_eq!(verdicts[1]["verdict"], "consistent_by_rounding");
}

#[test]
fn locale_decides_ambiguous_signs_and_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let text = "The deal was worth $5m.\n";
    let plain = write(dir.path(), "a.txt", text.as_bytes());
    let code_of = |args: &[&str]| -> (String, String) {
        let r = run(args);
        let v: Value = serde_json::from_str(&r.out).unwrap();
        let c = &v["files"][0]["claims"][0];
        (
            c["unit"]["code"].as_str().unwrap().to_string(),
            c["unit_note"].as_str().unwrap_or("").to_string(),
        )
    };
    let p = plain.to_str().unwrap();
    assert_eq!(code_of(&["extract", p, "-f", "json"]).0, "USD");
    let (code, note) = code_of(&["extract", p, "-f", "json", "--locale", "en-AU"]);
    assert_eq!(code, "AUD");
    assert!(note.contains("en-AU"), "{note}");
    let md = write(
        dir.path(),
        "a.md",
        format!("---\nlang: en-CA\n---\n{text}").as_bytes(),
    );
    assert_eq!(
        code_of(&["extract", md.to_str().unwrap(), "-f", "json"]).0,
        "CAD"
    );
    let html = write(
        dir.path(),
        "a.html",
        format!("<html lang=\"en-SG\"><body><p>{text}</p></body></html>").as_bytes(),
    );
    assert_eq!(
        code_of(&["extract", html.to_str().unwrap(), "-f", "json"]).0,
        "SGD"
    );
    // a cue in the sentence beats the locale
    let cued = write(dir.path(), "b.txt", b"The Canadian deal was worth $5m.\n");
    assert_eq!(
        code_of(&[
            "extract",
            cued.to_str().unwrap(),
            "-f",
            "json",
            "--locale",
            "en-AU"
        ])
        .0,
        "CAD"
    );
}
