//! Compresses (zstd) the statistics tables and the city gazetteer (reference/statistics/*.csv,
//! reference/gazetteer/*.csv) into the build directory and writes the list that
//! `src/statistics/files.rs` includes: adding a table is adding a file, no code. zstd keeps the
//! binary small (8.7 MB of CSV become 3.3 MB) and decompresses fast enough to read every table
//! on first use.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    let mut list = String::from("&[\n");
    for dir in ["reference/statistics", "reference/gazetteer"] {
        println!("cargo:rerun-if-changed={dir}");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{dir}: {e}"))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "csv"))
            .collect();
        files.sort();
        for path in files {
            println!("cargo:rerun-if-changed={}", path.display());
            let name = path.to_string_lossy().replace('\\', "/");
            let packed = compress(&path, &out, &name);
            writeln!(list, "    ({name:?}, include_bytes!({packed:?})),").expect("write");
        }
    }
    list.push_str("]\n");
    std::fs::write(Path::new(&out).join("statistics_files.rs"), list).expect("write list");
}

/// Writes `path` zstd-compressed (level 19) into `out`, returning the compressed file's path.
fn compress(path: &Path, out: &str, name: &str) -> String {
    let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let target = Path::new(out).join(format!("{}.zst", name.replace('/', "__")));
    let packed = zstd::bulk::compress(&data, 19).expect("compress");
    std::fs::write(&target, packed).expect("write compressed table");
    target.to_string_lossy().into_owned()
}
