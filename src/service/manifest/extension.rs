//! Approved extensions of a receiver's storage (domain.md §3: stock older than one year needs an
//! approved extension, alerted at 11 months). Bureau staff in scope and supervisors record the
//! approval document, the new date and who approved it; the stock-aging alert stays silent until that
//! day. Appended, audited and entered in the manifest's timeline in one transaction.

use crate::domain::account::Action;
use crate::domain::manifest::ManifestState;
use crate::domain::manifest::deadlines::{extension_max, stock_limit};
use crate::domain::time::Day;
use crate::domain::validate::FieldIssue;
use crate::i18n::{T, Text};
use crate::service::manifest::ManifestImage;
use crate::service::write::json;
use crate::service::{Audited, Result, ServiceError};
use crate::store::db;
use crate::store::manifest::extension::{self as ext, StockExtension};
use crate::store::manifest::{self as store, Manifest};
use chrono::NaiveDate;

/// What is typed to record an extension.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExtensionInput {
    /// The approving document's number, e.g. 聊环危延〔2026〕3号.
    pub approval_number: String,
    /// YYYY-MM-DD: storage allowed until this day.
    pub extended_to: String,
    /// The authority or person who approved it.
    pub approved_by: String,
}

fn required(field: &'static str, label: T) -> FieldIssue {
    FieldIssue::error(
        field,
        "required",
        Text::new(T::ErrRequired).arg_key("field", label),
    )
}

impl crate::service::Manifests<'_> {
    /// The extensions recorded for a manifest in scope, oldest first.
    pub fn stock_extensions(&self, id: i64) -> Result<Vec<StockExtension>> {
        self.get(id)?;
        Ok(ext::extensions(&self.conn, id)?)
    }

    /// Whether the actor may record an extension for this manifest now.
    pub fn may_extend_stock(&self, m: &Manifest) -> bool {
        m.state == ManifestState::Received && self.may(Action::ManifestOversee, m, None).is_ok()
    }

    /// Records an approved extension of a received manifest's storage (staff in scope, supervisors).
    pub fn extend_stock(&self, id: i64, input: ExtensionInput) -> Result<Manifest> {
        let m = self.get(id)?;
        self.may(Action::ManifestOversee, &m, None)?;
        if m.state != ManifestState::Received {
            return Err(ServiceError::Refused(
                Text::new(T::ManifestErrExtendState).arg_key("state", m.state.label()),
            ));
        }
        let norm = crate::domain::text::normalize_text;
        let number = norm(&input.approval_number);
        let approved_by = norm(&input.approved_by);
        let mut issues = Vec::new();
        if number.is_empty() {
            issues.push(required("approval_number", T::ManifestFieldExtendNumber));
        }
        let today = self.today();
        let previous = ext::extended_to(&self.conn, id)?;
        // The current limit: a year after receipt, or the latest approved extension; a new one must
        // end later, and at most the policy's maximum beyond it.
        let policy = self.policy();
        let received = m.received_at.map_or(today, |t| t.day().date());
        let limit = stock_limit(&policy, received, previous.map(Day::date));
        let max = extension_max(&policy, limit);
        let until = crate::domain::text::halfwidth(input.extended_to.trim());
        match NaiveDate::parse_from_str(&until, "%Y-%m-%d") {
            Err(_) => issues.push(FieldIssue::error(
                "extended_to",
                "bad_date",
                Text::new(T::ErrDate).arg_key("field", T::ManifestFieldExtendTo),
            )),
            Ok(d) if d <= today => issues.push(FieldIssue::error(
                "extended_to",
                "extend_past",
                Text::new(T::ManifestErrExtendPast)
                    .arg("day", d)
                    .arg("today", today),
            )),
            Ok(d) if d <= limit => issues.push(FieldIssue::error(
                "extended_to",
                "extend_earlier",
                Text::new(T::ManifestErrExtendEarlier)
                    .arg("day", d)
                    .arg("previous", limit),
            )),
            Ok(d) if d > max => issues.push(FieldIssue::error(
                "extended_to",
                "extend_too_far",
                Text::new(T::ManifestErrExtendTooFar)
                    .arg("day", d)
                    .arg("max", max)
                    .arg("months", policy.extend_max_months)
                    .arg("limit", limit),
            )),
            Ok(_) => {}
        }
        if approved_by.is_empty() {
            issues.push(required("approved_by", T::ManifestFieldExtendBy));
        }
        // A day that does not parse is among the issues already.
        let (Ok(until), true) = (
            NaiveDate::parse_from_str(&until, "%Y-%m-%d"),
            issues.is_empty(),
        ) else {
            return Err(ServiceError::Invalid(issues));
        };
        self.write(|w| {
            let actor = w.actor();
            let e = StockExtension {
                uid: db::new_uid(),
                approval_number: number,
                extended_to: Day::new(until),
                approved_by,
                created_at: w.at(),
                created_by: actor.uid.clone(),
            };
            ext::add_extension(w, id, &e)?;
            // The extension row is a record of its own: `check` compares it with this image.
            let row = crate::store::check::rows::row_image(w, "manifest_stock_extension", &e.uid)?;
            w.audit_json(
                "create",
                "manifest_stock_extension",
                &e.uid,
                None,
                row.as_ref(),
            )?;
            crate::store::history::append(
                w,
                crate::store::history::Table::Manifest,
                &crate::store::history::NewRow {
                    id,
                    event: "extend_stock",
                    from: m.state.code(),
                    to: m.state.code(),
                    note: &format!("{} {}", e.approval_number, e.extended_to),
                    at: w.now(),
                    by_uid: &actor.uid,
                    by_name: &actor.display_name,
                },
            )?;
            let after = serde_json::json!({ "manifest": m.uid, "extension": json(&e) });
            w.audit_json(
                "stock_extension",
                ManifestImage::ENTITY,
                &m.uid,
                None,
                Some(&after),
            )?;
            Ok(store::get(w, id)?)
        })
    }
}
