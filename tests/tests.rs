//! End-to-end tests: one test binary, modules under tests/tests/.

#[path = "tests/blind_fixtures.rs"]
mod blind_fixtures;
#[path = "tests/cli.rs"]
mod cli;
#[path = "tests/forms.rs"]
mod forms;
#[path = "tests/metamorphic.rs"]
mod metamorphic;
#[path = "tests/metrics.rs"]
mod metrics;
#[path = "tests/pipeline.rs"]
mod pipeline;
#[path = "tests/recognition.rs"]
mod recognition;
#[path = "tests/reports.rs"]
mod reports;
#[path = "tests/seed_labels.rs"]
mod seed_labels;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project root (where sample_data/ lives).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh empty folder for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("auditpack-it-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the binary in `cwd` with `args`.
pub fn auditpack(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_auditpack")).current_dir(cwd).args(args).output().expect("binary runs")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}
