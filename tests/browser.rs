//! The HTML review report in a real browser: headless Chromium renders a report of an article
//! written to attack it (a script, an image that runs code when it fails, a `javascript:` link,
//! an image from the web) and the test reads back the DOM Chromium built: the problems list at
//! the top, every link to a finding and back landing on an element, the explanations in the
//! page, no script and no image from the article. A screenshot is kept under
//! `target/browser/`.
//!
//! `.ci/run` installs Debian's chromium; where it is missing this test says so loudly on
//! standard error and passes, except under CI (`CI` set), where it fails.

use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_numcheck");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

const ARTICLE: &str = r#"---
title: "Bridges <b>& towers</b>"
date: 2023-06-15
---
# The harbour

The Eiffel Tower stands **300 metres** tall. <script>document.title = 'article script ran'</script>

A new footbridge spans 120 metres (520 feet). ![a photo](https://example.org/photo.png) [more](javascript:document.title='link ran')

<img src="missing.png" onerror="document.title = 'onerror ran'">

The old pier runs 50 metres (400 feet) out to sea.
"#;

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("NUMCHECK_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

fn browser(exe: &Path, profile: &Path, extra: &[String]) -> std::process::Output {
    Command::new(exe)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .output()
        .expect("chromium runs")
}

/// Every value of an attribute in the DOM.
fn attrs<'a>(dom: &'a str, name: &str) -> Vec<&'a str> {
    let key = format!(" {name}=\"");
    dom.match_indices(&key)
        .map(|(at, _)| {
            let rest = &dom[at + key.len()..];
            &rest[..rest.find('"').unwrap_or(0)]
        })
        .collect()
}

#[test]
fn the_review_report_in_chromium() {
    let Some(exe) = chromium() else {
        let msg = "chromium is not installed: the HTML report was NOT checked in a browser \
                   (.ci/run installs it: apt-get install chromium)";
        if std::env::var_os("CI").is_some() {
            panic!("{msg}");
        }
        eprintln!("\n**********\n* {msg}\n**********\n");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("harbour.md"), ARTICLE).unwrap();
    let report = dir.path().join("report.html");
    let r = Command::new(BIN)
        .args([
            "check",
            "harbour.md",
            "--format",
            "html",
            "-o",
            "report.html",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        r.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&r.stderr)
    );
    let html = std::fs::read_to_string(&report).unwrap();
    // self-contained: nothing is fetched
    assert!(attrs(&html, "src").is_empty(), "no src attribute");
    assert!(!html.contains("<link"), "no linked style sheet");

    let url = format!("file://{}", report.display());
    let out = browser(
        &exe,
        &dir.path().join("profile"),
        &["--dump-dom".into(), url.clone()],
    );
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        dom.contains("<nav class=\"problems\""),
        "no DOM: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // no script of the article ran, none is in the page, and its image is only text
    assert!(
        dom.contains("<title>numcheck report</title>"),
        "the title changed: a script ran"
    );
    assert!(!dom.contains("<script"), "{dom}");
    assert!(!dom.contains("<img"), "{dom}");
    assert!(
        dom.contains("&lt;script&gt;"),
        "the article's script is shown as text"
    );
    assert!(
        !attrs(&dom, "href")
            .iter()
            .any(|h| h.to_ascii_lowercase().contains("javascript"))
    );
    assert!(
        dom.contains("<dt>title</dt><dd>Bridges &lt;b&gt;&amp; towers&lt;/b&gt;</dd>"),
        "front matter header"
    );
    assert!(dom.contains("<h1>The harbour</h1>"), "Markdown rendered");
    assert!(
        dom.contains("<strong><mark id=\""),
        "a highlight inside bold text"
    );

    // the problems list: one entry per finding, each link landing on an element
    let nav = &dom[dom.find("<nav").unwrap()..dom.find("</nav>").unwrap()];
    let listed: Vec<&str> = attrs(nav, "href");
    assert_eq!(listed.len(), 3, "{nav}");
    assert!(nav.contains("Problems (3)"));
    let ids = attrs(&dom, "id");
    for link in attrs(&dom, "href")
        .into_iter()
        .filter(|h| h.starts_with('#'))
    {
        assert!(ids.contains(&&link[1..]), "{link} lands nowhere");
    }
    for target in &listed {
        let id = &target[1..];
        let finding = &dom[dom.find(&format!("id=\"{id}\"")).unwrap()..];
        let finding = &finding[..finding.find("</li>\n").unwrap_or(finding.len())];
        // explanations are in the page, and the finding links back to its highlight
        assert!(finding.contains("<ul class=\"explanation\">"), "{finding}");
        let back = format!("#c{}", &id[1..]);
        assert!(finding.contains(&format!("href=\"{back}\"")), "{finding}");
        let mark = format!("id=\"c{}\"", &id[1..]);
        let at = dom.find(&mark).unwrap();
        assert!(dom[at..].find(&format!("href=\"{target}\"")).unwrap() < 400);
    }
    // a symbol beside each highlight of a finding, not only a colour
    assert_eq!(
        dom.matches("<sup class=\"sym\">▲</sup>").count()
            + dom.matches("<sup class=\"sym\">✖</sup>").count(),
        3
    );

    let shots = PathBuf::from(ROOT).join("target/browser");
    std::fs::create_dir_all(&shots).unwrap();
    let png = shots.join("review-report.png");
    let _ = std::fs::remove_file(&png);
    let out = browser(
        &exe,
        &dir.path().join("profile2"),
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1000,1600".into(),
            url,
        ],
    );
    let bytes = std::fs::read(&png).unwrap_or_else(|e| {
        panic!(
            "no screenshot ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000);
}
