//! The real `ecocase` binary in a pseudo-terminal (portable-pty) read by a terminal emulator (vt100):
//! start a shell script that sets up a database and opens the interface, send keys, poll the screen.
#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Term {
    pub parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, for checks on what reached the terminal.
    pub raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    pub master: Box<dyn MasterPty + Send>,
    pub child: Box<dyn Child + Send + Sync>,
}

/// Shell commands that create a database at `db` with administrator `admin` / `Guancheng-tower-2026` and a staff
/// account `staff` / `Dongchang-lake-2026`, through the command line as an operator would.
pub fn setup_script(db: &Path) -> String {
    let bin = env!("CARGO_BIN_EXE_ecocase");
    let db = db.display();
    format!(
        "printf 'Guancheng-tower-2026\\n' | '{bin}' init --db '{db}' --admin admin --password-stdin \\
         && printf 'Dongchang-lake-2026\\n' | ECOCASE_PASSWORD=Guancheng-tower-2026 '{bin}' user add staff --role staff \\
              --db '{db}' --password-stdin --as admin"
    )
}

/// The command that opens the interface on `db`.
pub fn open_command(db: &Path) -> String {
    format!(
        "'{}' --db '{}'",
        env!("CARGO_BIN_EXE_ecocase"),
        db.display()
    )
}

impl Term {
    /// Runs `script` with `sh -c` in an 80x24 pseudo-terminal with `cwd` as its directory.
    pub fn start(script: &str, cwd: &Path) -> Term {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut cmd = CommandBuilder::new("sh");
        cmd.args(["-c", script]);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LANG", "C.UTF-8");
        cmd.cwd(cwd);
        let child = pty.slave.spawn_command(cmd).expect("spawn");
        drop(pty.slave);

        let parser = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pty.master.try_clone_reader().expect("reader");
        {
            let parser = parser.clone();
            let raw = raw.clone();
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                while let Ok(n) = reader.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    parser.lock().expect("parser").process(&buf[..n]);
                    raw.lock().expect("raw").extend_from_slice(&buf[..n]);
                }
            });
        }
        let writer = pty.master.take_writer().expect("writer");
        Term {
            parser,
            raw,
            writer,
            master: pty.master,
            child,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().expect("parser").screen().contents()
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }

    /// Waits until the screen satisfies `ok`, failing with the screen after 15 seconds.
    pub fn wait(&self, what: &str, ok: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return;
            }
            if start.elapsed() > Duration::from_secs(15) {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Like `wait`, polling every millisecond, and returns how long it took (for the benchmark).
    pub fn wait_timed(&self, what: &str, ok: impl Fn(&str) -> bool) -> Duration {
        let start = Instant::now();
        loop {
            if ok(&self.screen()) {
                return start.elapsed();
            }
            if start.elapsed() > Duration::from_secs(30) {
                panic!("timed out waiting for {what}; screen:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// Bytes the program has written so far.
    pub fn bytes_written(&self) -> usize {
        self.raw.lock().expect("raw").len()
    }

    /// Waits until the program has written nothing for `quiet`.
    pub fn wait_quiet(&self, quiet: Duration) {
        let mut last = self.bytes_written();
        let mut since = Instant::now();
        while since.elapsed() < quiet {
            std::thread::sleep(Duration::from_millis(2));
            let now = self.bytes_written();
            if now != last {
                last = now;
                since = Instant::now();
            }
        }
    }

    pub fn wait_for(&self, text: &str) {
        self.wait(text, |s| s.contains(text));
    }

    /// Resizes the terminal as a window manager would (the program gets SIGWINCH).
    pub fn resize(&self, rows: u16, cols: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
        self.parser
            .lock()
            .expect("parser")
            .screen_mut()
            .set_size(rows, cols);
    }

    /// Everything written so far, lossily decoded.
    pub fn raw_text(&self) -> String {
        String::from_utf8_lossy(&self.raw.lock().expect("raw")).into_owned()
    }
}
