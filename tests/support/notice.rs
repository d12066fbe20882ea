//! Says why a test skips, on the real stderr: the test harness captures `println!`, and a
//! skipped check must show in the run's output.

use std::io::Write as _;

/// Writes `notice: {message}` straight to stderr.
pub fn notice(message: &str) {
    let _ = writeln!(std::io::stderr(), "notice: {message}");
}
