//! `ecocase assist ...`: 点单式帮扶 from the command line, within the account's scope (`--as USER`).
//! `list` prints a queue as a table, CSV or JSON; `auto-close` applies the unrated-request policy.

use crate::cli::login::Secrets;
use crate::cli::{CliError, Context, output};
use clap::ValueEnum;
use ecocase::domain::assistance::AssistanceState;
use ecocase::domain::assistance::sla::Level;
use ecocase::export::csv::CsvSink;
use ecocase::i18n::{Lang, T, Text};
use ecocase::service::assistance::{Queue, QueueRow};
use ecocase::store::assistance::ListFilter;

#[derive(clap::Subcommand, Debug)]
pub enum AssistanceCommand {
    List(ListArgs),
    AutoClose(AutoCloseArgs),
}

#[derive(clap::Args, Debug)]
pub struct ListArgs {
    #[arg(long, value_name = "STATE")]
    state: Option<String>,
    #[arg(long, value_name = "CODE")]
    region: Option<String>,
    #[arg(long)]
    overdue: bool,
    #[arg(long, value_enum, default_value = "table")]
    format: ListFormat,
    #[arg(long = "as", value_name = "USER")]
    actor: String,
}

#[derive(clap::Args, Debug)]
pub struct AutoCloseArgs {
    #[arg(long = "as", value_name = "USER")]
    actor: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ListFormat {
    Table,
    Csv,
    Json,
}

/// Everything `list` prints, whatever the format.
const LIMIT: usize = 100_000;

pub fn run(ctx: &Context, c: AssistanceCommand, secrets: &mut Secrets) -> Result<(), CliError> {
    match c {
        AssistanceCommand::List(a) => list(ctx, a, secrets),
        AssistanceCommand::AutoClose(a) => {
            let s = secrets.login(ctx, &a.actor)?;
            let n = s.assistance().auto_close().map_err(|e| ctx.fail(e))?;
            output::say(
                &Text::new(T::CliAssistAutoClosed)
                    .arg("n", n)
                    .render(ctx.lang),
            );
            Ok(())
        }
    }
}

fn parse_state(v: &str, lang: Lang) -> Result<AssistanceState, CliError> {
    AssistanceState::parse(v).ok_or_else(|| {
        let choices: Vec<&str> = AssistanceState::ALL.iter().map(|s| s.code()).collect();
        CliError::usage(
            Text::new(T::ErrChoice)
                .arg_key("field", T::CliAssistState)
                .arg("value", v)
                .arg("choices", choices.join("/"))
                .render(lang),
        )
    })
}

fn list(ctx: &Context, a: ListArgs, secrets: &mut Secrets) -> Result<(), CliError> {
    let lang = ctx.lang;
    let state = match a.state.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(v) => Some(parse_state(v, lang)?),
    };
    let s = secrets.login(ctx, &a.actor)?;
    let region = match a.region.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(v) => {
            let regions = s.regions().map_err(|e| ctx.fail(e))?;
            let found = regions.into_iter().find(|r| {
                r.code.eq_ignore_ascii_case(v)
                    || r.name_zh == v
                    || r.name_en.eq_ignore_ascii_case(v)
            });
            Some(found.map(|r| r.code).ok_or_else(|| {
                CliError::usage(Text::new(T::ErrRegionUnknown).arg("code", v).render(lang))
            })?)
        }
    };
    let rows: Vec<QueueRow> = if a.overdue {
        s.assistance()
            .queue(Queue::Overdue, LIMIT)
            .map_err(|e| ctx.fail(e))?
            .into_iter()
            .filter(|r| state.is_none_or(|st| r.request.state == st))
            .filter(|r| region.as_ref().is_none_or(|g| &r.request.region_code == g))
            .collect()
    } else {
        let f = ListFilter {
            states: state.into_iter().collect(),
            region,
            enterprise_id: None,
        };
        s.assistance().list(&f, LIMIT).map_err(|e| ctx.fail(e))?
    };
    match a.format {
        ListFormat::Table => {
            let rows: Vec<Vec<String>> = rows.iter().map(|r| cells(r, lang)).collect();
            output::table(&header(lang), &rows);
        }
        ListFormat::Csv => {
            let io = |e: std::io::Error| {
                output::exit_if_broken_pipe(&e);
                CliError::problem(e.to_string())
            };
            let mut sink = CsvSink::new(std::io::stdout().lock(), &header(lang)).map_err(io)?;
            for r in &rows {
                sink.row(&cells(r, lang)).map_err(io)?;
            }
            sink.finish().map_err(io)?;
        }
        ListFormat::Json => {
            let items: Vec<serde_json::Value> = rows.iter().map(json).collect();
            let text = serde_json::to_string_pretty(&items)
                .map_err(|e| CliError::problem(e.to_string()))?;
            output::line(&text);
        }
    }
    Ok(())
}

fn header(lang: Lang) -> Vec<String> {
    [
        T::CliAssistNumber,
        T::AssistanceFieldEnterprise,
        T::CliAssistState,
        T::AssistanceFieldUrgency,
        T::CliAssistDue,
        T::CliAssistSla,
        T::AssistanceFieldHandler,
    ]
    .iter()
    .map(|t| t.get(lang).to_string())
    .collect()
}

fn level_label(level: Level) -> T {
    match level {
        Level::OnTrack => T::AssistanceSlaOnTrack,
        Level::NearDue => T::AssistanceSlaNearDue,
        Level::Overdue => T::AssistanceSlaOverdue,
    }
}

fn cells(r: &QueueRow, lang: Lang) -> Vec<String> {
    let q = &r.request;
    vec![
        q.number.clone(),
        q.enterprise_name.clone(),
        q.state.label().get(lang).to_string(),
        q.urgency.label().get(lang).to_string(),
        r.sla
            .as_ref()
            .map(|s| s.due.date.to_string())
            .unwrap_or_default(),
        r.sla
            .as_ref()
            .map(|s| level_label(s.level).get(lang).to_string())
            .unwrap_or_default(),
        q.handler_name.clone().unwrap_or_default(),
    ]
}

fn json(r: &QueueRow) -> serde_json::Value {
    let mut v = serde_json::to_value(&r.request).unwrap_or(serde_json::Value::Null);
    if let (Some(obj), Some(s)) = (v.as_object_mut(), &r.sla) {
        obj.insert(
            "sla".into(),
            serde_json::json!({
                "due": s.due.date.to_string(),
                "budget_days": s.budget,
                "elapsed_days": s.elapsed,
                "paused_days": s.paused,
                "level": match s.level {
                    Level::OnTrack => "on_track",
                    Level::NearDue => "near_due",
                    Level::Overdue => "overdue",
                },
            }),
        );
    }
    v
}
