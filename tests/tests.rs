//! End-to-end tests: one test binary, modules under tests/tests/.

#[path = "tests/bad_input.rs"]
mod bad_input;
#[path = "tests/blind_fixtures.rs"]
mod blind_fixtures;
#[path = "tests/cli.rs"]
mod cli;
#[path = "tests/forms.rs"]
mod forms;
#[path = "tests/gaps.rs"]
mod gaps;
#[path = "tests/messages.rs"]
mod messages;
#[path = "tests/metamorphic.rs"]
mod metamorphic;
#[path = "tests/metrics.rs"]
mod metrics;
#[path = "tests/packs.rs"]
mod packs;
#[path = "tests/pipeline.rs"]
mod pipeline;
#[path = "tests/recognition.rs"]
mod recognition;
#[path = "tests/reports.rs"]
mod reports;
#[path = "tests/seed_labels.rs"]
mod seed_labels;
#[path = "tests/suppression.rs"]
mod suppression;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project root (where sample_data/ lives).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh empty folder for one test, under Cargo's temporary folder for
/// tests (`target/tmp`), so a test run leaves nothing in the system's temporary
/// folder and the next run reuses the same folders. Left in place after a run
/// so a failure can be looked at.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("it").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// "Today" for every run of the binary in these tests: Saturday 2026-11-28 (noon
/// UTC), so the default period and as-of date do not depend on the real date.
pub const TODAY_EPOCH: &str = "1795867200";

/// Runs the binary in `cwd` with `args`, as on [`TODAY_EPOCH`].
pub fn auditpack(cwd: &Path, args: &[&str]) -> Output {
    auditpack_on(cwd, args, TODAY_EPOCH)
}

/// Runs the binary with `SOURCE_DATE_EPOCH` set to `epoch` (seconds).
pub fn auditpack_on(cwd: &Path, args: &[&str], epoch: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_auditpack")).current_dir(cwd).env("SOURCE_DATE_EPOCH", epoch).args(args).output().expect("binary runs")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}
