//! Small drawing helpers shared by screens and dialogs: text at a position cut to a width, boxes
//! with the theme's borders, centred dialog areas.

use crate::tui::text::{fit, sanitize, truncate, width};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Clear};

/// Writes `s` at (x, y), cut to `max` cells (with `..`) and never past the area's right edge.
/// Returns the column after the text.
pub fn put(frame: &mut Frame<'_>, x: u16, y: u16, s: &str, max: usize, style: Style) -> u16 {
    let area = frame.area();
    if y >= area.bottom() || x >= area.right() {
        return x;
    }
    let room = usize::from(area.right() - x).min(max);
    let t = truncate(s, room);
    frame.buffer_mut().set_stringn(x, y, &t, room, style);
    x + u16::try_from(width(&t)).unwrap_or(0)
}

/// Like [`put`], padded with spaces to exactly `cells` (so a style covers the whole width).
pub fn put_fit(frame: &mut Frame<'_>, x: u16, y: u16, s: &str, cells: usize, style: Style) {
    let area = frame.area();
    if y >= area.bottom() || x >= area.right() {
        return;
    }
    let room = usize::from(area.right() - x).min(cells);
    frame
        .buffer_mut()
        .set_stringn(x, y, fit(s, room), room, style);
}

/// Text from the database, sanitised, then placed like [`put`].
pub fn put_db(frame: &mut Frame<'_>, x: u16, y: u16, s: &str, max: usize, style: Style) -> u16 {
    put(frame, x, y, &sanitize(s), max, style)
}

/// A `w` x `h` rectangle centred in `area` (shrunk to fit).
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Clears `area` and draws a bordered box titled `title`; returns the inside.
pub fn dialog(frame: &mut Frame<'_>, area: Rect, title: &str, theme: Theme) -> Rect {
    frame.render_widget(Clear, area);
    // A wide character just left of the box would still cover its left border: blank it.
    if area.x > 0 {
        let buf = frame.buffer_mut();
        for y in area.y..area.bottom() {
            let cell = &mut buf[(area.x - 1, y)];
            if width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
    }
    let title = format!(
        " {} ",
        truncate(title, usize::from(area.width.saturating_sub(6)))
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border_set())
        .title(title)
        .title_style(theme.heading());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}
