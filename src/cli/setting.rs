//! `ecocase setting list|set KEY VALUE --as ADMIN`: the policy numbers every rule reads.

use crate::cli::login::Secrets;
use crate::cli::{CliError, Context, output};
use ecocase::i18n::{T, Text};

#[derive(clap::Subcommand, Debug)]
pub enum SettingCommand {
    List {
        #[arg(long = "as", value_name = "USER")]
        actor: String,
    },
    Set {
        #[arg(value_name = "KEY")]
        key: String,
        #[arg(value_name = "VALUE", allow_hyphen_values = true)]
        value: String,
        #[arg(long = "as", value_name = "USER")]
        actor: String,
    },
}

pub fn run(ctx: &Context, c: SettingCommand, secrets: &mut Secrets) -> Result<(), CliError> {
    let lang = ctx.lang;
    match c {
        SettingCommand::List { actor } => {
            let s = secrets.login(ctx, &actor)?;
            let rows = s.admin().settings().map_err(|e| ctx.fail(e))?;
            let header = T::CliSettingHeader
                .get(lang)
                .split(',')
                .map(str::to_string)
                .collect::<Vec<_>>();
            let body = rows
                .iter()
                .map(|r| {
                    vec![
                        r.key.to_string(),
                        r.value.to_string(),
                        r.default.to_string(),
                        r.description.get(lang).to_string(),
                    ]
                })
                .collect::<Vec<_>>();
            output::table(&header, &body);
            Ok(())
        }
        SettingCommand::Set { key, value, actor } => {
            let mut s = secrets.login(ctx, &actor)?;
            s.set_setting(&key, &value).map_err(|e| ctx.fail(e))?;
            output::say(
                &Text::new(T::CliSettingSaved)
                    .arg("key", key.trim())
                    .arg("value", value.trim())
                    .render(lang),
            );
            Ok(())
        }
    }
}
