//! Runs the terminal interface on a database file, for developing and trying the TUI on its own.
//!
//! ```text
//! cargo run --example tui_dev -- PATH [--lang en] [--ascii] [--mono] [--seed]
//! ```
//!
//! `--seed` first creates PATH (it must not exist) with three accounts, password `secret1`:
//! `admin` (administrator), `staff` (city-level staff) and `super` (city-level supervisor).
//! Without `--seed` a missing PATH starts the interface's first-run setup.

use ecocase::domain::user::Role;
use ecocase::i18n::Lang;
use ecocase::service::users::NewAccount;
use ecocase::service::{auth, setup, system_clock};
use ecocase::tui::{TuiOptions, run};
use std::path::PathBuf;
use std::process::ExitCode;

fn seed(path: &std::path::Path) -> Result<(), String> {
    let clock = system_clock();
    setup::init(path, "admin", "secret1", &clock).map_err(|e| e.to_string())?;
    let mut admin = auth::login_path(path, "admin", "secret1", clock).map_err(|e| e.to_string())?;
    for (name, role) in [("staff", Role::Staff), ("super", Role::Supervisor)] {
        admin
            .add_user(&NewAccount {
                username: name.to_string(),
                display_name: name.to_string(),
                roles: vec![role],
                unit: None,
                enterprise_uscc: None,
                password: "secret1".to_string(),
            })
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: tui_dev PATH [--lang en] [--ascii] [--mono] [--seed]");
        return ExitCode::from(2);
    };
    let path = PathBuf::from(path);
    if args.iter().any(|a| a == "--seed")
        && let Err(e) = seed(&path)
    {
        eprintln!("{e}");
        return ExitCode::FAILURE;
    }
    let lang = args
        .windows(2)
        .find(|w| w[0] == "--lang")
        .and_then(|w| Lang::parse(&w[1]))
        .unwrap_or_default();
    let opts = TuiOptions {
        db_path: path,
        lang,
        ascii: args.iter().any(|a| a == "--ascii"),
        mono: args.iter().any(|a| a == "--mono"),
    };
    match run(opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
