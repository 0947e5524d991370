//! Carrying out the 转移联单 effects through the service layer.

use crate::domain::time::shanghai;
use crate::domain::validate::Severity;
use crate::i18n::{T, Text};
use crate::service::{ServiceError, Session};
use crate::tui::msg::Msg;
use crate::tui::screens::manifest::{
    FormData, ManifestDetailData, ManifestEffect, ManifestMsg, Refusal,
};

/// Licences a form offers, and approvals the reference screen lists.
const REF_ROWS: usize = 500;
/// Codes the picker shows.
const CODE_ROWS: usize = 50;

/// A refused change with every field message, and whether acknowledging warnings would pass it.
fn refusal(e: ServiceError) -> Refusal {
    match &e {
        ServiceError::Invalid(issues) => Refusal {
            warnings_only: issues.iter().all(|i| i.severity == Severity::Warning),
            text: match issues.as_slice() {
                [one] => one.text.clone(),
                [first, second, ..] => Text::new(T::AssistanceMsgIssues)
                    .arg_text("first", first.text.clone())
                    .arg_text("second", second.text.clone()),
                [] => e.text(),
            },
        },
        _ => Refusal {
            text: e.text(),
            warnings_only: false,
        },
    }
}

fn now_local(s: &Session) -> String {
    s.now()
        .with_timezone(&shanghai())
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

pub fn execute(s: &mut Session, effect: ManifestEffect) -> Option<Msg> {
    let text = |e: ServiceError| e.text();
    let msg = match effect {
        ManifestEffect::LoadPage { filter, limit } => {
            // The first page counts (bounded); the next pages keep the figure already shown.
            let rows = s
                .manifests()
                .page(&filter, limit)
                .and_then(|r| {
                    let total = match filter.before_id {
                        None => Some(s.manifests().list_count(&filter)?),
                        Some(_) => None,
                    };
                    Ok((r, total))
                })
                .map_err(text);
            ManifestMsg::Page { filter, rows }
        }
        ManifestEffect::LoadDetail { id } => ManifestMsg::Detail {
            id,
            data: s
                .manifests()
                .detail(id)
                .map(|detail| {
                    Box::new(ManifestDetailData {
                        detail,
                        now: now_local(s),
                    })
                })
                .map_err(text),
        },
        ManifestEffect::LoadFormData => ManifestMsg::FormData(
            s.manifests()
                .licences("", REF_ROWS)
                .map(|licences| FormData {
                    licences,
                    today: s.today().to_string(),
                    now: now_local(s),
                })
                .map_err(text),
        ),
        ManifestEffect::LoadInput { id } => {
            ManifestMsg::Input(s.manifests().input(id).map_err(text))
        }
        ManifestEffect::SearchCodes { day, query } => ManifestMsg::Codes {
            hits: s
                .manifests()
                .search_waste_codes(&day, &query, CODE_ROWS)
                .map_err(text),
            query,
        },
        ManifestEffect::Save {
            id,
            mut input,
            generator_uscc,
            acknowledged,
        } => {
            let saved = (|| {
                if !generator_uscc.is_empty() {
                    input.generator_id = Some(s.enterprises().by_uscc(&generator_uscc)?.id);
                }
                match id {
                    Some((id, rv)) => s.manifests().update(id, rv, input, acknowledged),
                    None => s.manifests().create(input, acknowledged),
                }
            })();
            ManifestMsg::Done(
                saved
                    .map(|m| Text::new(T::ManifestMsgSaved).arg("number", m.number))
                    .map_err(refusal),
            )
        }
        ManifestEffect::Transition {
            id,
            row_version,
            event,
            input,
            acknowledged,
        } => ManifestMsg::Done(
            s.manifests()
                .transition(id, row_version, event, input, acknowledged)
                .map(|m| {
                    Text::new(T::AssistanceMsgDone)
                        .arg_key("event", event.label())
                        .arg("number", m.number)
                        .arg_key("state", m.state.label())
                })
                .map_err(refusal),
        ),
        ManifestEffect::FollowUp { id, licence } => ManifestMsg::Done(
            s.manifests()
                .follow_up(id, &licence)
                .map(|m| Text::new(T::ManifestMsgSaved).arg("number", m.number))
                .map_err(refusal),
        ),
        ManifestEffect::CreateLicence(input) => ManifestMsg::Done(
            s.manifests()
                .create_licence(input)
                .map(|l| Text::new(T::ManifestMsgRegistered).arg("number", l.number))
                .map_err(refusal),
        ),
        ManifestEffect::CreateApproval(input) => ManifestMsg::Done(
            s.manifests()
                .create_approval(input)
                .map(|a| Text::new(T::ManifestMsgRegistered).arg("number", a.number))
                .map_err(refusal),
        ),
        ManifestEffect::ExtendStock { id, input } => {
            let until = input.extended_to.trim().to_string();
            ManifestMsg::Done(
                s.manifests()
                    .extend_stock(id, input)
                    .map(|m| {
                        Text::new(T::ManifestMsgExtended)
                            .arg("number", m.number)
                            .arg("until", until)
                    })
                    .map_err(refusal),
            )
        }
        ManifestEffect::LoadRef => ManifestMsg::Ref(
            (|| {
                Ok((
                    s.manifests().approvals(REF_ROWS)?,
                    s.manifests().approvals_expiring(REF_ROWS)?,
                    s.manifests().licences("", REF_ROWS)?,
                ))
            })()
            .map_err(text),
        ),
        ManifestEffect::Export { filter, lang } => {
            return Some(Msg::Written(crate::tui::execute::report::export_manifests(
                s, &filter, lang,
            )));
        }
    };
    Some(Msg::Manifest(msg))
}
