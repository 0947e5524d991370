//! The command line: argument definitions (clap derive; help texts come from the string table, see
//! `help.rs`), settings resolution, dispatch to one module per subcommand group, and exit codes.

mod assist;
mod audit;
mod backup;
mod check;
mod config;
mod demo;
mod error;
mod export;
mod help;
mod import;
mod init;
mod login;
// 危险废物转移联单 (manifests)
mod manifest;
mod output;
mod reference;
mod report;
mod setting;
mod user;
// inspections
mod draw;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use ecocase::i18n::Lang;
pub use error::{CliError, exit};
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

// Help texts are deliberately not doc comments: they are set from the string table in both languages.
#[derive(Parser, Debug)]
#[command(name = "ecocase", version, disable_help_subcommand = true)]
pub struct Cli {
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
    #[arg(long)]
    ascii: bool,
    #[arg(long, value_enum)]
    theme: Option<Theme>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum LangArg {
    Zh,
    En,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Theme {
    Default,
    Mono,
}

#[derive(Subcommand, Debug)]
enum Command {
    Init(init::InitArgs),
    Demo(demo::DemoArgs),
    #[command(subcommand)]
    User(user::UserCommand),
    #[command(subcommand)]
    Import(import::ImportCommand),
    #[command(subcommand)]
    Export(export::ExportCommand),
    #[command(subcommand)]
    Setting(setting::SettingCommand),
    Backup(backup::BackupArgs),
    Check(check::CheckArgs),
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    #[command(subcommand)]
    Assist(assist::AssistanceCommand),
    // inspections
    #[command(subcommand)]
    Draw(draw::DrawCommand),
}

/// What every command needs: the database path and the language, already resolved.
pub struct Context {
    pub db: PathBuf,
    pub lang: Lang,
    /// Where audit chain digests are appended, when the config names a directory.
    pub digest_dir: Option<PathBuf>,
}

impl Context {
    /// A service failure while working on this context's database.
    pub fn fail(&self, e: ecocase::service::ServiceError) -> CliError {
        CliError::at(e, &self.db, self.lang)
    }

    pub fn fail_store(&self, e: ecocase::store::db::StoreError) -> CliError {
        self.fail(ecocase::service::ServiceError::Store(e))
    }
}

/// Parses the command line, runs the command and returns the exit status.
pub fn run() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().map(clean_arg).collect();
    let env = config::Env::from_process();
    let files = config::load_files(&env);
    let early_lang = config::early_lang(&args, &env, &files);
    for warning in &files.warnings {
        output::warn(&warning.render(early_lang));
    }
    let code = match parse(&args, early_lang) {
        Ok(cli) => {
            let lang = config::resolve_lang(cli.lang.map(LangArg::lang), &env, &files);
            match execute(cli, lang, &env, &files) {
                Ok(()) => exit::OK,
                Err(e) => {
                    tracing::warn!(code = e.code, error = %e.message, "command failed");
                    output::error(&e.message);
                    e.code
                }
            }
        }
        Err(code) => code,
    };
    ExitCode::from(code)
}

/// An argument as the program reads it: text through the one control-character rule
/// (`domain::text::clean`, line breaks kept for multi-line fields), so a name or a note given on the
/// command line is cleaned exactly as one typed in the TUI or read from a file. Arguments that are not
/// UTF-8 (file paths) pass unchanged.
fn clean_arg(arg: OsString) -> OsString {
    match arg.into_string() {
        Ok(s) => OsString::from(ecocase::domain::text::clean(
            &s,
            ecocase::domain::text::Lines::Many,
        )),
        Err(raw) => raw,
    }
}

/// Parses arguments with help texts in `lang`. Help and version requests print and end with status 0;
/// usage errors print clap's message and end with status 64.
fn parse(args: &[OsString], lang: Lang) -> Result<Cli, u8> {
    let cmd = help::localize(Cli::command(), lang);
    let matches = cmd.try_get_matches_from(args).map_err(|e| {
        let _ = e.print();
        if e.use_stderr() {
            exit::USAGE
        } else {
            exit::OK
        }
    })?;
    Cli::from_arg_matches(&matches).map_err(|e| {
        let _ = e.print();
        exit::USAGE
    })
}

fn execute(cli: Cli, lang: Lang, env: &config::Env, files: &config::Files) -> Result<(), CliError> {
    let db = config::resolve_db(cli.db.clone(), env, files)
        .ok_or_else(|| CliError::usage(ecocase::i18n::T::CliNoDataDir.get(lang)))?;
    init_logging();
    // The command's name only: arguments may hold file names people consider private.
    let name = cli
        .command
        .as_ref()
        .map_or("tui", |c| <&'static str>::from(c));
    tracing::info!(command = name, db = %db.display(), "start");
    let ctx = Context {
        db,
        lang,
        digest_dir: config::resolve_digest_dir(files),
    };
    let mut secrets = login::Secrets::new(env.password.clone());
    match cli.command {
        None => {
            // An explicit --theme wins over NO_COLOR.
            let mono = match cli.theme {
                Some(Theme::Mono) => true,
                Some(Theme::Default) => false,
                None => env.no_color,
            };
            ecocase::tui::run(ecocase::tui::TuiOptions {
                db_path: ctx.db.clone(),
                lang,
                ascii: cli.ascii,
                mono,
            })
            .map_err(|detail| {
                CliError::problem(
                    ecocase::i18n::Text::new(ecocase::i18n::T::CliTuiFailed)
                        .arg("detail", detail)
                        .render(lang),
                )
            })
        }
        Some(Command::Init(a)) => init::run(&ctx, a, &mut secrets),
        Some(Command::Demo(a)) => demo::run(&ctx, a),
        Some(Command::User(c)) => user::run(&ctx, c, &mut secrets),
        Some(Command::Import(c)) => import::run(&ctx, c, &mut secrets),
        Some(Command::Export(c)) => export::run(&ctx, c, &mut secrets),
        Some(Command::Setting(c)) => setting::run(&ctx, c, &mut secrets),
        Some(Command::Backup(a)) => backup::run(&ctx, a),
        Some(Command::Check(a)) => check::run(&ctx, a),
        Some(Command::Audit(c)) => audit::run(&ctx, c),
        Some(Command::Assist(c)) => assist::run(&ctx, c, &mut secrets),
        Some(Command::Draw(c)) => draw::run(&ctx, c, &mut secrets),
    }
}

impl From<&Command> for &'static str {
    fn from(c: &Command) -> &'static str {
        match c {
            Command::Init(_) => "init",
            Command::Demo(_) => "demo",
            Command::User(_) => "user",
            Command::Import(_) => "import",
            Command::Export(_) => "export",
            Command::Setting(_) => "setting",
            Command::Backup(_) => "backup",
            Command::Check(_) => "check",
            Command::Audit(_) => "audit",
            Command::Assist(_) => "assist",
            Command::Draw(_) => "draw",
        }
    }
}

impl LangArg {
    fn lang(self) -> Lang {
        match self {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// Logs go to a file in the per-user data directory, never to the screen; level from `ECOCASE_LOG`
/// (default `info`). Without a writable data directory nothing is logged.
fn init_logging() {
    let Some(dir) = config::project_dirs().map(|d| d.data_local_dir().to_path_buf()) else {
        return;
    };
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("ecocase.log"))
    else {
        return;
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("ECOCASE_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(false)
        .with_writer(std::sync::Mutex::new(file))
        .try_init();
}
