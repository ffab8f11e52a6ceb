//! Careless and hostile input through the command line: every problem is an error that names
//! its file or stream line, the rest of the run goes on, and nothing the run reads is written.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_numcheck");

fn run_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("numcheck runs");
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The JSON objects of a stream's output, one per line.
fn records(out: &Output) -> Vec<serde_json::Value> {
    text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect()
}

#[test]
fn a_stream_line_that_is_not_utf8_is_an_error_for_that_line_and_the_stream_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\":\"first\",\"text\":\"A pier of 40 metres.\"}\n");
    input.extend_from_slice(b"{\"id\":\"second\",\"text\":\"caf\xe9 of 12 tables\"}\n");
    input.extend_from_slice(b"{\"id\":\"third\",\"text\":\"It rose by 7%.\"}\n");
    let out = run_in(dir.path(), &["extract", "--stream"], &input);
    assert_eq!(out.status.code(), Some(2), "an unreadable line is an error");
    let recs = records(&out);
    assert_eq!(recs.len(), 3, "{}", text(&out.stdout));
    assert_eq!(recs[0]["id"], "first");
    assert_eq!(recs[1]["line"], 2);
    assert!(recs[1]["error"].as_str().unwrap().contains("not UTF-8"));
    assert_eq!(recs[2]["id"], "third");
    assert_eq!(recs[2]["claims"][0]["value"], "7");
    assert!(text(&out.stderr).contains("line 2: not UTF-8"));
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_lose_no_article() {
    let dir = tempfile::tempdir().unwrap();
    let input = "\u{feff}{\"id\":1,\"text\":\"A wall of 9 metres.\"}\r\n{\"id\":2,\"text\":\"A 3 km walk.\"}\r\n";
    let out = run_in(dir.path(), &["extract", "--stream"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["claims"][0]["text"], "9 metres");
    assert_eq!(recs[1]["claims"][0]["text"], "3 km");
}

#[test]
fn a_record_with_a_bad_date_format_or_locale_is_refused_not_misread() {
    let dir = tempfile::tempdir().unwrap();
    let input = concat!(
        "{\"id\":\"d\",\"date\":\"2011-02-30\",\"text\":\"Some 5 km.\"}\n",
        "{\"id\":\"f\",\"format\":\"docx\",\"text\":\"Some 5 km.\"}\n",
        "{\"id\":\"l\",\"locale\":\"zz-QQ\",\"text\":\"Some 5 km.\"}\n",
        "{\"id\":\"ok\",\"date\":\"2011-02-28\",\"format\":\"Markdown\",\"locale\":\"en-AU\",\"text\":\"Some *5 km*.\"}\n",
    );
    let out = run_in(dir.path(), &["extract", "--stream"], input.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let recs = records(&out);
    assert_eq!(recs.len(), 4);
    assert!(
        recs[0]["error"]
            .as_str()
            .unwrap()
            .contains("'2011-02-30' is not a date")
    );
    assert!(
        recs[1]["error"]
            .as_str()
            .unwrap()
            .contains("unknown format 'docx'")
    );
    assert!(
        recs[2]["error"]
            .as_str()
            .unwrap()
            .contains("unknown locale 'zz-QQ'")
    );
    assert_eq!(recs[3]["date"], "2011-02-28");
    assert_eq!(recs[3]["format"], "markdown");
}

#[test]
fn stream_writes_to_its_output_file_and_refuses_file_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let input = b"{\"id\":1,\"text\":\"A tower of 80 metres.\"}\n";
    let out = run_in(
        dir.path(),
        &["check", "--stream", "--output", "out.jsonl"],
        input,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty(), "the report went to the file");
    let written = std::fs::read_to_string(dir.path().join("out.jsonl")).unwrap();
    assert_eq!(written.lines().count(), 1);
    assert!(written.contains("\"id\":1"));

    std::fs::write(dir.path().join("a.md"), "A tower of 80 metres.").unwrap();
    let out = run_in(dir.path(), &["extract", "--stream", "a.md"], input);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        text(&out.stderr).contains(
            "--stream reads JSON lines from standard input and takes no files (given: a.md)"
        ),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn an_unknown_locale_on_the_command_line_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), "It cost $5.").unwrap();
    let out = run_in(
        dir.path(),
        &["extract", "--locale", "en-\u{1b}x", "a.md"],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--locale: unknown locale"));
    let out = run_in(dir.path(), &["extract", "--locale", "en-NZ", "a.md"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn a_negative_tolerance_in_the_configuration_is_an_error_naming_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), "It cost about $5.").unwrap();
    std::fs::write(
        dir.path().join("numcheck.toml"),
        "fail_on = \"never\"\n[tolerances]\napproximately = -0.5\nnearly = 0.1\ncurrency_rate = 0.03\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["check", "a.md"], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("numcheck.toml:3: tolerances.approximately: -0.5 is negative"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn the_report_is_never_written_over_a_file_the_run_reads() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let article = "A bridge of 120 metres.";
    std::fs::write(d.join("a.md"), article).unwrap();
    std::fs::hard_link(d.join("a.md"), d.join("linked.md")).unwrap();
    let out = run_in(d, &["check", "a.md", "--output", "linked.md"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("linked.md: refusing to write the report"));
    assert_eq!(std::fs::read_to_string(d.join("a.md")).unwrap(), article);

    let config = "fail_on = \"never\"\n";
    std::fs::write(d.join("numcheck.toml"), config).unwrap();
    let out = run_in(d, &["check", "a.md", "-o", "numcheck.toml"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(d.join("numcheck.toml")).unwrap(),
        config
    );

    std::fs::create_dir_all(d.join("mine/facts")).unwrap();
    let facts =
        "id,entity,measure,value,low,high,unit,counted,as_of,period,source,aliases,keywords\n";
    std::fs::write(d.join("mine/facts/f.csv"), facts).unwrap();
    let out = run_in(
        d,
        &[
            "check",
            "a.md",
            "--reference",
            "mine",
            "-o",
            "mine/facts/f.csv",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert_eq!(
        std::fs::read_to_string(d.join("mine/facts/f.csv")).unwrap(),
        facts
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_with_no_writer_is_an_error_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.md");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo on a path this test owns.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    std::fs::write(dir.path().join("b.md"), "A mast of 60 metres.").unwrap();
    let out = run_in(
        dir.path(),
        &["extract", "--format", "json", "pipe.md", "b.md"],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("pipe.md: cannot read: a named pipe with no writer"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        text(&out.stdout).contains("60 metres"),
        "the other file is read"
    );
}

const FACTS_HEADER: &str =
    "id,entity,measure,value,low,high,unit,counted,as_of,period,source,aliases,keywords";

/// A newsroom reference folder holding one facts table.
fn newsroom_facts(dir: &Path, name: &str, table: &[u8]) {
    std::fs::create_dir_all(dir.join("desk/facts")).unwrap();
    std::fs::write(dir.join("desk/facts").join(name), table).unwrap();
}

#[test]
fn validate_reports_every_problem_of_a_spreadsheet_export_at_file_line_column() {
    let dir = tempfile::tempdir().unwrap();
    let rows = [
        "# exported\r".to_string(),
        format!("\u{feff}{FACTS_HEADER}\r").replacen('\u{feff}', "", 1),
        "harbour-wall,Harbour wall,length,410,,,metre,,2019-05-01,,\"Port office, survey,,\r"
            .to_string(),
        "pier-length,Pier,length,230,,,metre,,2019-05-01,,\"Port office\",,length\r".to_string(),
        "mast-height,Radio mast,height,x90,,,furlongs-ish,,-44,,Survey,,\r".to_string(),
        "eiffel-tower-height,Eiffel Tower,height,300,,,metre,,2020-01-01,,Survey,,\r".to_string(),
    ];
    let table = format!("\u{feff}{}\n", rows.join("\n"));
    newsroom_facts(dir.path(), "desk.csv", table.as_bytes());
    let out = run_in(dir.path(), &["reference", "validate", "desk"], b"");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    let f = "desk/facts/desk.csv";
    for want in [
        format!("{f}:3:"),
        "the quote that opens field 'source' is not closed on its line".into(),
        format!("{f}:5:"),
        "bad number 'x90'".into(),
        "unknown unit or currency 'furlongs-ish'".into(),
        "year -44".into(),
        format!("{f}:6:1: duplicate id 'eiffel-tower-height'"),
    ] {
        assert!(err.contains(&want), "missing {want:?} in:\n{err}");
    }
    assert!(
        !err.contains("missing column"),
        "the BOM is not a column name:\n{err}"
    );
    assert!(err.contains("5 problems found"), "{err}");

    // check refuses the same folder with the same problems, each at FILE:LINE:COLUMN
    std::fs::write(dir.path().join("a.md"), "A pier of 230 metres.").unwrap();
    let out = run_in(dir.path(), &["check", "--reference", "desk", "a.md"], b"");
    assert_eq!(out.status.code(), Some(2));
    let check_err = text(&out.stderr);
    assert!(check_err.contains(&format!("{f}:5:")), "{check_err}");
    assert!(
        check_err.contains(&format!("{f}:6:1: duplicate id")),
        "{check_err}"
    );
    assert!(
        check_err.contains("5 problems in the reference data"),
        "{check_err}"
    );
}

#[test]
fn a_facts_table_that_is_not_utf8_is_named_and_the_others_are_still_read() {
    let dir = tempfile::tempdir().unwrap();
    newsroom_facts(
        dir.path(),
        "a.csv",
        format!("{FACTS_HEADER}\nx,Yard,length,7,,,metre,,2001,,S,,\n").as_bytes(),
    );
    let mut bad = format!("{FACTS_HEADER}\n").into_bytes();
    bad.extend_from_slice(b"q,Quay,length,12,,,metre,,2020,,Caf\xe9 survey,,\n");
    newsroom_facts(dir.path(), "b.csv", &bad);
    newsroom_facts(
        dir.path(),
        "c.csv",
        format!("{FACTS_HEADER}\nz,Zone,length,12,,,metre,,1999,,S,,\n").as_bytes(),
    );
    let out = run_in(dir.path(), &["reference", "validate", "desk"], b"");
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("desk/facts/b.csv:2:1: invalid UTF-8"), "{err}");
    assert!(err.contains("1 problem found"), "{err}");
}

#[cfg(unix)]
#[test]
fn reports_show_escape_sequences_and_markup_from_articles_and_names_inertly() {
    let dir = tempfile::tempdir().unwrap();
    let name = "<img src=x onerror=alert(1)>\u{1b}[2J.md";
    std::fs::write(
        dir.path().join(name),
        "A quay of 50 metres (400 feet) \u{1b}]8;;http://example.invalid/\u{7}here\u{1b}]8;;\u{7} and \u{1b}[31m12 metres\u{1b}[0m.\n",
    )
    .unwrap();
    let out = run_in(dir.path(), &["check", "--all", name], b"");
    let report = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{report}");
    assert!(
        !report.contains('\u{1b}') && !report.contains('\u{7}'),
        "{report:?}"
    );
    assert!(report.contains("␛]8;;"), "escapes are shown: {report}");
    // the digits of an escape sequence are not figures
    assert!(
        !report.contains("31m") || report.contains("␛[31m"),
        "{report}"
    );
    let out = run_in(
        dir.path(),
        &["check", "--all", "--format", "markdown", name],
        b"",
    );
    let md = text(&out.stdout);
    assert!(!md.contains("<img"), "{md}");
    assert!(md.contains("&lt;img src=x onerror=alert(1)&gt;"), "{md}");
    assert!(!md.contains('\u{1b}'), "{md:?}");
}

#[test]
fn mojibake_from_a_scraped_page_is_read_as_the_characters_meant_and_located_in_the_source() {
    let dir = tempfile::tempdir().unwrap();
    // "€" and a no-break space written as UTF-8 read once as Windows-1252
    let article = "Tickets cost â‚¬35 each, and 2\u{c2}\u{a0}500 were sold in São Paulo.\n";
    std::fs::write(dir.path().join("a.txt"), article).unwrap();
    let out = run_in(dir.path(), &["extract", "--format", "jsonl", "a.txt"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let recs = records(&out);
    let claims: Vec<&serde_json::Value> = recs
        .iter()
        .flat_map(|r| match r["claims"].as_array() {
            Some(cs) => cs.iter().collect::<Vec<_>>(),
            None => vec![r],
        })
        .collect();
    let euros = claims
        .iter()
        .find(|c| c["value"] == "35")
        .expect("the mis-read euro sign is read");
    assert_eq!(euros["unit"]["code"], "EUR", "{euros}");
    // the span is that of the text as written
    let start = euros["span"]["start"].as_u64().unwrap() as usize;
    let end = euros["span"]["end"].as_u64().unwrap() as usize;
    assert_eq!(&article[start..end], "â‚¬35");
    assert!(claims.iter().any(|c| c["value"] == "2500"), "{claims:?}");
}
