//! `--jobs`: files and `--stream` lines worked on by several threads give, byte for byte, what
//! one thread gives, in every format, with unreadable inputs among them; and a report whose
//! reader goes away ends quietly.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

struct Run {
    code: i32,
    out: Vec<u8>,
    err: String,
}

fn numcheck(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_numcheck"));
    cmd.args(args)
        .env("NO_COLOR", "1")
        .env_remove("NUMCHECK_JOBS")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("run numcheck");
    if let Some(input) = stdin {
        let mut w = child.stdin.take().unwrap();
        let input = input.to_vec();
        // write from another thread: the output pipe must be read meanwhile
        std::thread::spawn(move || {
            let _ = w.write_all(&input);
        });
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        out: out.stdout,
        err: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Article `i` of a made-up batch: sentences with figures of many kinds, some of them wrong,
/// varying in length so that threads finish out of order.
fn article(i: usize) -> String {
    let mut s = format!(
        "Council report {i}\n\nThe council spent £{}m on {} new buses last year, up {}% on the year before.\n",
        i % 17 + 2,
        i * 3 + 10,
        i % 9 + 1
    );
    for k in 0..(i % 7) * 5 {
        s.push_str(&format!(
            "Route {k} runs {} km ({} miles) and carries about {},{:03} riders a week. ",
            k + 4,
            (k + 4) * 2,
            k + 1,
            (i * 37 + k) % 1000
        ));
    }
    s.push_str(&format!(
        "\nOf the {} drivers, {} were new, or {}%.\nFrance has a population of {} million.\n",
        40 + i,
        10 + i % 5,
        (10 + i % 5) * 100 / (40 + i),
        60 + i % 12
    ));
    s
}

/// A directory of `n` articles (every tenth in Markdown), an empty file and a binary one.
fn batch(n: usize) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for i in 0..n {
        let (name, text) = if i % 10 == 3 {
            (
                format!("a{i:03}.md"),
                format!("---\ndate: 2021-0{}-15\n---\n{}", i % 9 + 1, article(i)),
            )
        } else {
            (format!("a{i:03}.txt"), article(i))
        };
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        files.push(p);
        if i == n / 2 {
            let empty = dir.path().join("empty.txt");
            std::fs::write(&empty, "  \n").unwrap();
            files.push(empty);
            let binary = dir.path().join("image.bin");
            std::fs::write(&binary, b"GIF89a\0\x01\x02").unwrap();
            files.push(binary);
        }
    }
    (dir, files)
}

fn args<'a>(head: &[&'a str], files: &'a [PathBuf], jobs: &'a str) -> Vec<&'a str> {
    let mut v = head.to_vec();
    v.extend(files.iter().map(|p| p.to_str().unwrap()));
    v.extend(["--jobs", jobs]);
    v
}

fn same_with_jobs(head: &[&str], files: &[PathBuf], stdin: Option<&[u8]>) -> Run {
    let one = numcheck(&args(head, files, "1"), stdin);
    for jobs in ["2", "4"] {
        let many = numcheck(&args(head, files, jobs), stdin);
        assert_eq!(one.code, many.code, "{head:?} --jobs {jobs}: {}", many.err);
        assert!(
            one.out == many.out,
            "{head:?}: --jobs {jobs} wrote other bytes than --jobs 1"
        );
        assert_eq!(one.err, many.err, "{head:?} --jobs {jobs}");
    }
    one
}

#[test]
fn a_batch_of_files_is_reported_the_same_on_any_number_of_threads() {
    let (_dir, files) = batch(80);
    for format in ["text", "json", "jsonl", "markdown", "sarif", "html"] {
        let run = same_with_jobs(&["check", "--format", format], &files, None);
        assert_eq!(run.code, 2, "unreadable inputs make the run exit 2");
        assert!(run.out.len() > 10_000, "{format}: {} bytes", run.out.len());
    }
    for format in ["text", "json", "jsonl"] {
        let run = same_with_jobs(&["extract", "--format", format], &files, None);
        assert!(run.out.len() > 10_000, "{format}");
    }
    // every readable file is reported, in the order given
    let run = same_with_jobs(&["check", "--format", "jsonl"], &files, None);
    let paths: Vec<String> = String::from_utf8(run.out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["path"].to_string())
        .collect();
    assert_eq!(paths.len(), 80);
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted);
}

/// JSON lines of `n` records, some of which are not articles.
fn stream(n: usize) -> Vec<u8> {
    let mut s = String::new();
    for i in 0..n {
        match i % 25 {
            7 => s.push_str("this line is not JSON\n"),
            11 => s.push_str(&format!("{{\"id\": {i}, \"text\": \"  \"}}\n")),
            13 => s.push('\n'),
            _ => {
                let rec = serde_json::json!({"id": format!("r{i}"), "text": article(i), "date": "2020-05-01"});
                s.push_str(&rec.to_string());
                s.push('\n');
            }
        }
    }
    s.into_bytes()
}

#[test]
fn a_stream_is_answered_the_same_on_any_number_of_threads() {
    let input = stream(300);
    for cmd in ["extract", "check"] {
        let run = same_with_jobs(&[cmd, "--stream"], &[], Some(&input));
        assert_eq!(run.code, 2, "unreadable records make the run exit 2");
        let out = String::from_utf8(run.out).unwrap();
        // one line per record, blank lines skipped, in input order
        assert_eq!(out.lines().count(), 300 - 12);
        let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
        assert_eq!(first["id"], "r0");
        let last: serde_json::Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
        assert_eq!(last["id"], "r299");
    }
}

#[test]
fn jobs_come_from_the_environment_too() {
    let (_dir, files) = batch(12);
    let mut a = vec!["check", "--format", "json"];
    a.extend(files.iter().map(|p| p.to_str().unwrap()));
    let plain = numcheck(&a, None);
    let out = Command::new(env!("CARGO_BIN_EXE_numcheck"))
        .args(&a)
        .env("NO_COLOR", "1")
        .env("NUMCHECK_JOBS", "3")
        .output()
        .unwrap();
    assert_eq!(out.stdout, plain.out);
    let bad = Command::new(env!("CARGO_BIN_EXE_numcheck"))
        .args(&a)
        .env("NUMCHECK_JOBS", "many")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

/// Runs numcheck with its output read only up to `keep` bytes before the pipe is closed.
fn closed_early(args: &[&str], stdin: Option<&[u8]>, keep: usize) -> (i32, Vec<u8>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_numcheck"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        let mut w = child.stdin.take().unwrap();
        let input = input.to_vec();
        std::thread::spawn(move || {
            let _ = w.write_all(&input);
        });
    }
    let mut head = vec![0u8; keep];
    let mut stdout = child.stdout.take().unwrap();
    stdout.read_exact(&mut head).unwrap();
    drop(stdout);
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    (child.wait().unwrap().code().unwrap_or(-1), head, err)
}

#[test]
fn a_reader_that_goes_away_ends_the_run_quietly() {
    let (_dir, files) = batch(200);
    let mut a = vec!["check", "--format", "json", "--jobs", "2"];
    a.extend(
        files
            .iter()
            .filter(|p| is_article(p))
            .map(|p| p.to_str().unwrap()),
    );
    let (code, head, err) = closed_early(&a, None, 100);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    assert!(head.starts_with(b"{\n  \"command\": \"check\""));
    let input = stream(2000);
    let (code, _, err) = closed_early(&["extract", "--stream"], Some(&input), 100);
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
}

fn is_article(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('a'))
}

#[test]
fn a_report_that_cannot_be_written_is_an_error_naming_it() {
    let (_dir, files) = batch(3);
    let mut a = vec!["check", "--output", "/dev/full"];
    a.extend(
        files
            .iter()
            .filter(|p| is_article(p))
            .map(|p| p.to_str().unwrap()),
    );
    let r = numcheck(&a, None);
    assert_eq!(r.code, 2);
    assert!(
        r.err.contains("/dev/full: cannot write"),
        "the message names the output: {}",
        r.err
    );
}

#[test]
fn a_stream_line_is_written_before_the_next_record_comes() {
    use std::io::BufRead;
    for jobs in ["1", "2"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_numcheck"))
            .args(["check", "--stream", "--jobs", jobs])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout).lines() {
                let _ = tx.send(line.unwrap());
            }
        });
        for i in 0..3 {
            let rec = serde_json::json!({"id": i, "text": article(i)});
            writeln!(stdin, "{rec}").unwrap();
            stdin.flush().unwrap();
            // the input stays open: the answer must come all the same
            let line = rx
                .recv_timeout(std::time::Duration::from_secs(60))
                .unwrap_or_else(|_| {
                    panic!("--jobs {jobs}: no line for record {i} before the next")
                });
            let v: serde_json::Value = serde_json::from_str(&line).unwrap();
            assert_eq!(v["id"], i);
        }
        drop(stdin);
        assert!(child.wait().unwrap().code().is_some());
    }
}
