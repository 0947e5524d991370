//! The list's filters: region, status, credit, permit class, hazardous-waste class, key-polluter flag,
//! positive-list status (and the home screen's alert, which can only be cleared here).

use crate::domain::enterprise::{Credit, HwClass, KeyFlag, ListStatus, PermitClass, Status};
use crate::i18n::{Lang, T};
use crate::store::enterprise::{Alert, Filter};
use crate::store::reference::Region;
use crate::tui::app::{App, Input};
use crate::tui::draw::{centered, dialog, put, put_fit};
use crate::tui::keymap::Cmd;
use crate::tui::overlays::{Chosen, OverlayOut};
use crate::tui::screens::enterprise::fields::region_label;
use crate::tui::text::width;
use ratatui::Frame;
use ratatui::layout::Rect;

/// One filter row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilterRow {
    Region,
    Status,
    Credit,
    PermitClass,
    HwClass,
    KeyFlag,
    ListStatus,
    Alert,
}

impl FilterRow {
    pub fn label(self) -> T {
        match self {
            FilterRow::Region => T::FieldRegion,
            FilterRow::Status => T::FieldStatus,
            FilterRow::Credit => T::FieldCredit,
            FilterRow::PermitClass => T::FieldPermitClass,
            FilterRow::HwClass => T::FieldHwClass,
            FilterRow::KeyFlag => T::FieldKeyFlags,
            FilterRow::ListStatus => T::FieldListStatus,
            FilterRow::Alert => T::FilterAlert,
        }
    }

    fn slot(self, f: &mut Filter) -> Option<&mut Option<String>> {
        Some(match self {
            FilterRow::Region => &mut f.region,
            FilterRow::Status => &mut f.status,
            FilterRow::Credit => &mut f.credit,
            FilterRow::PermitClass => &mut f.permit_class,
            FilterRow::HwClass => &mut f.hw_class,
            FilterRow::KeyFlag => &mut f.key_flag,
            FilterRow::ListStatus => &mut f.list_status,
            FilterRow::Alert => return None,
        })
    }

    /// (code, label) of every value the row offers.
    pub fn options(self, lang: Lang, regions: &[Region]) -> Vec<(String, String)> {
        match self {
            FilterRow::Region => regions
                .iter()
                .filter(|r| r.kind != "city")
                .map(|r| (r.code.clone(), region_label(r, lang)))
                .collect(),
            FilterRow::Status => Status::options(lang),
            FilterRow::Credit => Credit::options(lang),
            FilterRow::PermitClass => PermitClass::options(lang),
            FilterRow::HwClass => HwClass::options(lang),
            FilterRow::KeyFlag => KeyFlag::options(lang),
            FilterRow::ListStatus => ListStatus::options(lang),
            FilterRow::Alert => Vec::new(),
        }
    }
}

/// The label of a home-screen alert used as a filter.
pub fn alert_label(a: &Alert) -> T {
    match a {
        Alert::PermitExpiring { .. } => T::TaskPermitExpiring,
        Alert::PermitExpired { .. } => T::TaskPermitExpired,
        Alert::NonstandardUscc => T::TaskNonstandardUscc,
        Alert::WarningsAcknowledged => T::TaskWarningsAcknowledged,
    }
}

/// The active filters as `label: value` texts, for the title row.
pub fn summary(f: &Filter, lang: Lang, regions: &[Region]) -> Vec<String> {
    let mut out = Vec::new();
    let mut probe = f.clone();
    for row in FilterRow::ALL {
        if row == FilterRow::Alert {
            if let Some(a) = &f.alert {
                out.push(alert_label(a).get(lang).to_string());
            }
            continue;
        }
        let Some(Some(code)) = row.slot(&mut probe).map(|s| s.clone()) else {
            continue;
        };
        let label = row
            .options(lang, regions)
            .into_iter()
            .find(|(c, _)| *c == code)
            .map(|(_, l)| l)
            .unwrap_or(code);
        out.push(label);
    }
    out
}

impl FilterRow {
    pub const ALL: [FilterRow; 8] = [
        FilterRow::Region,
        FilterRow::Status,
        FilterRow::Credit,
        FilterRow::PermitClass,
        FilterRow::HwClass,
        FilterRow::KeyFlag,
        FilterRow::ListStatus,
        FilterRow::Alert,
    ];
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterState {
    pub draft: Filter,
    pub regions: Vec<Region>,
    pub row: usize,
}

impl FilterState {
    pub fn new(draft: Filter, regions: Vec<Region>) -> FilterState {
        FilterState {
            draft,
            regions,
            row: 0,
        }
    }

    /// The rows shown: the alert row only while an alert filter is set.
    pub fn rows(&self) -> Vec<FilterRow> {
        FilterRow::ALL
            .into_iter()
            .filter(|r| *r != FilterRow::Alert || self.draft.alert.is_some())
            .collect()
    }

    fn step(&mut self, forward: bool) {
        let rows = self.rows();
        let Some(row) = rows.get(self.row).copied() else {
            return;
        };
        let codes: Vec<String> = row
            .options(Lang::Zh, &self.regions)
            .into_iter()
            .map(|(c, _)| c)
            .collect();
        let Some(slot) = row.slot(&mut self.draft) else {
            return;
        };
        // Positions: 0 = all, 1.. = the options.
        let n = codes.len() + 1;
        let pos = slot
            .as_ref()
            .and_then(|v| codes.iter().position(|c| c == v))
            .map_or(0, |i| i + 1);
        let next = if forward {
            (pos + 1) % n
        } else {
            (pos + n - 1) % n
        };
        *slot = (next > 0).then(|| codes[next - 1].clone());
    }

    pub fn on_input(&mut self, input: Input) -> OverlayOut {
        let n = self.rows().len();
        match input {
            Input::Cmd(Cmd::Back) => return OverlayOut::Close,
            Input::Cmd(Cmd::Up) => self.row = self.row.saturating_sub(1),
            Input::Cmd(Cmd::Down) => self.row = (self.row + 1).min(n.saturating_sub(1)),
            Input::Cmd(Cmd::NextValue) => self.step(true),
            Input::Cmd(Cmd::PrevValue) => self.step(false),
            Input::Cmd(Cmd::Clear) => match self.rows().get(self.row) {
                Some(FilterRow::Alert) => {
                    self.draft.alert = None;
                    self.row = self.row.min(n.saturating_sub(2));
                }
                Some(row) => {
                    if let Some(slot) = row.slot(&mut self.draft) {
                        *slot = None;
                    }
                }
                None => {}
            },
            Input::Cmd(Cmd::Submit) => {
                return OverlayOut::ToScreen(Chosen::Filter(Box::new(self.draft.clone())));
            }
            _ => {}
        }
        OverlayOut::Stay(None)
    }

    pub fn render(&self, frame: &mut Frame<'_>, body: Rect, app: &App) {
        let lang = app.lang;
        let theme = app.theme;
        let rows = self.rows();
        let area = centered(body, 60, rows.len() as u16 + 4);
        let inner = dialog(frame, area, T::DialogFilter.get(lang), theme);
        let label_w = rows
            .iter()
            .map(|r| width(r.label().get(lang)))
            .max()
            .unwrap_or(10)
            + 2;
        let mut probe = self.draft.clone();
        for (i, row) in rows.iter().enumerate() {
            let y = inner.y + i as u16;
            put(
                frame,
                inner.x + 1,
                y,
                row.label().get(lang),
                label_w,
                theme.label(),
            );
            let value = match row {
                FilterRow::Alert => self
                    .draft
                    .alert
                    .as_ref()
                    .map(|a| alert_label(a).get(lang).to_string())
                    .unwrap_or_default(),
                _ => {
                    let code = row.slot(&mut probe).and_then(|s| s.clone());
                    match code {
                        None => T::All.get(lang).to_string(),
                        Some(c) => row
                            .options(lang, &self.regions)
                            .into_iter()
                            .find(|(k, _)| *k == c)
                            .map(|(_, l)| l)
                            .unwrap_or(c),
                    }
                }
            };
            let style = if i == self.row {
                theme.selected()
            } else {
                theme.base()
            };
            let vx = inner.x + 1 + label_w as u16;
            let vw = usize::from(inner.right().saturating_sub(vx + 1));
            put_fit(frame, vx, y, &format!("< {value} >"), vw, style);
        }
        put(
            frame,
            inner.x + 1,
            inner.y + inner.height.saturating_sub(1),
            T::FilterHint.get(lang),
            usize::from(inner.width.saturating_sub(2)),
            theme.dim(),
        );
    }
}
