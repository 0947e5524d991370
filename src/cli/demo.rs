//! `ecocase demo`: a new database full of realistic sample data, and the demo accounts printed.

use crate::cli::{CliError, Context, output};
use clap::ValueEnum;
use ecocase::demo::{self, DEMO_ACCOUNTS, DEMO_PASSWORD, Scale};
use ecocase::i18n::{T, Text};
use ecocase::service::system_clock;
use std::time::Instant;

#[derive(clap::Args, Debug)]
pub struct DemoArgs {
    #[arg(long, value_enum, default_value_t = ScaleArg::Small)]
    scale: ScaleArg,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ScaleArg {
    Small,
    City,
    Province,
}

impl ScaleArg {
    fn scale(self) -> Scale {
        match self {
            ScaleArg::Small => Scale::Small,
            ScaleArg::City => Scale::City,
            ScaleArg::Province => Scale::Province,
        }
    }

    fn label(self) -> T {
        match self {
            ScaleArg::Small => T::CliScaleSmall,
            ScaleArg::City => T::CliScaleCity,
            ScaleArg::Province => T::CliScaleProvince,
        }
    }
}

pub fn run(ctx: &Context, a: DemoArgs) -> Result<(), CliError> {
    let lang = ctx.lang;
    if ctx.db.exists() {
        return Err(CliError::problem(
            Text::new(T::ErrDatabaseExists)
                .arg("path", ctx.db.display())
                .render(lang),
        ));
    }
    let scale = a.scale.scale();
    output::warn(
        &Text::new(T::CliDemoStart)
            .arg_key("scale", a.scale.label())
            .arg("n", scale.enterprises())
            .render(lang),
    );
    let started = Instant::now();
    let summary =
        demo::generate_with_progress(&ctx.db, scale, &system_clock(), &mut |done, total| {
            if done < total {
                output::warn(
                    &Text::new(T::CliDemoProgress)
                        .arg("done", done)
                        .arg("total", total)
                        .render(lang),
                );
            }
        })
        .map_err(|e| ctx.fail(e))?;
    output::say(
        &Text::new(T::CliDemoDone)
            .arg("path", ctx.db.display())
            .arg("n", summary.enterprises)
            .arg("secs", format!("{:.1}", started.elapsed().as_secs_f64()))
            .render(lang),
    );
    output::say("");
    output::say(
        &Text::new(T::CliDemoAccounts)
            .arg("password", DEMO_PASSWORD)
            .render(lang),
    );
    let header = vec![
        T::FieldUsername.get(lang).to_string(),
        T::CliColDisplayName.get(lang).to_string(),
        T::CliColAbout.get(lang).to_string(),
    ];
    let rows: Vec<Vec<String>> = DEMO_ACCOUNTS
        .iter()
        .map(|a| {
            vec![
                a.username.to_string(),
                a.display_name.to_string(),
                demo::describe(a, lang),
            ]
        })
        .collect();
    output::table(&header, &rows);
    output::say(T::CliDemoPasswords.get(lang));
    output::say("");
    output::say(
        &Text::new(T::CliDemoNext)
            .arg("path", ctx.db.display())
            .render(lang),
    );
    Ok(())
}
