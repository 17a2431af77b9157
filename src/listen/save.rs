//! The `--save` file, written by group commit with no writer thread of its own.
//!
//! A handler appends its line to the group being gathered and waits until that group is written;
//! whoever finds no write under way becomes the writer: it takes the whole group, writes it with one
//! `write` call, marks it written and wakes the others, and lines that arrived meanwhile form the
//! next group. Each handler then answers its own delivery. So there is always at most one writer, a
//! delivery's 200 goes out only after its line is in the file, a lone delivery writes its own line
//! without waking anybody, and under load one system call carries many deliveries.
//!
//! The writer never answers for others: tiny_http answers the requests of one connection in order,
//! so a writer that answered a pipelined request before its predecessor would wait for it — while the
//! predecessor's line waited for the writer (tests/it/faults.rs has the client that found this).
//!
//! A handler that finds a write under way spins for a few microseconds before it sleeps: a write into
//! the page cache takes about that long, and sleeping then being woken costs each waiting delivery two
//! system calls and a context switch — on the benchmark machine that was a fifth of a delivery's cost.
//! The writer wakes sleepers only when there are any.
//!
//! What has been written survives the process being killed (it is in the kernel's page cache).

use std::collections::VecDeque;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

struct State {
    /// Lines of the group being gathered.
    lines: Vec<u8>,
    /// The number of the group being gathered; groups are written in order.
    gathering: u64,
    /// Every group up to this one has been written (or failed).
    written: u64,
    writing: bool,
    closed: bool,
    /// Groups whose write failed, with the error (the most recent few).
    failed: VecDeque<(u64, io::ErrorKind, String)>,
    /// A spare buffer, so a turn at writing does not allocate.
    spare: Vec<u8>,
    /// Handlers asleep on `changed`.
    sleepers: usize,
}

/// How long a handler spins, waiting for a write to end, before it sleeps (on one core it does not
/// spin at all: the writer could not run meanwhile).
const SPIN: Duration = Duration::from_micros(20);

/// The journal of deliveries: a file with group commit, or none (then recording is a no-op).
pub struct Journal {
    state: Mutex<State>,
    changed: Condvar,
    /// Bumped whenever a write ends: what spinning handlers watch.
    ends: AtomicU64,
    /// [`SPIN`], or zero on a single core.
    spin: Duration,
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

impl Journal {
    pub fn new(file: Option<File>) -> Journal {
        Journal {
            state: Mutex::new(State {
                lines: Vec::with_capacity(64 * 1024),
                gathering: 1,
                written: 0,
                writing: false,
                closed: false,
                failed: VecDeque::new(),
                spare: Vec::with_capacity(64 * 1024),
                sleepers: 0,
            }),
            changed: Condvar::new(),
            ends: AtomicU64::new(0),
            spin: match std::thread::available_parallelism() {
                Ok(n) if n.get() == 1 => Duration::ZERO,
                _ => SPIN,
            },
            file: file.map(Mutex::new),
        }
    }

    /// Append `line` (without its newline) and return once its group is written, or failed to be.
    pub fn record(&self, line: &[u8]) -> io::Result<()> {
        let Some(file) = &self.file else {
            return Ok(());
        };
        let mut st = lock(&self.state);
        if st.closed {
            return Err(io::Error::other("the save file is closed"));
        }
        st.lines.extend_from_slice(line);
        st.lines.push(b'\n');
        let mine = st.gathering;
        loop {
            if st.written >= mine {
                return match st.failed.iter().find(|(g, _, _)| *g == mine) {
                    Some((_, kind, msg)) => Err(io::Error::new(*kind, msg.clone())),
                    None => Ok(()),
                };
            }
            if st.writing {
                let seen = self.ends.load(Ordering::Acquire);
                drop(st);
                self.spin_while(seen);
                st = lock(&self.state);
                if st.writing && st.written < mine {
                    st.sleepers += 1;
                    st = self.changed.wait(st).unwrap_or_else(|e| e.into_inner());
                    st.sleepers -= 1;
                }
                continue;
            }
            // Become the writer of the group being gathered, which holds this line.
            st.writing = true;
            let group = st.gathering;
            st.gathering += 1;
            let spare = std::mem::take(&mut st.spare);
            let mut batch = std::mem::replace(&mut st.lines, spare);
            drop(st);
            let result = lock(file).write_all(&batch);
            batch.clear();
            st = lock(&self.state);
            st.writing = false;
            st.written = group;
            st.spare = batch;
            self.ends.fetch_add(1, Ordering::Release);
            if let Err(e) = result {
                st.failed.push_back((group, e.kind(), e.to_string()));
                while st.failed.len() > 64 {
                    st.failed.pop_front();
                }
            }
            if st.sleepers > 0 {
                self.changed.notify_all();
            }
        }
    }

    /// Spin until a write ends after `seen`, for at most `self.spin`.
    fn spin_while(&self, seen: u64) {
        if self.spin.is_zero() {
            return;
        }
        let start = Instant::now();
        loop {
            for _ in 0..64 {
                if self.ends.load(Ordering::Acquire) != seen {
                    return;
                }
                std::hint::spin_loop();
            }
            if start.elapsed() >= self.spin {
                return;
            }
        }
    }

    /// Wait for the writer, refuse later submissions, and flush the file to disk.
    pub fn close(&self) {
        let mut st = lock(&self.state);
        while st.writing {
            st.sleepers += 1;
            st = self.changed.wait(st).unwrap_or_else(|e| e.into_inner());
            st.sleepers -= 1;
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

    #[test]
    fn concurrent_records_are_written_once_and_in_the_file_on_return() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.jsonl");
        let journal = Arc::new(Journal::new(Some(open_file(&path).unwrap())));
        let handles: Vec<_> = (0..8)
            .map(|t| {
                let j = journal.clone();
                let path = path.clone();
                std::thread::spawn(move || {
                    for i in 0..500 {
                        let line = format!("{{\"t\":{t},\"i\":{i}}}");
                        j.record(line.as_bytes()).unwrap();
                        // Returned only once its line is in the file.
                        let text = std::fs::read_to_string(&path).unwrap();
                        assert!(text.contains(&format!("{line}\n")));
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        journal.close();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4000);
        lines.sort();
        lines.dedup();
        assert_eq!(lines.len(), 4000);
        assert!(journal.record(b"late").is_err(), "closed");
    }

    #[test]
    fn a_failed_write_reaches_its_deliveries() {
        // /dev/full opens, and fails every write with ENOSPC.
        let Ok(file) = OpenOptions::new().append(true).open("/dev/full") else {
            return;
        };
        let journal = Journal::new(Some(file));
        assert_eq!(
            journal.record(b"x").unwrap_err().kind(),
            io::ErrorKind::StorageFull
        );
    }
}
