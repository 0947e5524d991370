//! The detail pane every record view is drawn with: sections of label/value rows and free text, long
//! values wrapped (never cut) under their value column, scrolled with Up/Down, PgUp/PgDn and
//! Home/End, and a "more below" mark on the last row while lines remain under the fold.

use crate::i18n::{Lang, T, Text};
use crate::tui::keymap::Cmd;
use crate::tui::text::{sanitize, width, wrap};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// One item of a pane. Text is drawn as given after `sanitize`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// A section title.
    Heading(String),
    /// A label and its value; the value wraps under itself.
    Field(String, String),
    /// A line of free text (a timeline entry, a waste line), wrapped with an indent.
    Text(String),
    Blank,
}

impl Item {
    /// A field labelled by a key in `lang`.
    pub fn field(label: T, lang: Lang, value: impl Into<String>) -> Item {
        Item::Field(label.get(lang).to_string(), value.into())
    }

    pub fn heading(label: T, lang: Lang) -> Item {
        Item::Heading(label.get(lang).to_string())
    }
}

/// Widest label column (cells); longer labels wrap.
const LABEL_MAX: usize = 16;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Heading,
    Label,
    Value,
    Text,
}

/// One screen row of the laid-out pane: (label part, value part).
type Laid = Vec<(Kind, String, Kind, String)>;

/// The label column's width for these items in a pane `w` cells wide.
fn label_width(items: &[Item], w: usize) -> usize {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Field(l, _) => Some(width(l)),
            _ => None,
        })
        .max()
        .unwrap_or(0)
        .min(LABEL_MAX)
        .min(w / 3)
}

/// Lays the items out in rows `w` cells wide (one cell of margin on the left).
fn lay_out(items: &[Item], w: usize) -> Laid {
    let w = w.saturating_sub(1).max(8);
    let lw = label_width(items, w);
    let mut out: Laid = Vec::new();
    for item in items {
        match item {
            Item::Heading(t) => {
                for part in wrap(&sanitize(t), w) {
                    out.push((Kind::Heading, part, Kind::Text, String::new()));
                }
            }
            Item::Field(label, value) => {
                let labels = wrap(&sanitize(label), lw.max(1));
                let values: Vec<String> = sanitize(value)
                    .split('\n')
                    .flat_map(|p| wrap(p, w.saturating_sub(lw + 1).max(4)))
                    .collect();
                for k in 0..labels.len().max(values.len()) {
                    out.push((
                        Kind::Label,
                        labels.get(k).cloned().unwrap_or_default(),
                        Kind::Value,
                        values.get(k).cloned().unwrap_or_default(),
                    ));
                }
            }
            Item::Text(t) => {
                for part in wrap(&sanitize(t), w.saturating_sub(2).max(4)) {
                    out.push((Kind::Text, format!("  {part}"), Kind::Text, String::new()));
                }
            }
            Item::Blank => out.push((Kind::Text, String::new(), Kind::Text, String::new())),
        }
    }
    out
}

/// How many rows the items take in a pane `w` cells wide.
pub fn height(items: &[Item], w: u16) -> usize {
    lay_out(items, usize::from(w)).len()
}

/// The body of the screen for a terminal of `size` (rows 1 to 3 from the bottom), as `render::draw`
/// lays it out: what a pane filling the body may use.
pub fn body(size: (u16, u16)) -> Rect {
    let (w, h) = (size.0.max(80), size.1.max(24));
    Rect::new(0, 1, w, h - 3)
}

/// The pane of a record view whose last `bar` rows hold its action bar (and a blank row above it).
pub fn pane_above(body: Rect, bar: u16) -> Rect {
    Rect {
        height: body.height.saturating_sub(bar + 1),
        ..body
    }
}

/// The scroll position of a pane.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scroll {
    pub top: usize,
}

/// The rows of content a pane `room` rows high shows for `lines` rows: one less when the mark is shown.
fn content_room(lines: usize, room: usize) -> usize {
    if lines > room {
        room.saturating_sub(1).max(1)
    } else {
        room
    }
}

/// The largest useful top row.
pub fn max_top(lines: usize, room: usize) -> usize {
    lines.saturating_sub(content_room(lines, room))
}

impl Scroll {
    /// Scrolls for a move command over `lines` rows in a pane `room` rows high; whether it was one.
    pub fn on_cmd(&mut self, cmd: Cmd, lines: usize, room: usize) -> bool {
        let max = max_top(lines, room);
        let page = content_room(lines, room).saturating_sub(1).max(1);
        self.top = match cmd {
            Cmd::Up => self.top.min(max).saturating_sub(1),
            Cmd::Down => (self.top + 1).min(max),
            Cmd::PageUp => self.top.min(max).saturating_sub(page),
            Cmd::PageDown => (self.top + page).min(max),
            Cmd::First => 0,
            Cmd::Last => max,
            _ => return false,
        };
        true
    }
}

/// Draws the items in `area` from the scroll position, with a "more below" mark on the last row while
/// rows remain under it.
pub fn render(
    frame: &mut Frame<'_>,
    area: Rect,
    items: &[Item],
    scroll: Scroll,
    lang: Lang,
    theme: Theme,
) {
    if area.height == 0 {
        return;
    }
    let laid = lay_out(items, usize::from(area.width));
    let room = usize::from(area.height);
    let shown = content_room(laid.len(), room);
    let top = scroll.top.min(max_top(laid.len(), room));
    let lw = label_width(items, usize::from(area.width).saturating_sub(1).max(8));
    let style = |k: Kind| match k {
        Kind::Heading => theme.heading(),
        Kind::Label => theme.label(),
        Kind::Value | Kind::Text => theme.base(),
    };
    let mut lines: Vec<Line<'_>> = laid
        .iter()
        .skip(top)
        .take(shown)
        .map(|(k1, a, k2, b)| {
            let mut spans = vec![Span::raw(" ")];
            if *k1 == Kind::Label {
                spans.push(Span::styled(crate::tui::text::fit(a, lw), style(*k1)));
                spans.push(Span::raw(" "));
                spans.push(Span::styled(b.clone(), style(*k2)));
            } else {
                spans.push(Span::styled(a.clone(), style(*k1)));
            }
            Line::from(spans)
        })
        .collect();
    let below = laid.len().saturating_sub(top + shown);
    if below > 0 {
        let mark = Text::new(T::DetailMoreBelow).arg("n", below).render(lang);
        lines.push(Line::from(Span::styled(format!(" {mark}"), theme.dim())));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn items() -> Vec<Item> {
        vec![
            Item::Heading("基本信息".into()),
            Item::Field(
                "许可范围".into(),
                "HW06,HW08,HW09,HW11,HW12,HW13,HW17,HW18,HW49".into(),
            ),
            Item::Field("名称".into(), "聊城".into()),
            Item::Text("2026-12-01 张三 受理 -> 已受理".into()),
        ]
    }

    fn draw(items: &[Item], w: u16, h: u16, scroll: Scroll) -> Vec<String> {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| render(f, f.area(), items, scroll, Lang::Zh, Theme::default()))
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
    fn long_values_wrap_under_their_column_and_nothing_is_cut() {
        let lines = draw(&items(), 30, 10, Scroll::default());
        let all = lines.join("");
        assert!(all.contains("HW49"), "{lines:?}");
        assert!(!all.contains(".."), "{lines:?}");
        // The continuation starts under the value, not under the label.
        let col = |l: &str, pat: &str| l.find(pat).map(|i| width(&l[..i]));
        assert_eq!(col(&lines[1], "HW06"), col(&lines[2], "HW12"), "{lines:?}");
    }

    #[test]
    fn a_mark_tells_of_rows_below_and_scrolling_reaches_the_last_row() {
        let v = items();
        let lines = draw(&v, 30, 3, Scroll::default());
        assert!(lines[2].contains("还有"), "{lines:?}");
        let total = height(&v, 30);
        let mut s = Scroll::default();
        assert!(s.on_cmd(Cmd::Last, total, 3));
        let lines = draw(&v, 30, 3, s);
        assert!(lines.join("").contains("受理"), "{lines:?}");
        assert!(!lines.join("").contains("还有"), "{lines:?}");
        assert!(s.on_cmd(Cmd::Down, total, 3));
        assert_eq!(s.top, max_top(total, 3));
        assert!(s.on_cmd(Cmd::Up, total, 3));
        assert_eq!(s.top, max_top(total, 3) - 1);
        assert!(!s.on_cmd(Cmd::Open, total, 3));
    }
}
