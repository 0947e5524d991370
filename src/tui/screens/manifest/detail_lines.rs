//! The lines of a manifest's detail screen: header facts, alerts and deadlines, waste lines, carriers,
//! receipt, discrepancies, a rejection's reason and its follow-ups, extensions and the timeline.

use crate::domain::manifest::rules::ManifestEvent;
use crate::domain::manifest::{ManifestState, PhysForm, format_tonnes};
use crate::domain::time::Minute;
use crate::i18n::{Lang, T, Text};
use crate::tui::screens::manifest::ManifestDetailData;
use crate::tui::text::sanitize;

/// One line of the detail: a labelled field, a section heading, or free text.
pub(super) enum Line {
    Field(T, String),
    Heading(String),
    Text(String),
}

fn opt(t: &Option<Minute>) -> String {
    t.map(|t| t.to_string()).unwrap_or_default()
}

pub(super) fn detail_lines(d: &ManifestDetailData, lang: Lang) -> Vec<Line> {
    let m = &d.detail.manifest;
    let mut v = vec![
        Line::Field(
            T::ManifestColState,
            format!(
                "{}  {}",
                m.state.label().get(lang),
                m.origin.label().get(lang)
            ),
        ),
        Line::Field(T::ManifestFieldGenerator, sanitize(&m.generator_name)),
        Line::Field(
            T::ManifestFieldReceiver,
            format!("{} ({})", sanitize(&m.receiver_name), m.receiver_province),
        ),
        Line::Field(
            T::ManifestFieldLicence,
            format!(
                "{} {}",
                sanitize(&m.licence_number),
                m.handling_mode.label().get(lang)
            ),
        ),
        Line::Field(
            T::ManifestFieldTransferDate,
            format!(
                "{}  {} {}",
                m.transfer_date,
                T::ManifestEdition.get(lang),
                m.edition_label
            ),
        ),
    ];
    if let Some(a) = &d.detail.approval {
        v.push(Line::Field(
            T::ManifestFieldApproval,
            format!(
                "{} {} {}/{} t  {}",
                sanitize(&a.number),
                a.waste_code,
                format_tonnes(a.used_kg),
                format_tonnes(a.approved_kg),
                a.valid_to
            ),
        ));
    }
    for a in &d.detail.alerts {
        v.push(Line::Field(
            T::ManifestColAlert,
            a.label().get(lang).to_string(),
        ));
    }
    if let Some(due) = &d.detail.receipt_due {
        v.push(Line::Field(T::ManifestReceiptDue, due.date.to_string()));
    }
    if let Some(due) = &d.detail.backfill_due {
        v.push(Line::Field(T::ManifestBackfillDue, due.date.to_string()));
    }
    if !m.warnings.is_empty() {
        v.push(Line::Field(T::ManifestWarningsAcked, m.warnings.clone()));
    }
    v.push(Line::Heading(
        Text::new(T::ManifestSectionLines)
            .arg("total", format_tonnes(m.total_kg))
            .render(lang),
    ));
    for l in &d.detail.lines {
        let received = l
            .received_kg
            .map(|k| format!(" -> {}", format_tonnes(k)))
            .unwrap_or_default();
        // The figures first, the long name last, so truncation never hides a quantity.
        let form = PhysForm::parse(&l.form).map_or(l.form.as_str(), |f| f.label().get(lang));
        v.push(Line::Text(format!(
            "{}. {} [{}] {} {} t{} {}x{} {}",
            l.seq,
            l.code,
            l.hazard,
            form,
            format_tonnes(l.quantity_kg),
            received,
            l.containers,
            sanitize(&l.packaging),
            sanitize(&l.name)
        )));
    }
    v.push(Line::Heading(T::ManifestSectionLegs.get(lang).to_string()));
    for leg in &d.detail.legs {
        let c = &leg.carrier;
        v.push(Line::Text(format!(
            "{}. {} {} {} {}",
            leg.seq,
            sanitize(&c.carrier_name),
            sanitize(&c.plate),
            sanitize(&c.driver),
            sanitize(&c.escort)
        )));
        let times = [
            (T::ManifestFieldDepartedAt, opt(&leg.departed_at)),
            (T::ManifestFieldHandoverAt, opt(&leg.handover_at)),
            (T::ManifestFieldArrivedAt, opt(&leg.arrived_at)),
        ];
        let shown: Vec<String> = times
            .iter()
            .filter(|(_, t)| !t.is_empty())
            .map(|(l, t)| format!("{} {t}", l.get(lang)))
            .collect();
        if !shown.is_empty() || !leg.handover_place.is_empty() {
            v.push(Line::Text(format!(
                "   {} {}",
                shown.join("  "),
                sanitize(&leg.handover_place)
            )));
        }
    }
    if m.received_at.is_some() {
        v.push(Line::Field(
            T::ManifestFieldReceivedAt,
            format!(
                "{}  {} t  {}",
                opt(&m.received_at),
                m.received_kg.map(format_tonnes).unwrap_or_default(),
                m.decision.map(|d| d.label().get(lang)).unwrap_or("")
            ),
        ));
    }
    if !d.detail.discrepancies.is_empty() {
        v.push(Line::Heading(
            T::ManifestSectionDiscrepancies.get(lang).to_string(),
        ));
        for x in &d.detail.discrepancies {
            v.push(Line::Text(format!(
                "{}. {}: {} / {}",
                x.line_seq,
                x.kind.label().get(lang),
                sanitize(&x.declared),
                sanitize(&x.measured)
            )));
            v.push(Line::Text(
                Text::new(T::ManifestToldLine)
                    .arg("generator", x.told_generator_at)
                    .arg("bureau", x.told_bureau_at)
                    .render(lang),
            ));
        }
    }
    if !d.detail.extensions.is_empty() {
        v.push(Line::Heading(
            T::ManifestSectionExtensions.get(lang).to_string(),
        ));
        for x in &d.detail.extensions {
            v.push(Line::Text(
                Text::new(T::ManifestExtensionLine)
                    .arg("number", sanitize(&x.approval_number))
                    .arg("until", x.extended_to)
                    .arg("by", sanitize(&x.approved_by))
                    .render(lang),
            ));
        }
    }
    if !m.handling_code.is_empty() {
        v.push(Line::Field(
            T::ManifestFieldHandlingCode,
            m.handling_code.clone(),
        ));
    }
    if let Some(r) = m.reject_reason {
        v.push(Line::Field(
            T::ManifestFieldRejectReason,
            format!("{}  {}", r.label().get(lang), sanitize(&m.reject_note)),
        ));
    }
    for (_, number, state) in &d.detail.follow_ups {
        v.push(Line::Field(
            T::ManifestFieldFollowUps,
            format!("{}  {}", number, state.label().get(lang)),
        ));
    }
    if let Some(of) = &d.detail.follow_up_of {
        v.push(Line::Field(T::ManifestFieldFollowUpOf, of.clone()));
    }
    if !m.cancel_reason.is_empty() {
        v.push(Line::Field(
            T::ManifestFieldReason,
            sanitize(&m.cancel_reason),
        ));
    }
    v.push(Line::Heading(
        T::ManifestSectionTimeline.get(lang).to_string(),
    ));
    for h in &d.detail.history {
        let event = ManifestEvent::parse(&h.event);
        let label = match event {
            Some(e) => e.label().get(lang).to_string(),
            None if h.event == "extend_stock" => T::ManifestActionExtendStock.get(lang).to_string(),
            None => T::ManifestEventCreate.get(lang).to_string(),
        };
        let to = ManifestState::parse(&h.to_state)
            .map(|s| s.label().get(lang).to_string())
            .unwrap_or_default();
        // A decision is stored as its code and shown in the chosen language.
        let note = match (event, crate::domain::manifest::Decision::parse(&h.note)) {
            (Some(ManifestEvent::Decide), Some(dec)) => dec.label().get(lang).to_string(),
            _ => sanitize(&h.note),
        };
        v.push(Line::Text(format!(
            "{} {} {} -> {} {}",
            h.at.local(),
            sanitize(&h.by_name),
            label,
            to,
            note
        )));
    }
    v
}
