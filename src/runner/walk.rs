//! Which articles a run reads: files named on the command line or in a `--file-list`, and the
//! articles found by walking folders (`.md .markdown .txt .html .htm`, honouring `.gitignore`
//! and the `include` / `exclude` globs of the configuration that applies to each file).

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::config::ConfigSet;
use crate::error::{DataError, RunError};

/// The extensions of articles found by walking a folder.
pub const ARTICLE_EXTENSIONS: [&str; 5] = ["md", "markdown", "txt", "html", "htm"];

/// Is this the name of an article a folder walk reads?
pub fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}

/// The files to read, in order: `-` and named files as given (whatever their extension or
/// the globs; one that does not exist fails when read), and for each folder its articles
/// sorted by path. A configuration file that cannot be read is an error.
pub fn expand(paths: &[PathBuf], configs: &mut ConfigSet) -> Result<Vec<PathBuf>, DataError> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, configs, &mut files)?;
        } else {
            files.push(p.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, configs: &mut ConfigSet, files: &mut Vec<PathBuf>) -> Result<(), DataError> {
    let walker = ignore::WalkBuilder::new(dir)
        .require_git(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        let Ok(entry) = entry else { continue };
        if !entry.file_type().is_some_and(|t| t.is_file()) || !is_article(entry.path()) {
            continue;
        }
        let path = entry.path();
        let path = path.strip_prefix("./").unwrap_or(path).to_path_buf();
        let selected = match configs.for_file(&path)? {
            Some(i) => configs.get(i).selects(&configs.relative(i, &path)),
            None => true,
        };
        if selected {
            files.push(path);
        }
    }
    Ok(())
}

/// The paths of a `--file-list` (`-` for standard input): one per line, blank lines skipped.
pub fn read_file_list(list: &Path) -> Result<Vec<PathBuf>, RunError> {
    let name = list.display().to_string();
    let fail = |e: std::io::Error| RunError::FileList {
        path: name.clone(),
        message: e.to_string(),
    };
    let mut text = String::new();
    if name == "-" {
        std::io::stdin().read_to_string(&mut text).map_err(fail)?;
    } else {
        text = std::fs::read_to_string(list).map_err(fail)?;
    }
    Ok(text
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .map(PathBuf::from)
        .collect())
}
