//! The inspection effects that need more than one service call: the question asked before a permanent
//! step (signing, a draw), a draw plan as typed, the recorded facts a new inspection may rest on, and
//! finding numbers (within an inspection) and fines in 元 as typed.

use crate::domain::inspection::signing::{check_signing, lock_summary};
use crate::domain::inspection::{Event, next_state};
use crate::i18n::{T, Text};
use crate::service::inspection::draw::PlanDraft;
use crate::service::{ServiceError, Session};
use crate::tui::screens::inspection::form::InspectionRequest;

type R<T> = Result<T, ServiceError>;

/// A finding's number within its inspection (#1 …), as typed; empty is none.
pub(super) fn number(v: &str) -> R<Option<i64>> {
    let v = v.trim().trim_start_matches('#');
    if v.is_empty() {
        return Ok(None);
    }
    v.parse()
        .map(Some)
        .map_err(|_| ServiceError::Refused(Text::new(T::InspectionErrFindingNumberText)))
}

/// The finding a correction names by its number within the inspection.
pub(super) fn finding_by_number(s: &Session, id: i64, v: &str) -> R<Option<i64>> {
    let Some(no) = number(v)? else {
        return Ok(None);
    };
    s.inspections()
        .detail(id)?
        .findings
        .iter()
        .find(|f| f.no == no)
        .map(|f| Some(f.id))
        .ok_or_else(|| {
            ServiceError::Refused(Text::new(T::InspectionErrFindingNumber).arg("no", no))
        })
}

/// A draw plan as typed.
#[allow(clippy::too_many_arguments)]
pub(super) fn draft(
    s: &Session,
    name: &str,
    region: &str,
    class: &str,
    ratio: &str,
    count: &str,
    listed_offsite: Option<bool>,
    on: &str,
) -> R<PlanDraft> {
    let number = |v: &str| -> R<u32> {
        if v.trim().is_empty() {
            return Ok(0);
        }
        v.trim()
            .parse()
            .map_err(|_| ServiceError::Refused(Text::new(T::DrawErrSize)))
    };
    Ok(PlanDraft {
        name: name.to_string(),
        regions: s.resolve_regions(region)?,
        class: class.to_string(),
        ratio_pct: number(ratio)?,
        count: number(count)?,
        listed_offsite,
        planned_on: super::inspection::date_or_today(s, T::InspectionFieldDate, on)?,
    })
}

/// The recorded facts a new inspection of the enterprise may rest on, as (code, label).
pub(super) fn guard_choices(s: &Session, uscc: &str) -> R<Vec<(String, Text)>> {
    let e = s.enterprises().by_uscc(uscc)?;
    Ok(s.inspections()
        .guard_choices(e.id)?
        .into_iter()
        .map(|o| (o.choice.code(), o.label))
        .collect())
}

/// What a permanent step will do, for the confirmation: signing checks the record now and lists what
/// becomes locked; a draw shows its plan, candidates and count (and says when the count is above the
/// candidates). Anything else is asked as is.
pub(super) fn ask(s: &mut Session, r: InspectionRequest) -> R<(InspectionRequest, Vec<Text>)> {
    match &r {
        InspectionRequest::Transition {
            id,
            event: Event::Sign,
            input,
            ..
        } => {
            let before = s.inspections().get(*id)?;
            next_state(before.state, Event::Sign, input).map_err(ServiceError::Refused)?;
            let facts = s.inspections().sign_facts(*id)?;
            check_signing(&facts, input).map_err(ServiceError::Refused)?;
            let line = lock_summary(&facts, input);
            Ok((r, vec![line]))
        }
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
            let draft = draft(s, name, region, class, ratio, count, *listed_offsite, on)?;
            let preview = s.draws().preview_draft(&draft, officers)?;
            let mut lines = vec![
                Text::new(T::DrawConfirm)
                    .arg("plan", &preview.plan.name)
                    .arg("n", preview.candidates)
                    .arg("excluded", preview.excluded())
                    .arg("k", preview.to_draw)
                    .arg("date", preview.plan.planned_on),
            ];
            if preview.short {
                lines.push(preview.question());
            }
            Ok((r, lines))
        }
        _ => Ok((r, Vec::new())),
    }
}

/// A penalty typed in 元 (up to two decimals) as integer 分; empty is zero.
pub(super) fn yuan_to_fen(v: &str) -> R<i64> {
    let v = v.trim().replace([',', '，'], "");
    if v.is_empty() {
        return Ok(0);
    }
    let bad = || ServiceError::Refused(Text::new(T::InspectionErrPenaltyFormat));
    let (whole, frac) = v.split_once('.').unwrap_or((&v, ""));
    if frac.len() > 2 || whole.is_empty() && frac.is_empty() {
        return Err(bad());
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| bad())?
    };
    let frac: i64 = if frac.is_empty() {
        0
    } else {
        format!("{frac:0<2}").parse().map_err(|_| bad())?
    };
    whole
        .checked_mul(100)
        .and_then(|w| w.checked_add(frac))
        .filter(|f| *f >= 0)
        .ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fines_are_typed_in_yuan_and_kept_in_fen() {
        assert_eq!(yuan_to_fen("").ok(), Some(0));
        assert_eq!(yuan_to_fen("50000").ok(), Some(5_000_000));
        assert_eq!(yuan_to_fen("12,500.5").ok(), Some(1_250_050));
        assert_eq!(yuan_to_fen("0.07").ok(), Some(7));
        assert!(yuan_to_fen("1.234").is_err());
        assert!(yuan_to_fen("-3").is_err());
        assert!(yuan_to_fen("五万").is_err());
        assert!(yuan_to_fen("99999999999999999999").is_err());
    }
}
