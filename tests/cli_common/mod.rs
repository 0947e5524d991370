//! Running the real `ecocase` binary against a temporary directory, with a clean environment: no
//! inherited ECOCASE_* variables, HOME and XDG directories inside the temporary directory.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub struct Sandbox {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Standard output and standard error together, for message checks.
    pub fn all(&self) -> String {
        format!("{}\n{}", self.stdout, self.stderr)
    }
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("ecocase.db");
        Sandbox { dir, db }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A command for the binary with `--db` set and a clean environment.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = self.bare(&[]);
        c.arg("--db").arg(&self.db).args(args);
        c
    }

    /// A command for the binary with a clean environment and no `--db`.
    pub fn bare(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_ecocase"));
        for var in [
            "ECOCASE_DB",
            "ECOCASE_LANG",
            "ECOCASE_PASSWORD",
            "ECOCASE_CONFIG",
            "LANG",
            "LC_ALL",
            "LC_MESSAGES",
            "NO_COLOR",
        ] {
            c.env_remove(var);
        }
        let home = self.dir.path().join("home");
        c.env("HOME", &home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .args(args);
        c
    }

    /// Runs with `stdin` as standard input.
    pub fn run_with(&self, mut c: Command, stdin: &str) -> Run {
        c.stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = c.spawn().expect("spawn ecocase");
        // The program may end before reading its input (a refusal needs no password): a closed pipe
        // is not a test failure.
        let _ = child
            .stdin
            .take()
            .expect("stdin")
            .write_all(stdin.as_bytes());
        let out: Output = child.wait_with_output().expect("wait");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    pub fn run(&self, args: &[&str], stdin: &str) -> Run {
        self.run_with(self.cmd(args), stdin)
    }

    /// Runs as a logged-in user, the password in ECOCASE_PASSWORD.
    pub fn run_as(&self, args: &[&str], password: &str) -> Run {
        let mut c = self.cmd(args);
        c.env("ECOCASE_PASSWORD", password);
        self.run_with(c, "")
    }

    /// `ecocase init` with administrator `admin` / `Guancheng-tower-2026`.
    pub fn init(&self) {
        let r = self.run(
            &["init", "--admin", "admin", "--password-stdin"],
            "Guancheng-tower-2026\n",
        );
        assert_eq!(r.code, 0, "{}", r.all());
    }

    /// `init` plus a city-level staff account `staff` / `Yellow-river-bend-88`.
    pub fn init_with_staff(&self) {
        self.init();
        let r = self.run(
            &[
                "user",
                "add",
                "staff",
                "--role",
                "staff",
                "--password-stdin",
                "--as",
                "admin",
            ],
            "Guancheng-tower-2026\nYellow-river-bend-88\n",
        );
        assert_eq!(r.code, 0, "{}", r.all());
    }

    /// `ecocase demo` (small).
    pub fn demo(&self) {
        let r = self.run(&["demo"], "");
        assert_eq!(r.code, 0, "{}", r.all());
    }

    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, bytes).expect("write file");
        p
    }
}

pub fn text(p: &Path) -> String {
    p.to_str().expect("utf-8 path").to_string()
}

/// Live enterprises in the database, read directly.
pub fn count_enterprises(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).expect("open");
    conn.query_row(
        "SELECT count(*) FROM enterprise WHERE deleted_at IS NULL",
        [],
        |r| r.get(0),
    )
    .expect("count")
}
