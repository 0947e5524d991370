//! `ecocase init`: a new database with reference data and the first administrator.

use crate::cli::login::Secrets;
use crate::cli::{CliError, Context, output};
use ecocase::i18n::{T, Text};
use ecocase::service::account::setup;
use ecocase::service::system_clock;

#[derive(clap::Args, Debug)]
pub struct InitArgs {
    #[arg(long, value_name = "NAME")]
    admin: String,
    #[arg(long, required = true)]
    password_stdin: bool,
}

pub fn run(ctx: &Context, a: InitArgs, secrets: &mut Secrets) -> Result<(), CliError> {
    if ctx.db.exists() {
        return Err(CliError::problem(
            Text::new(T::ErrDatabaseExists)
                .arg("path", ctx.db.display())
                .render(ctx.lang),
        ));
    }
    let password = secrets.new_password(ctx)?;
    setup::init(&ctx.db, &a.admin, &password, &system_clock()).map_err(|e| ctx.fail(e))?;
    output::say(
        &Text::new(T::CliInitDone)
            .arg("path", ctx.db.display())
            .arg("admin", a.admin.trim())
            .render(ctx.lang),
    );
    Ok(())
}
