//! What a submit asks to confirm besides the rules (issue 19): a line heavier per container than the
//! plausibility setting, and a manifest that would take the receiver's licence past what is left of
//! its annual capacity. Both are warnings: the generator may confirm them, and the codes are kept.

use crate::domain::manifest::format_tonnes;
use crate::domain::validate::FieldIssue;
use crate::i18n::{T, Text};
use crate::service::Result;
use crate::service::manifest::Prepared;

impl crate::service::Manifests<'_> {
    /// The warnings of a submit for the manifest `id` as prepared.
    pub(in crate::service) fn plausibility(
        &self,
        p: &Prepared,
        id: i64,
    ) -> Result<Vec<FieldIssue>> {
        let max = self.policy().container_max_kg.max(1);
        let mut issues = Vec::new();
        for l in &p.lines {
            let count = l.containers.max(1);
            let each = l.quantity_kg / count;
            if each > max {
                issues.push(FieldIssue::warning(
                    "line.quantity",
                    "container_plausible",
                    Text::new(T::ManifestWarnContainerPlausible)
                        .arg("n", l.seq)
                        .arg("qty", format_tonnes(l.quantity_kg))
                        .arg("containers", l.containers)
                        .arg("each", format_tonnes(each))
                        .arg("max", format_tonnes(max)),
                ));
            }
        }
        let l = &p.licence;
        let year = chrono::Datelike::year(&p.day.date());
        let used = crate::store::manifest::reference::licence_received_kg(
            &self.conn,
            l.id,
            &year.to_string(),
            id,
        )?;
        let this: i64 = p.lines.iter().map(|x| x.quantity_kg).sum();
        if used.saturating_add(this) > l.capacity_kg {
            issues.push(FieldIssue::warning(
                "licence",
                "licence_capacity_left",
                Text::new(T::ManifestWarnLicenceCapacity)
                    .arg("number", &l.number)
                    .arg("capacity", format_tonnes(l.capacity_kg))
                    .arg("year", year)
                    .arg("used", format_tonnes(used))
                    .arg("left", format_tonnes((l.capacity_kg - used).max(0)))
                    .arg("this", format_tonnes(this)),
            ));
        }
        Ok(issues)
    }
}
