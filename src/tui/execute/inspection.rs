//! Carrying out the 执法检查 and 双随机 effects through the service layer.

use crate::domain::inspection::InspectionState;
use crate::i18n::{T, Text};
use crate::service::inspection::followup::{CaseInput, OrderInput};
use crate::service::inspection::guard::{ActInput, SpecialPlanInput};
use crate::service::inspection::record::{EvidenceInput, FindingInput};
use crate::service::inspection::{GuardChoice, PlanInput};
use crate::service::{ServiceError, Session};
use crate::store::inspection::ListFilter;
use crate::tui::msg::Msg;
use crate::tui::screens::inspection::form::InspectionRequest;
use crate::tui::screens::inspection::{
    InspectionData, InspectionDetailData, InspectionEffect, InspectionMsg, InspectionQuery,
    InspectionTab, PAGE,
};
use chrono::NaiveDate;

use crate::tui::execute::inspection_ask::{
    ask, draft, finding_by_number, guard_choices, number, yuan_to_fen,
};

type R<T> = Result<T, ServiceError>;

fn date(field: T, s: &str) -> R<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| ServiceError::Refused(Text::new(T::InspectionErrDate).arg_key("field", field)))
}

/// An optional date: empty means today.
pub(super) fn date_or_today(s: &Session, field: T, v: &str) -> R<NaiveDate> {
    if v.trim().is_empty() {
        Ok(s.today())
    } else {
        date(field, v)
    }
}

fn corrects(v: &str) -> R<Option<i64>> {
    if v.trim().is_empty() {
        return Ok(None);
    }
    v.trim()
        .parse()
        .map(Some)
        .map_err(|_| ServiceError::Refused(Text::new(T::InspectionErrCorrects)))
}

fn filter(s: &Session, tab: InspectionTab) -> ListFilter {
    match tab {
        InspectionTab::Mine => ListFilter {
            officer_id: Some(s.actor().user_id),
            ..ListFilter::default()
        },
        InspectionTab::State(state) => ListFilter {
            state: Some(state),
            ..ListFilter::default()
        },
        InspectionTab::OverdueRecheck => s.inspections().overdue_filter(),
        InspectionTab::All => ListFilter::default(),
    }
}

/// The filter of the list as shown: the tab's, with the category, region and officer chosen.
pub(crate) fn list_filter(
    s: &Session,
    tab: InspectionTab,
    category: Option<crate::domain::inspection::Category>,
    region: Option<String>,
    officer: Option<i64>,
) -> ListFilter {
    let base = filter(s, tab);
    ListFilter {
        category,
        region,
        // A chosen officer replaces "mine" (the tab still keeps its open checks only).
        officer_id: officer.or(base.officer_id),
        ..base
    }
}

fn page(
    s: &Session,
    tab: InspectionTab,
    category: Option<crate::domain::inspection::Category>,
    region: Option<String>,
    officer: Option<i64>,
    find: &str,
    after: Option<&(String, i64)>,
) -> R<Vec<crate::store::inspection::Inspection>> {
    let f = ListFilter {
        find: find.to_string(),
        ..list_filter(s, tab, category, region, officer)
    };
    let rows = s
        .inspections()
        .page(&f, after.map(|(d, id)| (d.as_str(), *id)), PAGE)?;
    // "Mine" lists open checks only.
    Ok(if tab == InspectionTab::Mine {
        rows.into_iter().filter(|r| r.state.is_open()).collect()
    } else {
        rows
    })
}

fn detail(s: &Session, id: i64) -> R<InspectionDetailData> {
    let detail = s.inspections().detail(id)?;
    let today = s.today();
    let officers = s
        .inspections()
        .eligible_officers(detail.inspection.enterprise_id, today)
        .map(|list| {
            list.into_iter()
                .map(|o| {
                    let mark = if o.conflicted { " !" } else { "" };
                    (o.user_id, format!("{} {}{mark}", o.name, o.cert_number))
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(InspectionDetailData {
        detail,
        officers,
        today: today.format("%Y-%m-%d").to_string(),
    })
}

pub fn load(s: &Session, q: InspectionQuery) -> Msg {
    let text = |e: ServiceError| e.text();
    Msg::Inspection(InspectionMsg::Loaded(match q {
        InspectionQuery::Page {
            tab,
            category,
            region,
            officer,
            after,
            find,
        } => InspectionData::Page {
            tab,
            append: after.is_some(),
            rows: page(s, tab, category, region, officer, &find, after.as_ref()).map_err(text),
        },
        InspectionQuery::Detail { id } => InspectionData::Detail {
            id,
            data: detail(s, id).map(Box::new).map_err(text),
        },
        InspectionQuery::Rects => {
            InspectionData::Rects(s.inspections().rectification_orders(None).map_err(text))
        }
        InspectionQuery::Draws => InspectionData::Draws(s.draws().list().map_err(text)),
        InspectionQuery::Draw { id } => {
            InspectionData::Draw(s.draws().detail(id).map(Box::new).map_err(text))
        }
        InspectionQuery::Officers => {
            InspectionData::Officers(s.draws().officer_choices().map_err(text))
        }
        InspectionQuery::DrawPool => {
            InspectionData::DrawPool(s.draws().pool_choices(s.today()).map_err(text))
        }
        InspectionQuery::GuardChoices { uscc } => InspectionData::GuardChoices {
            options: guard_choices(s, &uscc).map_err(text),
            uscc,
        },
    }))
}

fn run(s: &mut Session, r: InspectionRequest) -> R<Text> {
    let saved = || Text::new(T::Saved);
    match r {
        InspectionRequest::Plan {
            enterprise_id,
            uscc,
            category,
            mode,
            reference,
            place,
            date: on,
            officers,
            recusal_reason,
            guard,
        } => {
            let e = match enterprise_id {
                Some(id) => s.enterprises().get(id)?,
                // Not picked from the matches: the typed name, USCC or pinyin initials must
                // mean exactly one enterprise.
                None => s.assistance().resolve_enterprise(&uscc)?.ok_or_else(|| {
                    ServiceError::Invalid(vec![crate::domain::validate::FieldIssue::error(
                        "enterprise",
                        "enterprise",
                        Text::new(T::ErrRequired)
                            .arg_key("field", T::AssistanceFieldEnterpriseQuery),
                    )])
                })?,
            };
            let x = s.inspections().plan(&PlanInput {
                enterprise_id: e.id,
                category,
                mode,
                trigger_ref: reference,
                place,
                planned_on: date_or_today(s, T::InspectionFieldDate, &on)?,
                officers,
                recusal_reason,
                guard: GuardChoice::parse(&guard),
            })?;
            Ok(Text::new(T::InspectionMsgPlanned).arg("number", x.number))
        }
        InspectionRequest::Officers {
            id,
            officers,
            recusal_reason,
        } => {
            let x = s
                .inspections()
                .set_officers(id, &officers, &recusal_reason)?;
            Ok(Text::new(T::InspectionMsgState)
                .arg("number", x.number)
                .arg_key("state", x.state.label()))
        }
        InspectionRequest::Transition {
            id,
            row_version,
            event,
            input,
        } => {
            let x = s.inspections().transition(id, row_version, event, &input)?;
            Ok(Text::new(T::InspectionMsgState)
                .arg("number", x.number)
                .arg_key("state", x.state.label()))
        }
        InspectionRequest::Answer {
            id,
            item,
            answer,
            note,
        } => s
            .inspections()
            .answer(id, &item, answer, &note)
            .map(|()| saved()),
        InspectionRequest::Finding {
            id,
            description,
            provision,
            severity,
            corrects: c,
            reason,
        } => s
            .inspections()
            .add_finding(
                id,
                &FindingInput {
                    description,
                    provision,
                    severity: Some(severity),
                    corrects: finding_by_number(s, id, &c)?,
                    reason,
                    ..FindingInput::default()
                },
            )
            .map(|f| {
                let no = s
                    .inspections()
                    .detail(id)
                    .ok()
                    .and_then(|d| d.findings.iter().find(|x| x.id == f.id).map(|x| x.no))
                    .unwrap_or(f.id);
                Text::new(T::InspectionMsgFinding).arg("id", no)
            }),
        InspectionRequest::Evidence {
            id,
            kind,
            path,
            description,
            corrects: c,
            reason,
            finding,
        } => s
            .inspections()
            .add_evidence(
                id,
                &EvidenceInput {
                    kind,
                    path,
                    description,
                    corrects: corrects(&c)?,
                    reason,
                    finding_no: number(&finding)?,
                },
            )
            .map(|e| {
                Text::new(T::InspectionMsgEvidence)
                    .arg("id", e.id)
                    .arg("sha", e.sha256.chars().take(16).collect::<String>())
            }),
        InspectionRequest::Representative { id, name, position } => s
            .inspections()
            .add_representative(id, &name, &position)
            .map(|()| saved()),
        InspectionRequest::Order {
            id,
            doc_number,
            served_on,
            deadline,
            requirements,
        } => {
            let (_, recheck) = s.inspections().order_rectification(
                id,
                &OrderInput {
                    doc_number,
                    served_on: date(T::InspectionFieldServedOn, &served_on)?,
                    deadline: date(T::InspectionFieldDeadline, &deadline)?,
                    requirements,
                },
            )?;
            Ok(Text::new(T::InspectionMsgOrdered)
                .arg("number", recheck.number)
                .arg("date", recheck.planned_on))
        }
        InspectionRequest::Recheck {
            id,
            officers,
            result,
            note,
        } => {
            let x = s
                .inspections()
                .record_recheck(id, &officers, result, &note)?;
            Ok(Text::new(T::InspectionMsgState)
                .arg("number", x.number)
                .arg_key("state", x.state.label()))
        }
        InspectionRequest::Case {
            id,
            case_number,
            discovered_on,
            approved_on,
            handler,
        } => {
            let x = s.inspections().transfer_case(
                id,
                &CaseInput {
                    case_number,
                    discovered_on: date(T::InspectionFieldDiscovered, &discovered_on)?,
                    approved_on: date(T::InspectionFieldApproved, &approved_on)?,
                    handler,
                },
            )?;
            Ok(Text::new(T::InspectionMsgState)
                .arg("number", x.number)
                .arg_key("state", InspectionState::CaseTransferred.label()))
        }
        InspectionRequest::CaseStatus {
            id,
            status,
            penalty_kind,
            penalty_yuan,
            note,
        } => {
            let fen = yuan_to_fen(&penalty_yuan)?;
            let c = s
                .inspections()
                .case_status(id, status, &penalty_kind, fen, &note)?;
            Ok(Text::new(T::InspectionMsgCase)
                .arg("number", c.case_number)
                .arg_key("status", c.status.label()))
        }
        InspectionRequest::Report {
            order_id,
            text,
            reason,
        } => s
            .inspections()
            .rectification_report(order_id, &text, &reason)
            .map(|r| Text::new(T::InspectionMsgReported).arg("doc", r.doc_number)),
        InspectionRequest::DrawPlan {
            name,
            region,
            class,
            ratio,
            count,
            listed_offsite,
            officers,
            date: on,
        } => {
            let draft = draft(
                s,
                &name,
                &region,
                &class,
                &ratio,
                &count,
                listed_offsite,
                &on,
            )?;
            // Asked first (the preview was confirmed): a count above the candidates draws them all.
            let plan = s.draws().create_plan_with_pool(&draft, &officers)?;
            let d = s.draws().run_confirmed(plan.id)?;
            Ok(Text::new(T::DrawMsgDone)
                .arg("id", d.draw.id)
                .arg("n", d.draw.drawn_count)
                .arg("total", d.draw.candidate_count))
        }
        InspectionRequest::Verify { id } => {
            let report = s.draws().verify(id)?;
            Ok(if report.ok() {
                Text::new(T::DrawVerified)
            } else if let Some(problem) = report.pair_problems.first() {
                Text::new(T::DrawVerifyPairs).arg_text("result", problem.clone())
            } else {
                Text::new(T::DrawVerifyFailed)
                    .arg("rank", report.first_difference.map_or(0, |r| r + 1))
            })
        }
        InspectionRequest::Act {
            id,
            on,
            continuing,
            five_year,
        } => {
            s.inspections().set_act(
                id,
                &ActInput {
                    on: date(T::InspectionFieldActOn, &on)?,
                    continuing,
                    five_year,
                },
            )?;
            Ok(Text::new(T::InspectionMsgAct))
        }
        InspectionRequest::SpecialPlan {
            name,
            doc_ref,
            uscc,
            class,
        } => {
            let p = s.inspections().create_special_plan(&SpecialPlanInput {
                name,
                doc_ref,
                uscc,
                class,
            })?;
            Ok(Text::new(T::InspectionMsgSpecialPlan).arg("name", p.name))
        }
        InspectionRequest::Export { id, format } => {
            // Next to where ecocase was started, named by the draw; the message shows the full path.
            let path = export_path(&format!("draw-{id}"), format);
            let n = crate::export::draw::draw(
                s,
                id,
                format,
                crate::export::Output::File(&path),
                crate::i18n::Lang::Zh,
            )
            .map_err(export_error)?;
            Ok(Text::new(T::DrawMsgExported)
                .arg("n", n)
                .arg("path", path.display()))
        }
        InspectionRequest::Publish { id, format } => {
            let path = export_path(&format!("draw-{id}-results"), format);
            let done = crate::export::draw_results::results(
                s,
                id,
                format,
                crate::export::Output::File(&path),
                crate::i18n::Lang::Zh,
            )
            .map_err(export_error)?;
            Ok(Text::new(T::DrawMsgPublished)
                .arg("n", done.rows)
                .arg("open", done.still_open)
                .arg("path", path.display()))
        }
    }
}

/// A publication file next to where ecocase was started, named by the draw.
fn export_path(stem: &str, format: crate::export::Format) -> std::path::PathBuf {
    let ext = match format {
        crate::export::Format::Xlsx => "xlsx",
        crate::export::Format::Json => "json",
        crate::export::Format::Csv => "csv",
    };
    std::env::current_dir()
        .unwrap_or_default()
        .join(format!("{stem}.{ext}"))
}

fn export_error(e: crate::export::ExportError) -> ServiceError {
    match e {
        crate::export::ExportError::Service(e) => e,
        other => ServiceError::Refused(
            Text::new(T::InspectionErrExport).arg("detail", format!("{other:?}")),
        ),
    }
}

pub(crate) fn execute(s: &mut Session, effect: InspectionEffect) -> Option<Msg> {
    match effect {
        InspectionEffect::Load(q) => Some(load(s, q)),
        InspectionEffect::Do(r) => {
            let verify = matches!(
                r,
                InspectionRequest::Verify { .. }
                    | InspectionRequest::Export { .. }
                    | InspectionRequest::Publish { .. }
            );
            let result = run(s, r).map_err(|e| e.text());
            Some(if verify {
                Msg::Inspection(InspectionMsg::DrawDone(result))
            } else {
                Msg::Inspection(InspectionMsg::Done(result))
            })
        }
        InspectionEffect::Ask(r) => Some(Msg::Inspection(InspectionMsg::Asked(
            ask(s, r).map_err(|e| e.text()),
        ))),
        InspectionEffect::Export { query, lang } => Some(Msg::Written(
            crate::tui::execute::report::export_inspections(s, query, lang),
        )),
    }
}
