//! Acceptance: the real article the product was first asked to handle
//! (`../shared/examples/moscow-talks.txt`; those tests are ignored unless asked for with
//! `--include-ignored`, and then fail if it is missing) and the project's own example.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The shared article; panics when `../shared` is missing, so a run that asked for these tests
/// never passes without them.
fn shared_article() -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/examples/moscow-talks.txt");
    assert!(
        p.is_file(),
        "{} is missing: these tests need the shared data beside the repository (../shared)",
        p.display()
    );
    p
}

fn numcheck(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_numcheck"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run numcheck");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn oneline(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check_json(path: &Path) -> (i32, Value) {
    let (code, out, err) = numcheck(&[
        "check",
        path.to_str().unwrap(),
        "--date",
        "2021-10-20",
        "--format",
        "json",
    ]);
    let v: Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("bad JSON ({e}): {out}\n{err}"));
    (code, v)
}

#[test]
#[ignore = "needs ../shared: run with --include-ignored"]
fn moscow_talks_nine_claims_as_a_reader_gives_them() {
    let path = shared_article();
    let (code, out, err) = numcheck(&["extract", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let claims = v["files"][0]["claims"].as_array().unwrap();
    let got: Vec<(String, String, String, String)> = claims
        .iter()
        .map(|c| {
            (
                oneline(c["text"].as_str().unwrap()),
                c["value"].as_str().unwrap_or("").to_string(),
                c["unit"]["code"]
                    .as_str()
                    .or(c["counted"].as_str())
                    .unwrap_or("")
                    .to_string(),
                c["qualifier"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want: Vec<(&str, &str, &str, &str)> = vec![
        ("10 countries", "10", "country", "exact"),
        ("one billion euros", "1000000000", "EUR", "exact"),
        ("$1.2 billion", "1200000000", "USD", "exact"),
        ("nearly 20 years", "20", "year", "nearly"),
        ("some 2,000 fighters", "2000", "fighter", "approximately"),
        ("decade-long", "1", "decade", "approximately"),
        ("up to two million Afghans", "2000000", "afghan", "up_to"),
        ("seven million more", "7000000", "afghan", "exact"),
        (
            "more than 14,000 Soviet troops",
            "14000",
            "troop",
            "more_than",
        ),
    ];
    let got_ref: Vec<(&str, &str, &str, &str)> = got
        .iter()
        .map(|(a, b, c, d)| (a.as_str(), b.as_str(), c.as_str(), d.as_str()))
        .collect();
    assert_eq!(got_ref, want);
    // spans are byte offsets into the original text, and the text between them is the claim
    let source = std::fs::read_to_string(&path).unwrap();
    for c in claims {
        let (s, e) = (
            c["span"]["start"].as_u64().unwrap() as usize,
            c["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&source[s..e], c["text"].as_str().unwrap());
    }
    // a claim spanning a PDF line break is one claim, located at its first line
    let afghans = &claims[6];
    assert_eq!(afghans["line"], 68);
    assert!(afghans["text"].as_str().unwrap().contains('\n'));
}

#[test]
#[ignore = "needs ../shared: run with --include-ignored"]
fn moscow_talks_checks_clean_against_the_reference() {
    let path = shared_article();
    let (code, v) = check_json(&path);
    assert_eq!(code, 0);
    let verdicts = v["files"][0]["verdicts"].as_array().unwrap();
    assert_eq!(verdicts.len(), 9);
    let linked: Vec<&str> = verdicts
        .iter()
        .filter_map(|x| x["fact"]["id"].as_str())
        .collect();
    assert_eq!(
        linked,
        vec![
            "moscow-format-2021-countries",
            "eu-afghan-support-2021",
            "foreign-troops-afghanistan-years",
            "is-fighters-north-afghanistan-2021",
            "soviet-afghan-war-years",
            "soviet-afghan-war-afghan-deaths",
            "soviet-afghan-war-displaced",
            "soviet-troop-deaths-afghanistan",
        ]
    );
    for x in verdicts {
        let k = x["verdict"].as_str().unwrap();
        assert!(k == "consistent" || k == "consistent_by_rounding", "{x:#}");
    }
    // the euro/dollar pair is checked against the ECB rate of the article's date
    let usd = &verdicts[2];
    assert_eq!(usd["check"], "conversion");
    assert_eq!(usd["verdict"], "consistent_by_rounding");
    let expl = usd["explanation"].to_string();
    assert!(
        expl.contains("1.1623") && expl.contains("2021-10-20"),
        "{expl}"
    );
    assert_eq!(v["summary"]["inconsistent"], 0);
}

/// One-figure edits: each yields exactly that claim as inconsistent, explained, by the check
/// that should find it, and exit 1.
#[test]
#[ignore = "needs ../shared: run with --include-ignored"]
fn moscow_talks_one_figure_edits_are_caught() {
    let path = shared_article();
    let original = std::fs::read_to_string(&path).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let edits: &[(&str, &str, &str, &str, &[&str])] = &[
        (
            "more than 14,000 Soviet troops",
            "more than 41,000 Soviet troops",
            "more than 41,000 Soviet troops",
            "reference",
            &["14,453", "Krivosheev"],
        ),
        (
            "($1.2 billion)",
            "($2.1 billion)",
            "$2.1 billion",
            "conversion",
            &["1.1623", "2021-10-20"],
        ),
        (
            "($1.2 billion)",
            "($1.2 million)",
            "$1.2 million",
            "conversion",
            &["scale slip"],
        ),
        (
            "more than 14,000 Soviet troops",
            "less than 14,000 Soviet troops",
            "less than 14,000 Soviet troops",
            "reference",
            &["14,453"],
        ),
        (
            "from 10 countries",
            "from 12 countries",
            "12 countries",
            "reference",
            &["10"],
        ),
        (
            "some 2,000 fighters",
            "some 20,000 fighters",
            "some 20,000 fighters",
            "reference",
            &["2,000", "Putin"],
        ),
        // loose bounds: true, but far from the figure
        (
            "two million Afghans",
            "five million Afghans",
            "up to five million Afghans",
            "loose_bound",
            &["at most about 2 million Afghans", "Khalidi"],
        ),
        (
            "more than 14,000 Soviet troops",
            "more than 1,000 Soviet troops",
            "more than 1,000 Soviet troops",
            "loose_bound",
            &["more than 14,000", "14,453"],
        ),
    ];
    for (k, (from, to, claim, check, needles)) in edits.iter().enumerate() {
        assert!(
            original.contains(from),
            "the article no longer contains {from:?}"
        );
        let edited = original.replacen(from, to, 1);
        let p = dir.path().join(format!("edit-{k}.txt"));
        std::fs::write(&p, &edited).unwrap();
        let (code, v) = check_json(&p);
        assert_eq!(code, 1, "edit {to:?} must fail the run");
        let bad: Vec<&Value> = v["files"][0]["verdicts"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["verdict"] == "inconsistent")
            .collect();
        assert_eq!(bad.len(), 1, "edit {to:?}: {bad:#?}");
        assert_eq!(oneline(bad[0]["claim"]["text"].as_str().unwrap()), *claim);
        assert_eq!(bad[0]["check"], *check, "edit {to:?}");
        let said = format!("{} {}", bad[0]["summary"], bad[0]["explanation"]);
        for n in *needles {
            assert!(
                said.contains(n),
                "edit {to:?}: explanation lacks {n:?}: {said}"
            );
        }
    }
    // the input was never written to
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
}

#[test]
fn own_example_shows_right_and_wrong_figures() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/europe-briefing.md");
    let (code, out, err) = numcheck(&["check", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 1, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let got: Vec<(String, String)> = v["files"][0]["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                oneline(x["claim"]["text"].as_str().unwrap()),
                x["verdict"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("27 member states", "consistent"),
        // no fact for it, but checked as the base of its conversion
        ("€500 million", "consistent"),
        ("$640 million", "inconsistent"),
        ("68 million people", "consistent_by_rounding"),
        ("93 million", "inconsistent"),
        ("$2.1 trillion", "consistent_by_rounding"),
        ("330 metres", "consistent"),
        ("1,083 feet", "consistent_by_rounding"),
        ("50 km", "consistent_by_rounding"),
        ("31 miles", "consistent_by_rounding"),
        ("2,580 km", "inconsistent"),
        ("More than 3,000 delegates", "unverifiable"),
    ];
    let got_ref: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(got_ref, want);
}
