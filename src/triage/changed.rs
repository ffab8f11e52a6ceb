//! `--since REV`: the lines added or changed since a git revision, read from `git diff` (the
//! working tree against REV, so staged, unstaged and committed changes all count) and from the
//! files git does not track yet. Findings elsewhere are dropped.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::path_key;
use crate::check::FileReport;
use crate::error::RunError;

/// Which lines of a file changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lines {
    /// A file new to git: every line.
    All,
    /// These ranges of 1-based lines, inclusive, in order.
    Ranges(Vec<(usize, usize)>),
}

impl Lines {
    /// Does any line of `first..=last` belong?
    pub fn touches(&self, first: usize, last: usize) -> bool {
        match self {
            Lines::All => true,
            Lines::Ranges(r) => {
                let i = r.partition_point(|&(_, end)| end < first);
                r.get(i).is_some_and(|&(start, _)| start <= last)
            }
        }
    }
}

/// The changed lines of a repository's files since a revision.
#[derive(Debug, Clone)]
pub struct ChangedLines {
    /// The repository's top folder.
    pub root: PathBuf,
    /// The revision compared with.
    pub since: String,
    files: HashMap<String, Lines>,
}

fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

impl ChangedLines {
    /// The lines changed in the repository around `dir` since `rev`. Outside a repository, or
    /// for a revision git does not know, an error saying so.
    pub fn since(rev: &str, dir: &Path) -> Result<ChangedLines, RunError> {
        let fail = |message: String| RunError::Since {
            rev: rev.to_string(),
            message,
        };
        let root = git(dir, &["rev-parse", "--show-toplevel"]).map_err(|e| {
            fail(format!(
                "{} is not in a git repository ({e})",
                dir.display()
            ))
        })?;
        let root = PathBuf::from(root.trim_end_matches(['\n', '\r']));
        let commit = format!("{rev}^{{commit}}");
        git(&root, &["rev-parse", "--verify", "--quiet", &commit])
            .map_err(|_| fail(format!("git knows no revision '{rev}'")))?;
        let diff = git(
            &root,
            &[
                "-c",
                "core.quotePath=false",
                "diff",
                "--no-color",
                "--no-ext-diff",
                "--no-renames",
                "--unified=0",
                rev,
                "--",
            ],
        )
        .map_err(fail)?;
        let mut files = parse_diff(&diff);
        let untracked =
            git(&root, &["ls-files", "--others", "--exclude-standard", "-z"]).map_err(fail)?;
        for f in untracked.split('\0').filter(|f| !f.is_empty()) {
            files.insert(f.to_string(), Lines::All);
        }
        Ok(ChangedLines {
            root: root.canonicalize().unwrap_or(root),
            since: rev.to_string(),
            files,
        })
    }

    /// The changed lines of a file named as reports name it; `None` if it did not change.
    pub fn of(&self, name: &str) -> Option<&Lines> {
        let path = Path::new(name);
        let abs = path
            .canonicalize()
            .unwrap_or_else(|_| crate::config::absolute(path));
        let rel = abs.strip_prefix(&self.root).ok()?;
        self.files.get(&path_key(&rel.to_string_lossy()))
    }

    /// Drops the verdicts of a report that lie on no changed line.
    pub fn apply(&self, report: &mut FileReport) {
        let Some(lines) = self.of(&report.doc.name) else {
            report.verdicts.clear();
            return;
        };
        let doc = report.doc;
        let claims = &report.claims;
        report.verdicts.retain(|v| {
            let c = &claims[v.claim];
            let last = doc
                .line_col(c.span.end.saturating_sub(1).max(c.span.start))
                .0;
            lines.touches(c.line, last)
        });
    }
}

/// The added lines of each file in a unified diff (`--unified=0` or any other context).
pub fn parse_diff(diff: &str) -> HashMap<String, Lines> {
    let mut files: HashMap<String, Lines> = HashMap::new();
    let mut current: Option<String> = None;
    let (mut old_left, mut new_left) = (0usize, 0usize);
    for line in diff.lines() {
        if old_left > 0 || new_left > 0 {
            match line.as_bytes().first() {
                Some(b'-') => old_left = old_left.saturating_sub(1),
                Some(b'+') => new_left = new_left.saturating_sub(1),
                Some(b'\\') => {}
                _ => {
                    old_left = old_left.saturating_sub(1);
                    new_left = new_left.saturating_sub(1);
                }
            }
            continue;
        }
        if line.starts_with("diff ") {
            current = None;
        } else if let Some(p) = line.strip_prefix("+++ ") {
            current = new_path(p);
        } else if let Some(h) = line.strip_prefix("@@ ") {
            let Some((old, new)) = hunk_counts(h) else {
                continue;
            };
            old_left = old.1;
            new_left = new.1;
            if let (Some(f), true) = (&current, new.1 > 0) {
                let range = (new.0, new.0 + new.1 - 1);
                match files.entry(f.clone()).or_insert(Lines::Ranges(Vec::new())) {
                    Lines::Ranges(r) => r.push(range),
                    Lines::All => {}
                }
            } else if let Some(f) = &current {
                files.entry(f.clone()).or_insert(Lines::Ranges(Vec::new()));
            }
        }
    }
    for lines in files.values_mut() {
        if let Lines::Ranges(r) = lines {
            r.sort_unstable();
        }
    }
    files
}

/// The path of a `+++` line: `b/PATH` (or quoted), `None` for a deleted file.
fn new_path(p: &str) -> Option<String> {
    let p = p.trim_end();
    let p = if let Some(q) = p.strip_prefix('"').and_then(|q| q.strip_suffix('"')) {
        unquote(q)
    } else {
        p.to_string()
    };
    if p == "/dev/null" {
        return None;
    }
    Some(p.strip_prefix("b/").unwrap_or(&p).to_string())
}

/// Undoes git's C-style quoting of a path (`\"`, `\\`, `\t`, `\n`, octal bytes).
fn unquote(q: &str) -> String {
    let mut bytes = Vec::new();
    let mut it = q.bytes().peekable();
    while let Some(b) = it.next() {
        if b != b'\\' {
            bytes.push(b);
            continue;
        }
        match it.next() {
            Some(b'n') => bytes.push(b'\n'),
            Some(b't') => bytes.push(b'\t'),
            Some(d @ b'0'..=b'7') => {
                let mut v = u32::from(d - b'0');
                for _ in 0..2 {
                    if let Some(&n @ b'0'..=b'7') = it.peek() {
                        v = v * 8 + u32::from(n - b'0');
                        it.next();
                    }
                }
                bytes.push(v as u8);
            }
            Some(other) => bytes.push(other),
            None => {}
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// ((old start, old count), (new start, new count)) of a hunk header after `@@ `.
fn hunk_counts(h: &str) -> Option<((usize, usize), (usize, usize))> {
    let mut parts = h.split(' ');
    let old = range(parts.next()?.strip_prefix('-')?)?;
    let new = range(parts.next()?.strip_prefix('+')?)?;
    Some((old, new))
}

fn range(s: &str) -> Option<(usize, usize)> {
    match s.split_once(',') {
        Some((a, b)) => Some((a.parse().ok()?, b.parse().ok()?)),
        None => Some((s.parse().ok()?, 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_lines_of_each_file() {
        let diff = "diff --git a/news/a.md b/news/a.md\nindex 1..2 100644\n--- a/news/a.md\n+++ b/news/a.md\n@@ -3 +3 @@ title\n-old\n+new\n@@ -10,0 +11,2 @@\n+++ looks like a header\n+second\n@@ -20,2 +21,0 @@\n-gone\n-gone too\ndiff --git a/b.md b/b.md\ndeleted file mode 100644\n--- a/b.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\ndiff --git \"a/sp ace\\303\\251.md\" \"b/sp ace\\303\\251.md\"\n--- \"a/sp ace\\303\\251.md\"\n+++ \"b/sp ace\\303\\251.md\"\n@@ -1 +1 @@\n-a\n+b\n";
        let files = parse_diff(diff);
        assert_eq!(
            files.get("news/a.md"),
            Some(&Lines::Ranges(vec![(3, 3), (11, 12)]))
        );
        assert!(!files.contains_key("b.md"));
        assert!(!files.contains_key("looks like a header"));
        assert_eq!(files.get("sp aceé.md"), Some(&Lines::Ranges(vec![(1, 1)])));
        let lines = &files["news/a.md"];
        assert!(lines.touches(3, 3) && lines.touches(12, 14) && lines.touches(1, 3));
        assert!(!lines.touches(4, 10) && !lines.touches(13, 20));
    }
}
