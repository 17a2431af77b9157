//! The `--save` file: one writer thread owns it and commits in groups. Every handler hands its line
//! over and waits; the writer takes everything that is waiting, writes it with one `write` call and
//! only then tells each handler its line is in the file, so the 200 goes out after the write. Under
//! load one system call carries many deliveries; alone, a delivery waits for one write of its own.
//! What has been written survives the process being killed (it is in the kernel's page cache); with
//! `fsync` on, each group is also flushed to the disk before anyone is told.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::thread::{self, JoinHandle};

use anyhow::{Context, Result};

struct Job {
    line: Vec<u8>,
    done: SyncSender<io::Result<()>>,
}

enum Msg {
    Line(Job),
    /// Write what is queued before this, then stop.
    Close,
}

/// The handle handlers use; cloning it is cheap.
#[derive(Clone)]
pub struct Saver {
    tx: Sender<Msg>,
}

pub struct SaveThread {
    handle: JoinHandle<()>,
}

/// The most lines one group carries; bounds the memory of one write.
const GROUP_MAX: usize = 4096;

/// Open (append, create) the file and start its writer.
pub fn open(path: &Path, fsync: bool) -> Result<(Saver, SaveThread)> {
    let mut options = OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(path).with_context(|| {
        format!(
            "cannot open --save file {} for appending; check the path and its permissions",
            path.display()
        )
    })?;
    let (tx, rx) = mpsc::channel::<Msg>();
    let handle = thread::Builder::new()
        .name("save".into())
        .spawn(move || writer(file, rx, fsync))
        .context("starting the save thread")?;
    Ok((Saver { tx }, SaveThread { handle }))
}

fn writer(mut file: File, rx: Receiver<Msg>, fsync: bool) {
    let mut buf: Vec<u8> = Vec::with_capacity(64 * 1024);
    let mut waiting: Vec<SyncSender<io::Result<()>>> = Vec::with_capacity(64);
    let mut closing = false;
    while !closing {
        let first = match rx.recv() {
            Ok(Msg::Line(job)) => job,
            Ok(Msg::Close) | Err(_) => break,
        };
        buf.clear();
        waiting.clear();
        let push = |job: Job, buf: &mut Vec<u8>, waiting: &mut Vec<_>| {
            buf.extend_from_slice(&job.line);
            buf.push(b'\n');
            waiting.push(job.done);
        };
        push(first, &mut buf, &mut waiting);
        while waiting.len() < GROUP_MAX {
            match rx.try_recv() {
                Ok(Msg::Line(job)) => push(job, &mut buf, &mut waiting),
                Ok(Msg::Close) => {
                    closing = true;
                    break;
                }
                Err(_) => break,
            }
        }
        let result = file
            .write_all(&buf)
            .and_then(|()| if fsync { file.sync_data() } else { Ok(()) });
        for done in waiting.drain(..) {
            let r = match &result {
                Ok(()) => Ok(()),
                Err(e) => Err(io::Error::new(e.kind(), e.to_string())),
            };
            let _ = done.send(r);
        }
    }
    let _ = file.sync_all();
}

impl Saver {
    /// Append one line and return once it is written (or writing it failed).
    pub fn save(&self, line: Vec<u8>) -> io::Result<()> {
        let (done, wait) = mpsc::sync_channel(1);
        self.tx
            .send(Msg::Line(Job { line, done }))
            .map_err(|_| io::Error::other("the save file is closed"))?;
        wait.recv()
            .unwrap_or_else(|_| Err(io::Error::other("the save thread stopped")))
    }
}

impl SaveThread {
    /// Write everything handed over so far, then stop; later saves fail (and are not acknowledged).
    pub fn finish(self, saver: &Saver) {
        let _ = saver.tx.send(Msg::Close);
        let _ = self.handle.join();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concurrent_saves_are_all_written_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.jsonl");
        let (saver, thread) = open(&path, false).unwrap();
        let handles: Vec<_> = (0..8)
            .map(|t| {
                let s = saver.clone();
                std::thread::spawn(move || {
                    for i in 0..200 {
                        s.save(format!("{{\"t\":{t},\"i\":{i}}}").into_bytes())
                            .unwrap();
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        thread.finish(&saver);
        assert!(saver.save(b"late".to_vec()).is_err());
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1600);
        lines.sort();
        lines.dedup();
        assert_eq!(lines.len(), 1600);
    }
}
