//! The manifest and inspection sections of the supervisors' summary.

use crate::domain::inspection::{Category, Mode};
use crate::domain::manifest::ManifestState;
use crate::domain::report::{Breakdown, Section, Value, breakdown_rows};
use crate::i18n::T;
use crate::service::Result;
use crate::service::report::{figure, labels};
use crate::store::report::{self as store, Bounds, InspectionColumn};

fn tonnes(kg: i64) -> Value {
    Value::Tonnes(kg as f64 / 1000.0)
}

impl crate::service::Reports<'_> {
    pub(crate) fn manifest_section(
        &self,
        region: Option<&str>,
        now: &Bounds,
        before: &Bounds,
    ) -> Result<Section> {
        let c = &self.conn;
        let (n, kg, cross) = store::manifest_totals(c, region, now)?;
        let (pn, pkg, pcross) = store::manifest_totals(c, region, before)?;
        // HW categories are their own labels (HW08, HW49): no list of names to keep in order.
        let categories: Vec<(String, String, String)> = Vec::new();
        let by_category = store::manifest_kg_by_category(c, region, now)?;
        let by_category_before = store::manifest_kg_by_category(c, region, before)?;
        Ok(Section {
            key: "manifests",
            title: T::ReportSecManifests,
            figures: vec![
                figure(
                    "manifests",
                    T::RepMfCount,
                    Value::Count(n),
                    Value::Count(pn),
                ),
                figure("tonnes", T::RepMfTonnes, tonnes(kg), tonnes(pkg)),
                figure(
                    "cross_province",
                    T::RepMfCross,
                    Value::Count(cross),
                    Value::Count(pcross),
                ),
                figure(
                    "with_discrepancy",
                    T::RepMfDiscrepancies,
                    Value::Count(store::manifest_discrepancies(c, region, now)?),
                    Value::Count(store::manifest_discrepancies(c, region, before)?),
                ),
            ],
            breakdowns: vec![
                Breakdown {
                    key: "kg_by_category",
                    title: T::RepMfByCategory,
                    rows: breakdown_rows(&categories, &by_category, Some(&by_category_before)),
                },
                Breakdown {
                    key: "by_state_now",
                    title: T::RepMfByState,
                    rows: breakdown_rows(
                        &labels(
                            ManifestState::ALL,
                            ManifestState::code,
                            ManifestState::label,
                        ),
                        &store::manifest_states(c, region, now)?,
                        None,
                    ),
                },
            ],
        })
    }

    pub(crate) fn inspection_section(
        &self,
        region: Option<&str>,
        now: &Bounds,
        before: &Bounds,
    ) -> Result<Section> {
        let c = &self.conn;
        let today = self.today().format("%Y-%m-%d").to_string();
        let total = |v: &[(String, i64)]| v.iter().map(|(_, n)| n).sum::<i64>();
        let cat_now = store::inspections_by(c, region, now, InspectionColumn::Category)?;
        let cat_before = store::inspections_by(c, region, before, InspectionColumn::Category)?;
        let (orders, overdue) = store::rectifications(c, region, now, &today)?;
        let (porders, poverdue) = store::rectifications(c, region, before, &today)?;
        let (cases, fen) = store::cases(c, region, now)?;
        let (pcases, pfen) = store::cases(c, region, before)?;
        Ok(Section {
            key: "inspections",
            title: T::ReportSecInspections,
            figures: vec![
                figure(
                    "inspections",
                    T::RepInCount,
                    Value::Count(total(&cat_now)),
                    Value::Count(total(&cat_before)),
                ),
                figure(
                    "with_findings",
                    T::RepInFindings,
                    Value::Count(store::inspections_with_findings(c, region, now)?),
                    Value::Count(store::inspections_with_findings(c, region, before)?),
                ),
                figure(
                    "orders",
                    T::RepInOrders,
                    Value::Count(orders),
                    Value::Count(porders),
                ),
                figure(
                    "orders_overdue",
                    T::RepInOrdersOverdue,
                    Value::Count(overdue),
                    Value::Count(poverdue),
                ),
                figure(
                    "cases",
                    T::RepInCases,
                    Value::Count(cases),
                    Value::Count(pcases),
                ),
                figure(
                    "penalties_yuan",
                    T::RepInPenalties,
                    Value::Count(fen / 100),
                    Value::Count(pfen / 100),
                ),
            ],
            breakdowns: vec![
                Breakdown {
                    key: "by_category",
                    title: T::RepInByCategory,
                    rows: breakdown_rows(
                        &labels(Category::ALL, Category::code, Category::label),
                        &cat_now,
                        Some(&cat_before),
                    ),
                },
                Breakdown {
                    key: "by_mode",
                    title: T::RepInByMode,
                    rows: breakdown_rows(
                        &labels(Mode::ALL, Mode::code, Mode::label),
                        &store::inspections_by(c, region, now, InspectionColumn::Mode)?,
                        Some(&store::inspections_by(
                            c,
                            region,
                            before,
                            InspectionColumn::Mode,
                        )?),
                    ),
                },
            ],
        })
    }
}
