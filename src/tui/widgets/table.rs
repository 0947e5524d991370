//! The table view every list is drawn with: a title bar (tabs or filter on the left, the position
//! `37 / 1,000+` on the right), the `/` find line when in use, a header with the sort mark, the rows
//! of the page around the selection, and a scrollbar. Built on ratatui's `Layout`, `Table` and
//! `Scrollbar`; every width is measured in terminal cells and cut text ends with an ASCII `..`.

use crate::i18n::{Lang, T};
use crate::tui::text::{fit, fit_right, sanitize, width};
use crate::tui::theme::Theme;
use crate::tui::widgets::list_state::Find;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Cell, Paragraph, Row, Scrollbar, ScrollbarOrientation, ScrollbarState, Table,
};

/// Which way a sorted column runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Asc,
    Desc,
}

/// One column: its title, its width constraint, alignment and sort mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub title: String,
    pub width: Constraint,
    pub right: bool,
    pub sort: Option<Dir>,
}

impl Column {
    pub fn new(title: impl Into<String>, width: Constraint) -> Column {
        Column {
            title: title.into(),
            width,
            right: false,
            sort: None,
        }
    }

    /// A column of the given key's words in `lang`.
    pub fn t(title: T, lang: Lang, width: Constraint) -> Column {
        Column::new(title.get(lang), width)
    }

    /// Numbers: aligned right.
    pub fn right(mut self) -> Column {
        self.right = true;
        self
    }

    /// The list is ordered by this column (`dir`), or not (`None`).
    pub fn sorted(mut self, dir: Option<Dir>) -> Column {
        self.sort = dir;
        self
    }
}

/// One row's cells (full text, not yet cut) and how it stands out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableRow {
    pub cells: Vec<String>,
    /// `None`: the plain style; else a warning or error style.
    pub style: Option<Style>,
}

impl TableRow {
    pub fn new(cells: Vec<String>) -> TableRow {
        TableRow { cells, style: None }
    }

    pub fn styled(mut self, style: Option<Style>) -> TableRow {
        self.style = style;
        self
    }
}

/// The first row shown: pages of `room` rows, so PgUp/PgDn turn whole pages and nothing jumps.
pub fn first_shown(selected: usize, room: usize) -> usize {
    let room = room.max(1);
    (selected / room) * room
}

/// The column widths in cells for a table `w` cells wide (one space between columns).
pub fn widths(columns: &[Column], w: u16) -> Vec<usize> {
    let area = Rect::new(0, 0, w, 1);
    Layout::horizontal(columns.iter().map(|c| c.width))
        .spacing(1)
        .split(area)
        .iter()
        .map(|r| usize::from(r.width))
        .collect()
}

/// The parts of a list's body: title bar, find line (when shown) and the table below.
pub struct Areas {
    pub title: Rect,
    pub find: Option<Rect>,
    pub table: Rect,
}

/// Splits a list's body: one title row, the find row when the find is shown, the rest the table.
pub fn areas(body: Rect, find: &Find) -> Areas {
    let find_rows = u16::from(find.shown());
    let [title, find_area, table] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(find_rows),
        Constraint::Min(1),
    ])
    .areas(body);
    Areas {
        title,
        find: find.shown().then_some(find_area),
        table,
    }
}

/// Rows of data a table area shows (less its header).
pub fn room(table: Rect) -> usize {
    usize::from(table.height.saturating_sub(1)).max(1)
}

/// The title bar: `left` (tabs, filter) then `right` (the position) against the right edge.
pub fn title_bar(
    frame: &mut Frame<'_>,
    area: Rect,
    spans: Vec<Span<'static>>,
    right: &str,
    theme: Theme,
) {
    let rw = u16::try_from(width(right) + 1).unwrap_or(0).min(area.width);
    let [left, pos] = Layout::horizontal([Constraint::Min(0), Constraint::Length(rw)]).areas(area);
    let mut line = vec![Span::raw(" ")];
    line.extend(spans);
    frame.render_widget(Paragraph::new(Line::from(line)), left);
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(right.to_string(), theme.dim()))),
        pos,
    );
}

/// Tab labels for the title bar: the current one selected, each with its count when known.
pub fn tab_spans(
    labels: &[(String, Option<String>)],
    current: usize,
    theme: Theme,
) -> Vec<Span<'static>> {
    let mut v = Vec::new();
    for (i, (label, n)) in labels.iter().enumerate() {
        if i > 0 {
            v.push(Span::raw(" "));
        }
        let text = match n {
            Some(n) => format!(" {label} {n} "),
            None => format!(" {label} "),
        };
        let style = if i == current {
            theme.selected()
        } else {
            theme.label()
        };
        v.push(Span::styled(text, style));
    }
    v
}

/// The find line: the label, the field (cursor placed when it has focus) and what it matches.
pub fn find_line(
    frame: &mut Frame<'_>,
    area: Rect,
    find: &Find,
    hint: T,
    lang: Lang,
    theme: Theme,
) -> Option<Position> {
    let label = T::FindLabel.get(lang);
    let lw = u16::try_from(width(label) + 2).unwrap_or(8);
    let [l, field, h] = Layout::horizontal([
        Constraint::Length(lw),
        Constraint::Length(32.min(area.width.saturating_sub(lw))),
        Constraint::Min(0),
    ])
    .spacing(1)
    .areas(area);
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(format!(" {label}"), theme.label()))),
        l,
    );
    let (shown, col) = find.input.view(usize::from(field.width));
    let style = if find.active {
        theme.field_focus()
    } else {
        theme.field()
    };
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            fit(&shown, usize::from(field.width)),
            style,
        ))),
        field,
    );
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            crate::tui::text::truncate(hint.get(lang), usize::from(h.width)),
            theme.dim(),
        ))),
        h,
    );
    find.active
        .then(|| Position::new(field.x + u16::try_from(col).unwrap_or(0), field.y))
}

/// Draws the header, the page of rows around `selected` (rows from `row(i)`), and a scrollbar over
/// `total` rows. `empty` is shown when there are no rows.
#[allow(clippy::too_many_arguments)]
pub fn render(
    frame: &mut Frame<'_>,
    area: Rect,
    theme: Theme,
    columns: &[Column],
    len: usize,
    selected: usize,
    row: &dyn Fn(usize) -> TableRow,
    empty: &str,
) {
    if area.height == 0 || area.width < 4 {
        return;
    }
    let [table_area, bar] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    // One cell of margin on the left, as the rest of the interface.
    let inner = Rect {
        x: table_area.x + 1,
        width: table_area.width.saturating_sub(1),
        ..table_area
    };
    let ws = widths(columns, inner.width);
    let header = Row::new(columns.iter().zip(&ws).map(|(c, w)| {
        let mark = match c.sort {
            Some(Dir::Asc) => " ^",
            Some(Dir::Desc) => " v",
            None => "",
        };
        let title = if mark.is_empty() {
            fit(&c.title, *w)
        } else {
            let t = crate::tui::text::truncate(&c.title, w.saturating_sub(2));
            fit(&format!("{t}{mark}"), *w)
        };
        let style = if c.sort.is_some() {
            theme.heading().add_modifier(Modifier::UNDERLINED)
        } else {
            theme.heading()
        };
        Cell::from(title).style(style)
    }))
    .style(theme.heading());
    let room = room(area);
    let first = first_shown(selected, room);
    let rows: Vec<Row<'_>> = (first..len.min(first + room))
        .map(|i| {
            let r = row(i);
            let cells = columns.iter().zip(&ws).enumerate().map(|(k, (c, w))| {
                let text = sanitize(r.cells.get(k).map(String::as_str).unwrap_or(""));
                Cell::from(if c.right {
                    fit_right(&text, *w)
                } else {
                    fit(&text, *w)
                })
            });
            let style = if i == selected {
                theme.selected()
            } else {
                r.style.unwrap_or(theme.base())
            };
            Row::new(cells).style(style)
        })
        .collect();
    let constraints: Vec<Constraint> = ws
        .iter()
        .map(|w| Constraint::Length(u16::try_from(*w).unwrap_or(0)))
        .collect();
    let shown = rows.len();
    frame.render_widget(
        Table::new(rows, constraints)
            .header(header)
            .column_spacing(1),
        inner,
    );
    if len == 0 {
        let y = inner.y + 1;
        if y < inner.bottom() {
            frame.render_widget(
                Paragraph::new(Line::from(Span::styled(format!(" {empty}"), theme.dim()))),
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
            );
        }
    }
    if len > shown {
        let mut state = ScrollbarState::new(len).position(selected);
        let bar_area = Rect {
            y: bar.y + 1,
            height: bar.height.saturating_sub(1),
            ..bar
        };
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .track_symbol(Some("|"))
                .thumb_symbol("#")
                .track_style(theme.dim())
                .thumb_style(theme.base()),
            bar_area,
            &mut state,
        );
    }
}

/// A row's cells as label/value pairs (the column titles), for the full-text view (`v`).
pub fn full_text(columns: &[Column], row: &TableRow) -> Vec<(String, String)> {
    columns
        .iter()
        .zip(&row.cells)
        .map(|(c, v)| (c.title.clone(), v.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn cols() -> Vec<Column> {
        vec![
            Column::new("编号", Constraint::Length(6)),
            Column::new("企业", Constraint::Min(8)).sorted(Some(Dir::Asc)),
            Column::new("吨", Constraint::Length(5)).right(),
        ]
    }

    fn draw(w: u16, h: u16, len: usize, selected: usize) -> Vec<String> {
        let backend = TestBackend::new(w, h);
        let mut term = Terminal::new(backend).unwrap();
        term.draw(|f| {
            let row = |i: usize| {
                TableRow::new(vec![
                    format!("N{i}"),
                    "聊城市鑫润化工有限公司第二分厂".to_string(),
                    format!("{i}.5"),
                ])
            };
            render(
                f,
                f.area(),
                Theme {
                    mono: true,
                    ascii: true,
                },
                &cols(),
                len,
                selected,
                &row,
                "无",
            );
        })
        .unwrap();
        let buf = term.backend().buffer().clone();
        (0..h)
            .map(|y| {
                let mut s = String::new();
                let mut x = 0;
                while x < w {
                    let sym = buf[(x, y)].symbol();
                    s.push_str(sym);
                    x += u16::try_from(width(sym).max(1)).unwrap_or(1);
                }
                s
            })
            .collect()
    }

    #[test]
    fn cells_are_cut_by_display_width_with_a_marker_and_numbers_align_right() {
        let lines = draw(40, 4, 3, 0);
        assert!(lines[0].contains("企业 ^"), "{lines:?}");
        assert!(lines[1].contains("N0"), "{lines:?}");
        assert!(lines[1].contains(".."), "{lines:?}");
        assert!(lines[1].trim_end().ends_with("0.5"), "{lines:?}");
        for l in &lines {
            assert!(width(l) <= 40, "{l}");
        }
    }

    #[test]
    fn pages_turn_whole_and_a_scrollbar_shows_past_the_page() {
        assert_eq!(first_shown(0, 5), 0);
        assert_eq!(first_shown(7, 5), 5);
        let lines = draw(40, 4, 10, 4);
        assert!(lines[1].contains("N3"), "{lines:?}");
        assert!(lines.iter().skip(1).any(|l| l.ends_with('#')), "{lines:?}");
    }

    #[test]
    fn an_empty_table_says_so() {
        let lines = draw(40, 4, 0, 0);
        assert!(lines[1].contains("无"), "{lines:?}");
    }

    #[test]
    fn a_row_reads_in_full_as_label_value_pairs() {
        let row = TableRow::new(vec!["N1".into(), "很长的名字".into(), "1".into()]);
        let pairs = full_text(&cols(), &row);
        assert_eq!(pairs[1], ("企业".to_string(), "很长的名字".to_string()));
    }
}
