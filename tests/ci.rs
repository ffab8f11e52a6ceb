//! Editorial CI end to end, in a git repository made for the test: folders walked with a
//! configuration per folder, every CI format read back by its consumer's rules (GitHub workflow
//! commands, JUnit XML, GitLab Code Quality, SARIF against its schema), a baseline round trip,
//! `--since` on a real history, suppressions, the pre-commit hook's entry on staged files and
//! the GitHub Action's run script.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_numcheck");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

const HARBOUR: &str = "---
date: 2023-06-15
---
# Harbour walk

The Eiffel Tower stands 300 metres tall, a guide told the visitors.

A new footbridge spans 120 metres (520 feet) across the harbour.
";

const OLD_TOWER: &str = "---
date: 2023-06-15
---
The Eiffel Tower stands 300 metres tall.

The pier runs 50 metres (400 feet) out to sea.
";

/// A post whose figures come after characters of every UTF-16 width.
const POST: &str = "---
date: 2023-06-15
---
At the “Café 🌊” a tea costs £4, and a ramp rises 10 metres (90 feet) above the quay.

<!-- numcheck:off[conversion] -->
The old ramp rose 20 metres (200 feet).
<!-- numcheck:on -->
";

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// The newsroom's repository: two folders with their own configuration, an excluded drafts
/// folder, a folder outside the blog's `include`, and a git-ignored one.
fn newsroom() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "numcheck.toml", "fail_on = \"inconsistent\"\n");
    write(root, ".gitignore", "ignored/\n");
    write(
        root,
        "intro.md",
        "# About this desk\n\nWe check what we print.\n",
    );
    write(
        root,
        "news/numcheck.toml",
        "exclude = [\"drafts\"]\n\n[per_file_ignores]\n\"old-*.md\" = [\"reference\"]\n",
    );
    write(root, "news/harbour.md", HARBOUR);
    write(root, "news/old-tower.md", OLD_TOWER);
    write(
        root,
        "news/drafts/draft.md",
        "The tower stands 900 metres tall.\n",
    );
    write(root, "blog/.numcheck.toml", "include = [\"posts/**\"]\n");
    write(root, "blog/posts/p1.md", POST);
    write(root, "blog/notes.md", "A ramp rises 10 metres (90 feet).\n");
    write(root, "ignored/x.md", "A ramp rises 10 metres (90 feet).\n");
    dir
}

struct Run {
    code: i32,
    out: String,
    err: String,
}

fn run_out(o: Output) -> Run {
    Run {
        code: o.status.code().unwrap_or(-1),
        out: String::from_utf8_lossy(&o.stdout).into_owned(),
        err: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

fn numcheck(dir: &Path, args: &[&str]) -> Run {
    run_out(
        Command::new(BIN)
            .args(args)
            .current_dir(dir)
            .env("NO_COLOR", "1")
            .output()
            .unwrap(),
    )
}

fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Desk")
        .env("GIT_AUTHOR_EMAIL", "desk@example.org")
        .env("GIT_COMMITTER_NAME", "Desk")
        .env("GIT_COMMITTER_EMAIL", "desk@example.org")
        .output()
        .expect("git is installed");
    assert!(
        o.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn init_repo(dir: &Path) {
    git(dir, &["init", "-q", "-b", "main"]);
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "articles"]);
}

fn json(r: &Run) -> Value {
    serde_json::from_str(&r.out).unwrap_or_else(|e| panic!("{e}: {}\n{}", r.out, r.err))
}

/// (path, claim text, check, verdict, silenced) of every verdict of a JSON report that is not
/// consistent.
fn findings(report: &Value) -> BTreeSet<(String, String, String, String, bool)> {
    let mut out = BTreeSet::new();
    for f in report["files"].as_array().unwrap() {
        for v in f["verdicts"].as_array().unwrap() {
            let verdict = v["verdict"].as_str().unwrap();
            if verdict.starts_with("consistent") {
                continue;
            }
            out.insert((
                f["path"].as_str().unwrap().to_string(),
                v["claim"]["text"].as_str().unwrap().to_string(),
                v["check"].as_str().unwrap().to_string(),
                verdict.to_string(),
                v["suppressed"].as_bool().unwrap(),
            ));
        }
    }
    out
}

fn s(x: &str) -> String {
    x.to_string()
}

#[test]
fn folders_are_walked_with_the_configuration_of_each_folder() {
    let dir = newsroom();
    let root = dir.path();
    let r = numcheck(root, &["check", "--format", "json", "."]);
    assert_eq!(r.code, 1, "{}", r.err);
    let report = json(&r);
    let paths: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    // sorted; drafts excluded by news/, notes.md outside blog's include, ignored/ by .gitignore
    assert_eq!(
        paths,
        [
            "blog/posts/p1.md",
            "intro.md",
            "news/harbour.md",
            "news/old-tower.md"
        ]
    );
    let found = findings(&report);
    let conversion =
        |p: &str, c: &str, silenced| (s(p), s(c), s("conversion"), s("inconsistent"), silenced);
    assert!(found.contains(&conversion("blog/posts/p1.md", "90 feet", false)));
    // numcheck:off[conversion] … on
    assert!(found.contains(&conversion("blog/posts/p1.md", "200 feet", true)));
    assert!(found.contains(&conversion("news/harbour.md", "520 feet", false)));
    assert!(found.contains(&conversion("news/old-tower.md", "400 feet", false)));
    let tower = |p: &str, silenced| {
        (
            s(p),
            s("300 metres"),
            s("reference"),
            s("inconsistent"),
            silenced,
        )
    };
    assert!(found.contains(&tower("news/harbour.md", false)));
    // per_file_ignores in news/numcheck.toml silences the reference check in old-*.md
    assert!(found.contains(&tower("news/old-tower.md", true)));
    assert_eq!(report["summary"]["silenced"], 3, "{}", r.out);

    // a file named on the command line is read whatever the globs say; a file list too
    let r = numcheck(root, &["check", "--format", "json", "news/drafts/draft.md"]);
    assert_eq!(json(&r)["files"][0]["path"], "news/drafts/draft.md");
    write(root, "list.txt", "blog/notes.md\n\nintro.md\n");
    let r = numcheck(
        root,
        &["check", "--format", "json", "--file-list", "list.txt"],
    );
    let report = json(&r);
    let paths: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["blog/notes.md", "intro.md"]);

    // run from a sub-folder, the articles still get their own folder's configuration
    let r = numcheck(
        &root.join("news"),
        &["check", "--format", "json", "../blog"],
    );
    let found = findings(&json(&r));
    assert!(found.contains(&conversion("../blog/posts/p1.md", "200 feet", true)));
}

#[test]
fn a_bad_configuration_anywhere_is_an_error_at_its_line() {
    let dir = newsroom();
    let root = dir.path();
    write(
        root,
        "blog/.numcheck.toml",
        "include = [\"posts/**\"]\n[tolerances]\nnearly = \"0.1\"\nnearli = \"0.2\"\n",
    );
    let r = numcheck(root, &["check", "."]);
    assert_eq!(r.code, 2);
    assert!(r.out.is_empty(), "{}", r.out);
    assert!(
        r.err
            .contains("blog/.numcheck.toml:4: unknown field `nearli`"),
        "{}",
        r.err
    );
    write(
        root,
        "blog/.numcheck.toml",
        "[per_file_ignores]\n\"*.md\" = [\n  \"share\",\n  \"sharing\",\n]\n",
    );
    let r = numcheck(root, &["check", "."]);
    assert_eq!(r.code, 2);
    assert!(
        r.err
            .contains("blog/.numcheck.toml:4: unknown check 'sharing'"),
        "{}",
        r.err
    );
}

/// GitHub's workflow command syntax: `::LEVEL key=value,…::message`, `%`, CR, LF escaped in
/// the message and also `:` and `,` in values.
fn unescape(s: &str) -> String {
    s.replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

#[test]
fn github_annotations_point_at_the_claims() {
    let dir = newsroom();
    let root = dir.path();
    let r = numcheck(root, &["check", "--format", "github", "."]);
    assert_eq!(r.code, 1, "{}", r.err);
    let mut annotated = BTreeSet::new();
    for line in r.out.lines().filter(|l| l.starts_with("::")) {
        let (command, message) = line[2..].split_once("::").expect("::LEVEL props::message");
        let (level, props) = command.split_once(' ').unwrap();
        assert!(["error", "warning", "notice"].contains(&level), "{line}");
        assert!(!message.contains('\n') && !props.contains(':'), "{line}");
        let props: Vec<(&str, String)> = props
            .split(',')
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap();
                (k, unescape(v))
            })
            .collect();
        let get = |k: &str| props.iter().find(|p| p.0 == k).map(|p| p.1.clone());
        let file = get("file").unwrap();
        let text = std::fs::read_to_string(root.join(&file)).unwrap();
        let line_no: usize = get("line").unwrap().parse().unwrap();
        let col: usize = get("col").unwrap().parse().unwrap();
        let end: usize = get("endColumn").unwrap().parse().unwrap();
        let src_line = text.lines().nth(line_no - 1).unwrap();
        let claim: String = src_line.chars().skip(col - 1).take(end - col).collect();
        assert!(get("title").unwrap().starts_with("numcheck: "), "{line}");
        assert!(!unescape(message).is_empty());
        annotated.insert((file, claim, level.to_string()));
    }
    // errors and warnings only (notes with --all); nothing silenced
    // levels follow severity: off by more than 10% is an error, less a warning
    let expected: BTreeSet<(String, String, String)> = [
        ("blog/posts/p1.md", "90 feet", "error"),
        ("news/harbour.md", "300 metres", "warning"),
        ("news/harbour.md", "520 feet", "error"),
        ("news/old-tower.md", "400 feet", "error"),
    ]
    .iter()
    .map(|(f, c, l)| (s(f), s(c), s(l)))
    .collect();
    assert_eq!(annotated, expected);
    assert!(
        r.out.ends_with(" silenced\n"),
        "the totals close: {}",
        r.out
    );
}

#[test]
fn junit_has_a_suite_per_file_and_a_case_per_finding() {
    let dir = newsroom();
    // a figure no reference fact is about: a note, listed only with --all
    write(
        dir.path(),
        "news/crowd.md",
        "A crowd of 12,000 people gathered.\n",
    );
    let r = numcheck(dir.path(), &["check", "--format", "junit", "--all", "."]);
    assert_eq!(r.code, 1, "{}", r.err);
    let report = quick_junit::Report::deserialize_from_str(&r.out).expect("JUnit XML");
    let suites: Vec<&str> = report.test_suites.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        suites,
        [
            "blog/posts/p1.md",
            "intro.md",
            "news/crowd.md",
            "news/harbour.md",
            "news/old-tower.md"
        ]
    );
    let harbour = &report.test_suites[3];
    assert_eq!(harbour.failures, 2, "300 metres and 520 feet");
    // 120 metres agrees with its conversion: no finding, no case
    assert_eq!(harbour.test_cases.len(), 2);
    let intro = &report.test_suites[1];
    assert_eq!(intro.tests, 1);
    assert_eq!(intro.failures, 0);
    // with --all, the claim that could not be checked is a skipped test
    let crowd = &report.test_suites[2];
    assert_eq!((crowd.tests, crowd.failures), (1, 0));
    assert!(
        crowd
            .test_cases
            .iter()
            .any(|c| c.name.as_str().contains("“12,000 people”")
                && matches!(c.status, quick_junit::TestCaseStatus::Skipped { .. })),
        "{:?}",
        crowd.test_cases
    );
}

fn gitlab(root: &Path) -> Vec<Value> {
    let r = numcheck(root, &["check", "--format", "gitlab", "."]);
    assert_eq!(r.code, 1, "{}", r.err);
    json(&r).as_array().unwrap().clone()
}

#[test]
fn gitlab_code_quality_fingerprints_survive_moved_lines() {
    let dir = newsroom();
    let root = dir.path();
    let issues = gitlab(root);
    assert_eq!(issues.len(), 4);
    let mut prints = BTreeSet::new();
    for i in &issues {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(i[key].as_str().is_some_and(|s| !s.is_empty()), "{key}: {i}");
        }
        assert!(
            ["info", "minor", "major", "critical", "blocker"]
                .contains(&i["severity"].as_str().unwrap())
        );
        let path = i["location"]["path"].as_str().unwrap();
        let lines = std::fs::read_to_string(root.join(path))
            .unwrap()
            .lines()
            .count();
        let begin = i["location"]["lines"]["begin"].as_u64().unwrap() as usize;
        assert!((1..=lines).contains(&begin), "{i}");
        assert!(
            prints.insert(i["fingerprint"].as_str().unwrap().to_string()),
            "unique"
        );
    }
    // three lines added above the findings: the lines move, the fingerprints do not
    write(
        root,
        "news/harbour.md",
        &HARBOUR.replace("# Harbour walk\n", "# Harbour walk\n\nBy the desk.\n\n"),
    );
    let moved = gitlab(root);
    let again: BTreeSet<String> = moved
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(again, prints);
    let line_of = |issues: &[Value], desc: &str| {
        issues
            .iter()
            .find(|i| i["description"].as_str().unwrap().contains(desc))
            .map(|i| i["location"]["lines"]["begin"].as_u64().unwrap())
            .unwrap()
    };
    assert_eq!(
        line_of(&moved, "520 feet") - line_of(&issues, "520 feet"),
        3
    );
}

/// UTF-16 code units in a string.
fn u16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

#[test]
fn sarif_follows_its_schema_and_counts_utf16() {
    let dir = newsroom();
    let root = dir.path();
    let r = numcheck(root, &["check", "--format", "sarif", "--all", "."]);
    assert_eq!(r.code, 1, "{}", r.err);
    let sarif = json(&r);
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new(ROOT).join("tests/schemas/sarif-schema-2.1.0.json"))
            .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let run = &sarif["runs"][0];
    let rules: Vec<&Value> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .collect();
    for rule in &rules {
        for key in ["shortDescription", "fullDescription", "help"] {
            assert!(
                rule[key]["text"].as_str().is_some_and(|t| !t.is_empty()),
                "{rule}"
            );
        }
    }
    let rule_ids: BTreeSet<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    let results = run["results"].as_array().unwrap();
    let mut suppressed = Vec::new();
    for res in results {
        assert!(rule_ids.contains(res["ruleId"].as_str().unwrap()));
        let message = res["message"]["text"].as_str().unwrap();
        assert!(!message.contains('\n') && message.len() < 200, "{message}");
        assert!(res["partialFingerprints"]["numcheck/v1"].is_string());
        let loc = &res["locations"][0]["physicalLocation"];
        let file = loc["artifactLocation"]["uri"].as_str().unwrap();
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        let region = &loc["region"];
        let units: Vec<u16> = text.encode_utf16().collect();
        let offset = region["charOffset"].as_u64().unwrap() as usize;
        let length = region["charLength"].as_u64().unwrap() as usize;
        let claim = String::from_utf16(&units[offset..offset + length]).unwrap();
        // the line and UTF-16 column give the same place
        let line = text
            .lines()
            .nth(region["startLine"].as_u64().unwrap() as usize - 1)
            .unwrap();
        let col = region["startColumn"].as_u64().unwrap() as usize;
        let line_units: Vec<u16> = line.encode_utf16().collect();
        assert!(
            String::from_utf16(&line_units[col - 1..])
                .unwrap()
                .starts_with(&claim)
        );
        if file == "blog/posts/p1.md" && claim == "90 feet" {
            let before = &POST[..POST.find("90 feet").unwrap()];
            assert_eq!(offset, u16_len(before));
            assert_ne!(offset, before.len(), "bytes are not UTF-16 code units here");
            assert_ne!(offset, before.chars().count(), "nor are characters (🌊)");
        }
        if let Some(s) = res["suppressions"].as_array() {
            suppressed.push((
                file.to_string(),
                claim,
                s[0]["kind"].as_str().unwrap().to_string(),
            ));
        }
    }
    suppressed.sort();
    assert_eq!(
        suppressed,
        [
            (s("blog/posts/p1.md"), s("200 feet"), s("inSource")),
            (s("news/old-tower.md"), s("300 metres"), s("external")),
        ]
    );
}

#[test]
fn a_baseline_hides_accepted_findings_until_they_change() {
    let dir = newsroom();
    let root = dir.path();
    let r = numcheck(
        root,
        &["check", "--write-baseline", "numcheck-baseline.json", "."],
    );
    assert_eq!(
        r.code, 0,
        "writing a baseline accepts today's findings: {}",
        r.err
    );
    assert!(r.err.contains("wrote "), "{}", r.err);
    let baseline: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("numcheck-baseline.json")).unwrap(),
    )
    .unwrap();
    let entries = baseline["findings"].as_array().unwrap();
    assert!(
        entries
            .iter()
            .all(|e| e.get("fingerprint").is_some() && e["path"].is_string())
    );

    let check = || {
        numcheck(
            root,
            &["check", "--baseline", "numcheck-baseline.json", "."],
        )
    };
    let r = check();
    assert_eq!(r.code, 0, "{}", r.out);
    assert!(
        !r.out.contains("error[") && !r.out.contains("warning["),
        "{}",
        r.out
    );

    // lines move: still accepted
    write(
        root,
        "news/harbour.md",
        &HARBOUR.replace("# Harbour walk\n", "# Harbour walk\n\nBy the desk.\n\n"),
    );
    assert_eq!(check().code, 0);

    // a new wrong figure fails, and is the only finding listed
    let with_new = std::fs::read_to_string(root.join("news/harbour.md")).unwrap()
        + "\nA second footbridge spans 60 metres (300 feet).\n";
    write(root, "news/harbour.md", &with_new);
    let r = check();
    assert_eq!(r.code, 1, "{}", r.out);
    let listed = r
        .out
        .lines()
        .filter(|l| l.starts_with("error[") || l.starts_with("warning["))
        .count();
    assert_eq!(listed, 1, "{}", r.out);
    assert!(
        r.out
            .contains("300 feet should be about 197 ft for 60 metres"),
        "{}",
        r.out
    );

    // a fixed figure leaves its entry stale: a note
    write(
        root,
        "news/old-tower.md",
        &OLD_TOWER.replace("(400 feet)", "(164 feet)"),
    );
    let r = check();
    assert!(
        r.out
            .contains("note: numcheck-baseline.json: baseline entry matches no finding")
            && r.out
                .contains("news/old-tower.md \"400 feet\" (conversion)"),
        "{}",
        r.out
    );
    let gh = numcheck(
        root,
        &[
            "check",
            "--format",
            "github",
            "--baseline",
            "numcheck-baseline.json",
            ".",
        ],
    );
    assert!(
        gh.out
            .contains("::notice file=numcheck-baseline.json,title=numcheck::"),
        "{}",
        gh.out
    );
}

#[test]
fn since_reports_only_lines_changed_in_the_history() {
    let dir = newsroom();
    let root = dir.path();
    init_repo(root);
    let r = numcheck(root, &["check", "--since", "HEAD", "."]);
    assert_eq!(r.code, 0, "nothing changed: {}", r.out);

    // a new wrong figure on a line of its own, and a clean new file
    let edited = HARBOUR.replace(
        "A new footbridge",
        "The old footbridge spans 60 metres (300 feet).\n\nA new footbridge",
    );
    write(root, "news/harbour.md", &edited);
    write(
        root,
        "news/new.md",
        "The quay is 40 metres (200 feet) long.\n",
    );
    git(root, &["add", "news/harbour.md"]);
    git(root, &["commit", "-q", "-m", "edit"]);
    for rev in ["HEAD~1", "main~1"] {
        let r = numcheck(root, &["check", "--since", rev, "--format", "json", "."]);
        assert_eq!(r.code, 1, "{}", r.err);
        let found = findings(&json(&r));
        let listed: BTreeSet<(String, String)> =
            found.iter().map(|f| (f.0.clone(), f.1.clone())).collect();
        assert_eq!(
            listed,
            [
                (s("news/harbour.md"), s("300 feet")),
                (s("news/new.md"), s("200 feet")),
            ]
            .into_iter()
            .collect(),
            "{found:?}"
        );
    }

    let r = numcheck(root, &["check", "--since", "no-such-rev", "."]);
    assert_eq!(r.code, 2);
    assert!(
        r.err.contains("git knows no revision 'no-such-rev'"),
        "{}",
        r.err
    );
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "a.md", HARBOUR);
    let r = numcheck(outside.path(), &["check", "--since", "HEAD", "a.md"]);
    assert_eq!(r.code, 2);
    assert!(r.err.contains("is not in a git repository"), "{}", r.err);
}

#[test]
fn statistics_count_by_file_check_and_verdict() {
    let dir = newsroom();
    let r = numcheck(
        dir.path(),
        &["check", "--statistics", "--format", "json", "."],
    );
    assert_eq!(r.code, 1);
    let st = json(&r);
    assert_eq!(st["by_check"]["conversion"], 3, "{st}");
    assert_eq!(st["by_file"]["news/harbour.md"], 2, "{st}");
    assert_eq!(st["silenced"], 2, "{st}");
    let r = numcheck(dir.path(), &["check", "--statistics", "."]);
    assert!(
        r.out
            .contains("findings by check:\n      3  conversion\n      2  reference\n"),
        "{}",
        r.out
    );
}

/// The first hook of `.pre-commit-hooks.yaml`: (entry, files pattern).
fn hook() -> (Vec<String>, regex::Regex) {
    let text = std::fs::read_to_string(Path::new(ROOT).join(".pre-commit-hooks.yaml")).unwrap();
    let docs = yaml_rust2::YamlLoader::load_from_str(&text).unwrap();
    let h = &docs[0][0];
    assert_eq!(h["id"].as_str(), Some("numcheck"));
    assert_eq!(h["language"].as_str(), Some("rust"));
    let entry = h["entry"]
        .as_str()
        .unwrap()
        .split_whitespace()
        .map(String::from)
        .collect();
    (
        entry,
        regex::Regex::new(h["files"].as_str().unwrap()).unwrap(),
    )
}

#[test]
fn the_pre_commit_hook_checks_staged_articles() {
    let (entry, files) = hook();
    assert_eq!(entry[0], "numcheck");
    for (name, matches) in [
        ("a.md", true),
        ("b.markdown", true),
        ("c.html", true),
        ("d.htm", true),
        ("e.txt", true),
        ("f.rs", false),
        ("md", false),
    ] {
        assert_eq!(files.is_match(name), matches, "{name}");
    }
    let dir = newsroom();
    let root = dir.path();
    init_repo(root);
    // what pre-commit does: the staged files matching `files`, appended to the entry
    let run_hook = || {
        let staged = Command::new("git")
            .args(["diff", "--cached", "--name-only"])
            .current_dir(root)
            .output()
            .unwrap();
        let names: Vec<String> = String::from_utf8_lossy(&staged.stdout)
            .lines()
            .filter(|n| files.is_match(n))
            .map(String::from)
            .collect();
        assert!(!names.is_empty());
        run_out(
            Command::new(BIN)
                .args(&entry[1..])
                .args(&names)
                .current_dir(root)
                .env("NO_COLOR", "1")
                .output()
                .unwrap(),
        )
    };
    write(
        root,
        "intro.md",
        "# About this desk\n\nWe check 2 things.\n",
    );
    write(root, "tool.rs", "fn main() {}\n");
    git(root, &["add", "intro.md", "tool.rs"]);
    let r = run_hook();
    assert_eq!(r.code, 0, "{}{}", r.out, r.err);
    git(root, &["commit", "-q", "-m", "intro"]);
    write(
        root,
        "news/harbour.md",
        &HARBOUR.replace("300 metres", "400 metres"),
    );
    git(root, &["add", "news/harbour.md"]);
    let r = run_hook();
    assert_eq!(r.code, 1, "{}", r.out);
    assert!(
        r.out
            .contains("error[reference]: 400 metres is 70 metres (21%) long"),
        "{}",
        r.out
    );
}

#[test]
fn the_action_runs_numcheck_with_its_inputs() {
    let action = std::fs::read_to_string(Path::new(ROOT).join("action.yml")).unwrap();
    let doc = &yaml_rust2::YamlLoader::load_from_str(&action).unwrap()[0];
    assert_eq!(doc["runs"]["using"].as_str(), Some("composite"));
    for input in ["paths", "format", "fail-on", "since", "baseline"] {
        assert!(
            !doc["inputs"][input]["description"].is_badvalue(),
            "{input}"
        );
    }
    let steps = doc["runs"]["steps"].as_vec().unwrap();
    let run = steps
        .iter()
        .find(|s| s["id"].as_str() == Some("run"))
        .unwrap();
    assert!(run["run"].as_str().unwrap().contains("scripts/action-run"));
    assert!(steps.iter().any(|s| {
        s["uses"]
            .as_str()
            .is_some_and(|u| u.starts_with("actions/cache@"))
    }));
    assert!(steps.iter().any(|s| {
        s["uses"]
            .as_str()
            .is_some_and(|u| u.contains("upload-sarif"))
    }));

    let dir = newsroom();
    let root = dir.path();
    init_repo(root);
    let script = PathBuf::from(ROOT).join("scripts/action-run");
    let output = root.join("github-output");
    let action_run = |env: &[(&str, &str)]| {
        let mut c = Command::new(&script);
        c.current_dir(root)
            .env("NUMCHECK", BIN)
            .env("GITHUB_OUTPUT", &output)
            .env("NO_COLOR", "1");
        for (k, v) in env {
            c.env(k, v);
        }
        run_out(c.output().unwrap())
    };
    let r = action_run(&[
        ("INPUT_PATHS", "news\nblog/posts"),
        ("INPUT_FORMAT", "github"),
    ]);
    assert_eq!(r.code, 1, "{}", r.err);
    let annotations = r
        .out
        .lines()
        .filter(|l| l.starts_with("::warning file=") || l.starts_with("::error file="));
    assert_eq!(annotations.count(), 4, "{}", r.out);
    assert!(
        std::fs::read_to_string(&output)
            .unwrap()
            .contains("exit-code=1")
    );

    let r = action_run(&[("INPUT_PATHS", "news"), ("INPUT_FAIL_ON", "never")]);
    assert_eq!(r.code, 0, "{}", r.err);

    let r = action_run(&[
        ("INPUT_FORMAT", "sarif"),
        ("INPUT_SARIF_FILE", "out.sarif"),
        ("INPUT_SINCE", "HEAD"),
    ]);
    assert_eq!(r.code, 0, "nothing changed since HEAD: {}", r.err);
    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("out.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 0);

    let r = action_run(&[("INPUT_FORMAT", "xml")]);
    assert_eq!(r.code, 2);
    assert!(r.out.starts_with("::error title=numcheck::"), "{}", r.out);
}

#[test]
fn progress_is_forced_onto_a_pipe_with_rate_time_left_and_findings() {
    let dir = newsroom();
    let r = numcheck(
        dir.path(),
        &["check", "--progress", "--format", "json", "."],
    );
    assert_eq!(r.code, 1);
    let last = r.err.lines().last().unwrap_or_default();
    assert!(last.contains("4/4 files"), "{}", r.err);
    assert!(last.contains("/s") && last.contains(" left"), "{last}");
    assert!(last.contains("5 findings"), "{last}");
    assert!(
        !r.err.contains('\u{1b}'),
        "no terminal codes on a pipe: {:?}",
        r.err
    );
    let quiet = numcheck(dir.path(), &["check", "--format", "json", "."]);
    assert!(quiet.err.is_empty(), "{}", quiet.err);
}
