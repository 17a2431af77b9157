//! The `--save` file, written by group commit; and the acknowledgement that must follow the write.
//!
//! A handler submits its line together with what is to be done once the line is in the file (answer
//! the provider, show the delivery, forward it), and goes back for the next request. Whoever submits
//! while no write is under way becomes the writer: it takes every line gathered so far, writes them
//! with one `write` call, then finishes each of their deliveries — and goes on with whatever gathered
//! meanwhile, until nothing is left. So there is always exactly one writer, every 200 goes out after
//! its line is written, a lone delivery writes its own line, and under load one system call and no
//! sleeping or waking of handlers carries many deliveries.
//!
//! What has been written survives the process being killed (it is in the kernel's page cache).

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::sync::{Condvar, Mutex};

use anyhow::{Context, Result};

struct State<T> {
    lines: Vec<u8>,
    items: Vec<T>,
    writing: bool,
    closed: bool,
}

/// The journal of deliveries: a file with group commit, or none (then items finish at once).
pub struct Journal<T> {
    state: Mutex<State<T>>,
    idle: Condvar,
    /// Touched only by the current writer (`writing` is its lock), so never contended.
    file: Option<Mutex<File>>,
}

/// Open (append, create, 0600) the `--save` file.
pub fn open_file(path: &Path) -> Result<File> {
    let mut options = OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).with_context(|| {
        format!(
            "cannot open --save file {} for appending; check the path and its permissions",
            path.display()
        )
    })
}

fn lock<U>(m: &Mutex<U>) -> std::sync::MutexGuard<'_, U> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl<T> Journal<T> {
    pub fn new(file: Option<File>) -> Journal<T> {
        Journal {
            state: Mutex::new(State {
                lines: Vec::with_capacity(64 * 1024),
                items: Vec::new(),
                writing: false,
                closed: false,
            }),
            idle: Condvar::new(),
            file: file.map(Mutex::new),
        }
    }

    pub fn saves(&self) -> bool {
        self.file.is_some()
    }

    /// Record `line` (without its newline), then call `finish` with `item` and whether the line is
    /// in the file — here, or later on whichever thread writes it.
    pub fn submit(&self, line: &[u8], item: T, finish: &impl Fn(T, &io::Result<()>)) {
        let Some(file) = &self.file else {
            return finish(item, &Ok(()));
        };
        let mut st = lock(&self.state);
        if st.closed {
            drop(st);
            return finish(item, &Err(io::Error::other("the save file is closed")));
        }
        st.lines.extend_from_slice(line);
        st.lines.push(b'\n');
        st.items.push(item);
        if st.writing {
            return; // The writer will take it with its next group.
        }
        st.writing = true;
        let mut lines = Vec::with_capacity(64 * 1024);
        loop {
            std::mem::swap(&mut st.lines, &mut lines);
            let items = std::mem::take(&mut st.items);
            drop(st);
            let result = lock(file).write_all(&lines);
            lines.clear();
            for item in items {
                finish(item, &result);
            }
            st = lock(&self.state);
            if st.items.is_empty() {
                st.writing = false;
                self.idle.notify_all();
                return;
            }
        }
    }

    /// Wait for the writer to finish, refuse later submissions, and flush the file to disk.
    pub fn close(&self) {
        let mut st = lock(&self.state);
        while st.writing {
            st = self.idle.wait(st).unwrap_or_else(|e| e.into_inner());
        }
        st.closed = true;
        drop(st);
        if let Some(file) = &self.file {
            let _ = lock(file).sync_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn concurrent_submissions_are_written_once_and_finished_after() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.jsonl");
        let journal: Arc<Journal<(usize, usize)>> =
            Arc::new(Journal::new(Some(open_file(&path).unwrap())));
        let finished = Arc::new(AtomicUsize::new(0));
        let handles: Vec<_> = (0..8)
            .map(|t| {
                let j = journal.clone();
                let finished = finished.clone();
                let path = path.clone();
                std::thread::spawn(move || {
                    for i in 0..500 {
                        let line = format!("{{\"t\":{t},\"i\":{i}}}");
                        j.submit(line.as_bytes(), (t, i), &|(t, i), r| {
                            assert!(r.is_ok());
                            // Finished only once its line is in the file.
                            let text = std::fs::read_to_string(&path).unwrap();
                            assert!(text.contains(&format!("{{\"t\":{t},\"i\":{i}}}\n")));
                            finished.fetch_add(1, Ordering::SeqCst);
                        });
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        journal.close();
        assert_eq!(finished.load(Ordering::SeqCst), 4000);
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4000);
        lines.sort();
        lines.dedup();
        assert_eq!(lines.len(), 4000);
        let late = AtomicUsize::new(0);
        journal.submit(b"late", (0, 0), &|_, r| {
            assert!(r.is_err());
            late.fetch_add(1, Ordering::SeqCst);
        });
        assert_eq!(late.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn a_failed_write_reaches_its_deliveries() {
        // /dev/full opens, and fails every write with ENOSPC.
        let Ok(file) = OpenOptions::new().append(true).open("/dev/full") else {
            return;
        };
        let journal = Journal::new(Some(file));
        let failed = AtomicUsize::new(0);
        journal.submit(b"x", (), &|(), r| {
            assert_eq!(r.as_ref().unwrap_err().kind(), io::ErrorKind::StorageFull);
            failed.fetch_add(1, Ordering::SeqCst);
        });
        assert_eq!(failed.load(Ordering::SeqCst), 1);
    }
}
