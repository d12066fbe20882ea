//! Ctrl-C between a file's write and its rename: the temporary file is removed. A test binary
//! of its own, as the list of staged files is the whole process's.

use rehash::files::{Staged, remove_staged};

#[test]
fn an_interrupted_write_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("report.html");
    let staged = Staged::write(&path, b"half a report").expect("staged");
    let temporary = staged.temporary().to_owned();
    assert!(temporary.exists());
    // Ctrl-C arrives before the rename.
    remove_staged();
    assert!(!temporary.exists());
    assert!(!path.exists());
    assert!(staged.commit().is_err(), "nothing left to rename");
}
