//! Drawing the enterprise list: search line, column header, one page of rows, and from 120 columns a
//! side panel with more of the selected record.

use crate::domain::enterprise::{Credit, Enterprise, Status, label_of};
use crate::i18n::{Lang, T};
use crate::store::enterprise::Sort;
use crate::store::reference::Region;
use crate::tui::app::App;
use crate::tui::draw::{put, put_db, put_fit};
use crate::tui::render::cursor_at;
use crate::tui::screens::enterprise::detail_view::profile_lines;
use crate::tui::screens::enterprise::fields::region_name;
use crate::tui::screens::enterprise::list::ListState;
use crate::tui::text::{fit, sanitize, wrap};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;

/// The words for an order, for the title row.
pub fn sort_label(sort: Sort) -> T {
    match sort {
        Sort::Name => T::SortName,
        Sort::Uscc => T::SortUscc,
        Sort::Region => T::SortRegion,
        Sort::Status => T::SortStatus,
    }
}

/// From this width a side panel shows the selected record.
pub const SIDE_PANEL_FROM: u16 = 120;
const SIDE_PANEL_W: u16 = 40;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Col {
    Name,
    Uscc,
    Region,
    Status,
    Credit,
    PermitExpiry,
}

impl Col {
    fn title(self) -> T {
        match self {
            Col::Name => T::FieldName,
            Col::Uscc => T::ColUscc,
            Col::Region => T::ColRegion,
            Col::Status => T::ColStatus,
            Col::Credit => T::ColCredit,
            Col::PermitExpiry => T::ColPermitExpiry,
        }
    }

    /// Whether the list is ordered by this column.
    fn sorted_by(self, sort: Sort) -> bool {
        matches!(
            (self, sort),
            (Col::Name, Sort::Name)
                | (Col::Uscc, Sort::Uscc)
                | (Col::Region, Sort::Region)
                | (Col::Status, Sort::Status)
        )
    }

    fn value(self, e: &Enterprise, lang: Lang, regions: &[Region]) -> String {
        match self {
            Col::Name => sanitize(&e.name),
            Col::Uscc if e.uscc_nonstandard_reason.is_some() => format!("{}!", sanitize(&e.uscc)),
            Col::Uscc => sanitize(&e.uscc),
            Col::Region => region_name(&e.region_code, regions, lang),
            Col::Status => label_of(&e.status, Status::parse, Status::label, lang),
            Col::Credit => label_of(&e.credit, Credit::parse, Credit::label, lang),
            Col::PermitExpiry => crate::domain::time::day_text(e.permit_expiry),
        }
    }
}

/// Columns and their widths for a table `w` cells wide; the name takes what is left. English labels
/// are longer than Chinese ones, so the coded columns are wider there.
fn columns(w: usize, lang: Lang) -> Vec<(Col, usize)> {
    let (region, status, credit) = match lang {
        Lang::Zh => (10, 6, 6),
        Lang::En => (12, 9, 6),
    };
    let mut cols = vec![
        (Col::Uscc, 19),
        (Col::Region, region),
        (Col::Status, status),
        (Col::Credit, credit),
    ];
    if w >= 100 {
        cols.push((Col::PermitExpiry, 10));
    }
    let fixed: usize = cols.iter().map(|(_, n)| n + 1).sum();
    cols.insert(0, (Col::Name, w.saturating_sub(fixed + 1).max(10)));
    cols
}

pub fn render(frame: &mut Frame<'_>, body: Rect, app: &App, s: &ListState) -> Option<Position> {
    let lang = app.lang;
    let theme = app.theme;
    let regions = app
        .session
        .as_ref()
        .map(|s| s.regions.as_slice())
        .unwrap_or(&[]);
    let panel = body.width >= SIDE_PANEL_FROM;
    let table_w = usize::from(if panel {
        body.width - SIDE_PANEL_W - 1
    } else {
        body.width
    });

    // Search line.
    let label = T::SearchLabel.get(lang);
    let x = put(frame, body.x + 1, body.y, label, 30, theme.label()) + 1;
    let field_w = 30.min(table_w.saturating_sub(usize::from(x) + 2));
    let (shown, col) = s.search.view(field_w);
    let style = if s.searching {
        theme.field_focus()
    } else {
        theme.field()
    };
    put_fit(frame, x, body.y, &shown, field_w, style);
    let hx = x + field_w as u16 + 2;
    put(
        frame,
        hx,
        body.y,
        T::SearchHint.get(lang),
        table_w.saturating_sub(usize::from(hx)),
        theme.dim(),
    );

    // Header and rows.
    // Header; the column the list is ordered by is underlined (it survives the mono theme).
    let cols = columns(table_w - 1, lang);
    put_fit(
        frame,
        body.x + 1,
        body.y + 1,
        "",
        table_w - 1,
        theme.heading(),
    );
    let mut hx = body.x + 1;
    for (c, w) in &cols {
        let style = if c.sorted_by(s.filter.sort) {
            theme.heading().add_modifier(Modifier::UNDERLINED)
        } else {
            theme.heading()
        };
        put(frame, hx, body.y + 1, c.title().get(lang), *w, style);
        hx += *w as u16 + 1;
    }
    let first_row = body.y + 2;
    if s.rows.is_empty() {
        let text = if s.loading {
            T::MsgLoading
        } else {
            T::ListEmpty
        };
        put(
            frame,
            body.x + 2,
            first_row,
            text.get(lang),
            table_w,
            theme.dim(),
        );
    }
    for (i, e) in s.rows.iter().enumerate() {
        let y = first_row + i as u16;
        if y >= body.bottom() {
            break;
        }
        let mut line = String::new();
        for (c, w) in &cols {
            line.push_str(&fit(&c.value(e, lang, regions), *w));
            line.push(' ');
        }
        let style = if i == s.selected {
            theme.selected()
        } else {
            theme.base()
        };
        put_fit(frame, body.x + 1, y, &line, table_w - 1, style);
    }

    if panel && let Some(e) = s.selected_row() {
        side_panel(frame, body, app, e);
    }
    s.searching.then(|| cursor_at(x, body.y, col))
}

fn side_panel(frame: &mut Frame<'_>, body: Rect, app: &App, e: &Enterprise) {
    let theme = app.theme;
    let x = body.right() - SIDE_PANEL_W;
    for y in body.y..body.bottom() {
        put(frame, x - 1, y, "|", 1, theme.dim());
    }
    let w = usize::from(SIDE_PANEL_W) - 1;
    let name = wrap(&sanitize(&e.name), w);
    for (i, line) in name.iter().take(2).enumerate() {
        put(frame, x + 1, body.y + i as u16, line, w, theme.heading());
    }
    let lines = profile_lines(e, app.lang, app.session.as_ref());
    let label_w = lines
        .iter()
        .map(|(l, _)| crate::tui::text::width(l))
        .max()
        .unwrap_or(16)
        .min(w / 2)
        + 1;
    for (i, (label, value)) in lines.iter().skip(1).enumerate() {
        let y = body.y + 3 + i as u16;
        if y >= body.bottom() {
            break;
        }
        put(frame, x + 1, y, label, label_w, theme.label());
        put_db(
            frame,
            x + 1 + label_w as u16,
            y,
            value,
            w - label_w,
            theme.base(),
        );
    }
}
