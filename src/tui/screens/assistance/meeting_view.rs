//! Drawing the 圆桌座谈 screens: the meetings list, and a meeting with its participants, the problems
//! raised with each request's state now, and the action bar.

use crate::i18n::{Lang, T};
use crate::tui::app::App;
use crate::tui::draw::{put, put_db, put_fit};
use crate::tui::screens::assistance::meeting::{MeetingDetailState, MeetingListState};
use crate::tui::text::{fit, sanitize};
use ratatui::Frame;
use ratatui::layout::Rect;

/// The region's name in the interface language (the code when unknown).
fn region_name(app: &App, code: &str) -> String {
    app.session
        .as_ref()
        .and_then(|s| s.regions.iter().find(|r| r.code == code))
        .map_or_else(
            || code.to_string(),
            |r| match app.lang {
                Lang::Zh => r.name_zh.clone(),
                Lang::En => r.name_en.clone(),
            },
        )
}

pub fn render_list(frame: &mut Frame<'_>, body: Rect, app: &App, s: &MeetingListState) {
    let lang = app.lang;
    let theme = app.theme;
    let w = usize::from(body.width).saturating_sub(2);
    let fixed = [10usize, 10, 6, 14];
    let topic_w = w.saturating_sub(fixed.iter().sum::<usize>() + 5).max(8);
    let cols = [
        (T::MeetingFieldDate, fixed[0]),
        (T::FieldRegion, fixed[1]),
        (T::MeetingFieldTopic, topic_w),
        (T::MeetingColParticipants, fixed[2]),
        (T::MeetingColProblems, fixed[3]),
    ];
    let line = |values: [String; 5]| {
        let mut out = String::new();
        for ((_, cw), v) in cols.iter().zip(values) {
            out.push_str(&fit(&v, *cw));
            out.push(' ');
        }
        out
    };
    put_fit(
        frame,
        body.x + 1,
        body.y,
        &line(cols.map(|(t, _)| t.get(lang).to_string())),
        w,
        theme.heading(),
    );
    let rows = s.data.as_ref().map_or(&[][..], |d| d.rows.as_slice());
    if rows.is_empty() {
        let text = if s.loading {
            T::MsgLoading
        } else {
            T::MeetingListEmpty
        };
        put(
            frame,
            body.x + 2,
            body.y + 1,
            text.get(lang),
            w,
            theme.dim(),
        );
    }
    let room = usize::from(body.height.saturating_sub(1));
    let first = s.selected.saturating_sub(room.saturating_sub(1));
    for (i, m) in rows.iter().enumerate().skip(first).take(room) {
        let y = body.y + 1 + (i - first) as u16;
        let values = [
            m.date.to_string(),
            region_name(app, &m.region_code),
            sanitize(&m.topic),
            m.participants.to_string(),
            format!("{} ({})", m.problems, m.open_problems),
        ];
        let style = if i == s.selected {
            theme.selected()
        } else {
            theme.base()
        };
        put_fit(frame, body.x + 1, y, &line(values), w, style);
    }
}

/// One line of the meeting view; `Problem(i)` is the i-th problem (selectable).
enum Line {
    Field(T, String),
    Heading(T),
    Text(String),
    Problem(usize, String),
}

fn lines(app: &App, s: &MeetingDetailState) -> Vec<Line> {
    let lang = app.lang;
    let Some(d) = &s.data else {
        return Vec::new();
    };
    let m = &d.detail.meeting;
    let mut v = vec![
        Line::Field(
            T::MeetingFieldDate,
            format!("{}  {}", m.date, region_name(app, &m.region_code)),
        ),
        Line::Field(T::MeetingFieldPlace, m.place.clone()),
        Line::Field(T::MeetingFieldHost, m.host.clone()),
        Line::Field(T::MeetingFieldTopic, m.topic.clone()),
    ];
    if !m.note.is_empty() {
        v.push(Line::Field(T::MeetingFieldNote, m.note.clone()));
    }
    v.push(Line::Heading(T::MeetingSectionParticipants));
    if d.detail.participants.is_empty() {
        v.push(Line::Text(T::MeetingNoParticipants.get(lang).to_string()));
    }
    for p in &d.detail.participants {
        let who = p
            .enterprise_name
            .clone()
            .unwrap_or_else(|| T::MeetingGuest.get(lang).to_string());
        v.push(Line::Text(format!("{who}  {}  {}", p.person, p.role)));
    }
    v.push(Line::Heading(T::MeetingSectionProblems));
    if d.detail.problems.is_empty() {
        v.push(Line::Text(T::MeetingNoProblems.get(lang).to_string()));
    }
    for (i, p) in d.detail.problems.iter().enumerate() {
        let how = if p.linked {
            T::MeetingProblemLinked
        } else {
            T::MeetingProblemNew
        };
        v.push(Line::Problem(
            i,
            format!(
                "{} {} [{}] {} {}",
                p.number,
                p.state.label().get(lang),
                how.get(lang),
                p.enterprise_name,
                p.description
            ),
        ));
    }
    v
}

pub fn render_detail(frame: &mut Frame<'_>, body: Rect, app: &App, s: &MeetingDetailState) {
    let lang = app.lang;
    let theme = app.theme;
    let w = usize::from(body.width).saturating_sub(2);
    if s.data.is_none() {
        put(
            frame,
            body.x + 1,
            body.y + 1,
            T::MsgLoading.get(lang),
            w,
            theme.dim(),
        );
        return;
    }
    let all = lines(app, s);
    let room = usize::from(body.height.saturating_sub(2));
    // Keep the selected problem in view.
    let at = all
        .iter()
        .position(|l| matches!(l, Line::Problem(i, _) if *i == s.problem))
        .unwrap_or(0);
    let top = (at + 1).saturating_sub(room);
    for (i, line) in all.iter().skip(top).take(room).enumerate() {
        let y = body.y + i as u16;
        match line {
            Line::Field(label, value) => {
                put(frame, body.x + 1, y, label.get(lang), 12, theme.label());
                put_db(frame, body.x + 14, y, value, w - 13, theme.base());
            }
            Line::Heading(t) => {
                put(frame, body.x + 1, y, t.get(lang), w, theme.heading());
            }
            Line::Text(t) => {
                put_db(frame, body.x + 3, y, t, w - 2, theme.base());
            }
            Line::Problem(i, t) => {
                let style = if *i == s.problem {
                    theme.selected()
                } else {
                    theme.base()
                };
                put_fit(frame, body.x + 3, y, &sanitize(t), w - 2, style);
            }
        }
    }
    let y = body.bottom().saturating_sub(1);
    let mut x = put(
        frame,
        body.x + 1,
        y,
        T::AssistanceActions.get(lang),
        w,
        theme.label(),
    ) + 1;
    let actions = s.actions();
    if actions.is_empty() {
        put(
            frame,
            x,
            y,
            T::AssistanceNoActions.get(lang),
            w,
            theme.dim(),
        );
    }
    for (i, a) in actions.iter().enumerate() {
        let style = if i == s.action {
            theme.selected()
        } else {
            theme.base()
        };
        x = put(frame, x, y, &format!(" {} ", a.label().get(lang)), w, style) + 1;
    }
}
