//! Compresses the statistics tables and the city gazetteer (reference/statistics/*.csv,
//! reference/gazetteer/*.csv) into the build directory and writes the list that
//! `src/statistics/embedded.rs` includes: adding a table is adding a file, no code.

use std::fmt::Write as _;
use std::io::Write as _;
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
            let gz = compress(&path, &out, &name);
            writeln!(list, "    ({name:?}, include_bytes!({gz:?})),").expect("write");
        }
    }
    list.push_str("]\n");
    std::fs::write(Path::new(&out).join("statistics_files.rs"), list).expect("write list");
}

/// Writes `path` gzip-compressed into `out`, returning the compressed file's path.
fn compress(path: &Path, out: &str, name: &str) -> String {
    let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let target = Path::new(out).join(format!("{}.gz", name.replace('/', "__")));
    let file = std::fs::File::create(&target).expect("create compressed table");
    let mut enc = flate2::write::GzEncoder::new(file, flate2::Compression::best());
    enc.write_all(&data).expect("compress");
    enc.finish().expect("finish compression");
    target.to_string_lossy().into_owned()
}
