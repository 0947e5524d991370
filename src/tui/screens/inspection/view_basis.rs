//! The detail screen's "basis and recusal" section: the recorded fact an on-site check rests on, the act
//! behind a case (《行政处罚法》第三十六条) and supervisors' recusal decisions (第四十三条).

use crate::i18n::{Lang, T, Text};
use crate::tui::screens::inspection::InspectionDetailData;
use crate::tui::screens::inspection::view::Line;

/// The basis of the check (its guard link), the act behind a case and the recusal decisions.
pub(super) fn basis_lines(d: &InspectionDetailData, lang: Lang, v: &mut Vec<Line>) {
    let x = &d.detail;
    if x.guard_link.is_none() && x.act.is_none() && x.recusal_decisions.is_empty() {
        return;
    }
    v.push(Line::Heading(T::InspectionSectionBasis));
    if let Some(l) = &x.guard_link {
        v.push(Line::Field(
            T::InspectionFieldGuard,
            crate::service::inspection::guard::link_label(l).render(lang),
        ));
    }
    if let Some(a) = &x.act {
        let text = match a.on {
            Some(on) => Text::new(T::InspectionActLine)
                .arg("date", on)
                .arg(
                    "continuing",
                    if a.continuing {
                        T::InspectionActContinuingMark.get(lang)
                    } else {
                        ""
                    },
                )
                .arg("years", if a.five_year { 5 } else { 2 })
                .render(lang),
            None => T::InspectionActMissingMark.get(lang).to_string(),
        };
        v.push(Line::Field(T::InspectionFieldAct, text));
    }
    for r in &x.recusal_decisions {
        v.push(Line::Text(
            Text::new(T::InspectionRecusalLine)
                .arg("officer", &r.officer_name)
                .arg("by", &r.decided_by_name)
                .arg("at", r.decided_at.local())
                .arg("reason", &r.reason)
                .render(lang),
        ));
    }
}
