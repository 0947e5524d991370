//! 业务汇总报表: choose the period, the region and the format, name the file, and write the summary.
//! The period defaults to last quarter; the file name follows the choices until the person edits it.

use crate::domain::report::Period;
use crate::export::summary::SummaryFormat;
use crate::i18n::{Lang, T, Text};
use crate::service::report::job::SummaryProgress;
use crate::tui::app::{App, Env, Input, Message, Nav, Out, Screen};
use crate::tui::draw::{put, put_fit};
use crate::tui::input::TextInput;
use crate::tui::keymap::Cmd;
use crate::tui::msg::Effect;
use crate::tui::render::cursor_at;
use crate::tui::screens::enterprise::fields::region_label;
use crate::tui::screens::{edit_text, paste_into};
use crate::tui::text::wrap;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};

/// What the report screen asks the runtime to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReportEffect {
    /// The default period of the report screen from the session's clock.
    Defaults,
    /// Compute the summary and write it to `file`.
    ExportSummary {
        period: Period,
        region: Option<String>,
        format: SummaryFormat,
        file: std::path::PathBuf,
        lang: Lang,
    },
    /// Stop the summary running in the background (Esc on the report screen).
    Cancel,
}

/// What the runtime answers the report screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReportMsg {
    /// The report screen's default period (last quarter), as typed in the period field.
    Defaults(String),
    /// The summary was written (naming the file) or refused (with the reason).
    Done(Result<Text, Text>),
    /// How far the summary running in the background has got.
    Progress(SummaryProgress),
}

/// The fields, in focus order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportField {
    Period,
    Region,
    Format,
    File,
}

const FIELDS: [ReportField; 4] = [
    ReportField::Period,
    ReportField::Region,
    ReportField::Format,
    ReportField::File,
];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportState {
    pub period: TextInput,
    /// (region code, label); `None` is the whole city, offered only to city-level accounts.
    pub regions: Vec<(Option<String>, String)>,
    pub region: usize,
    pub format: usize,
    pub file: TextInput,
    /// Once the person types a file name, choices no longer rename it.
    pub file_edited: bool,
    pub focus: usize,
    pub running: bool,
    /// How far the running summary has got, from the background job.
    pub step: Option<SummaryProgress>,
    /// Esc was pressed while running; the result (cancelled, or written if it was too late) follows.
    pub cancelling: bool,
    /// The last result, kept on screen: the written file or why not.
    pub result: Option<Result<Text, Text>>,
}

impl ReportState {
    pub fn open(env: &mut Env<'_>) -> Out {
        let lang = env.lang;
        let mut regions = Vec::new();
        if let Some(s) = env.session {
            match &s.actor.region {
                Some(own) => {
                    let name = s
                        .regions
                        .iter()
                        .find(|r| &r.code == own)
                        .map_or(own.clone(), |r| region_label(r, lang));
                    regions.push((Some(own.clone()), name));
                }
                None => {
                    regions.push((None, T::ReportWholeCity.get(lang).to_string()));
                    regions.extend(
                        s.regions
                            .iter()
                            .map(|r| (Some(r.code.clone()), region_label(r, lang))),
                    );
                }
            }
        }
        let state = ReportState {
            period: TextInput::default(),
            regions,
            region: 0,
            format: 0,
            file: TextInput::default(),
            file_edited: false,
            focus: 0,
            running: false,
            step: None,
            cancelling: false,
            result: None,
        };
        Out::nav(Nav::Push(Screen::Report(Box::new(state))))
            .with_effect(Effect::Report(ReportEffect::Defaults))
    }

    pub fn field(&self) -> ReportField {
        FIELDS[self.focus.min(FIELDS.len() - 1)]
    }

    pub fn format(&self) -> SummaryFormat {
        SummaryFormat::ALL[self.format % SummaryFormat::ALL.len()]
    }

    fn region_code(&self) -> Option<String> {
        self.regions.get(self.region).and_then(|(c, _)| c.clone())
    }

    /// `summary-2026-Q3-371525.xlsx`, from the current choices; a period typed in Chinese
    /// (2026年第3季度) is named by its canonical form.
    fn suggested_file(&self) -> String {
        let typed = self.period.value().trim();
        let period: String = Period::parse(typed)
            .map(|p| p.code())
            .unwrap_or_else(|_| typed.to_string())
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let region = self.region_code().unwrap_or_else(|| "city".to_string());
        format!("summary-{period}-{region}.{}", self.format().extension())
    }

    fn follow_choices(&mut self) {
        if !self.file_edited {
            let name = self.suggested_file();
            self.file.set(&name);
        }
    }

    /// The runtime's default period (last quarter, from the session's clock).
    pub fn defaults(&mut self, period: String) -> Out {
        if self.period.is_empty() {
            self.period.set(&period);
            self.follow_choices();
        }
        Out::default()
    }

    pub fn on_input(&mut self, env: &mut Env<'_>, input: Input) -> Out {
        if self.running {
            if matches!(input, Input::Cmd(Cmd::Back)) && !self.cancelling {
                self.cancelling = true;
                return Out::effect(Effect::Report(ReportEffect::Cancel))
                    .with_message(Message::progress(T::ReportCancelling));
            }
            return Out::default();
        }
        match input {
            Input::Cmd(Cmd::Back) => return Out::nav(Nav::Pop),
            Input::Cmd(Cmd::NextField) => self.focus = (self.focus + 1) % FIELDS.len(),
            Input::Cmd(Cmd::PrevField) => {
                self.focus = (self.focus + FIELDS.len() - 1) % FIELDS.len();
            }
            Input::Cmd(Cmd::NextValue | Cmd::PrevValue) => {
                let forward = matches!(input, Input::Cmd(Cmd::NextValue));
                let step = |i: usize, n: usize| {
                    if n == 0 {
                        0
                    } else if forward {
                        (i + 1) % n
                    } else {
                        (i + n - 1) % n
                    }
                };
                match self.field() {
                    ReportField::Region => self.region = step(self.region, self.regions.len()),
                    ReportField::Format => {
                        self.format = step(self.format, SummaryFormat::ALL.len());
                    }
                    ReportField::Period | ReportField::File => {}
                }
                self.follow_choices();
            }
            Input::Cmd(Cmd::Save) => return self.submit(env.lang),
            Input::Key(k) => match self.field() {
                ReportField::Period => {
                    edit_text(&mut self.period, k);
                    self.follow_choices();
                }
                ReportField::File => {
                    edit_text(&mut self.file, k);
                    self.file_edited = true;
                }
                ReportField::Region | ReportField::Format => {}
            },
            Input::Paste(p) => match self.field() {
                ReportField::Period => {
                    let out = paste_into(&mut self.period, &p);
                    self.follow_choices();
                    return out;
                }
                ReportField::File => {
                    self.file_edited = true;
                    return paste_into(&mut self.file, &p);
                }
                ReportField::Region | ReportField::Format => {}
            },
            Input::Cmd(_) => {}
        }
        Out::default()
    }

    fn submit(&mut self, lang: Lang) -> Out {
        let period = match Period::parse(self.period.value()) {
            Ok(p) => p,
            Err(text) => {
                self.focus = 0;
                return Out::message(Message::error(text));
            }
        };
        let file = self.file.value().trim().to_string();
        if file.is_empty() {
            self.focus = 3;
            return Out::message(Message::error(
                Text::new(crate::i18n::T::ErrRequired).arg_key("field", T::ReportFieldFile),
            ));
        }
        self.running = true;
        self.step = None;
        self.cancelling = false;
        self.result = None;
        Out::effect(Effect::Report(ReportEffect::ExportSummary {
            period,
            region: self.region_code(),
            format: self.format(),
            file: file.into(),
            lang,
        }))
        .with_message(Message::progress(T::ReportRunning))
    }

    /// A step of the background job: shown in the message row and as a bar.
    pub fn progress(&mut self, step: SummaryProgress) -> Out {
        if !self.running || self.cancelling {
            return Out::default();
        }
        self.step = Some(step);
        Out::message(Message::progress(step_text(step)))
    }

    pub fn done(&mut self, result: Result<Text, Text>) -> Out {
        self.running = false;
        self.step = None;
        self.cancelling = false;
        self.result = Some(result.clone());
        match result {
            Ok(t) => Out::message(Message::info(t)),
            Err(t) => Out::message(Message::error(t)),
        }
    }
}

pub fn render(frame: &mut Frame<'_>, body: Rect, app: &App, s: &ReportState) -> Option<Position> {
    let lang = app.lang;
    let theme = app.theme;
    let w = usize::from(body.width).saturating_sub(2);
    let x = body.x + 2;
    let label_w = 12;
    let value_x = x + label_w as u16 + 1;
    let value_w = w.saturating_sub(label_w + 3);
    put(frame, x, body.y, T::ReportHint.get(lang), w, theme.dim());
    let mut cursor = None;
    for (i, field) in FIELDS.iter().enumerate() {
        let y = body.y + 2 + 2 * i as u16;
        let focused = i == s.focus && !s.running;
        let label = match field {
            ReportField::Period => T::ReportPeriod,
            ReportField::Region => T::ReportRegion,
            ReportField::Format => T::ReportFieldFormat,
            ReportField::File => T::ReportFieldFile,
        };
        put(frame, x, y, label.get(lang), label_w, theme.label());
        let style = if focused {
            theme.field_focus()
        } else {
            theme.field()
        };
        match field {
            ReportField::Period | ReportField::File => {
                let input = if *field == ReportField::Period {
                    &s.period
                } else {
                    &s.file
                };
                let width = if *field == ReportField::Period {
                    16
                } else {
                    value_w
                };
                let (shown, col) = input.view(width);
                put_fit(frame, value_x, y, &shown, width, style);
                if focused {
                    cursor = Some(cursor_at(value_x, y, col));
                }
            }
            ReportField::Region => {
                let name = s.regions.get(s.region).map_or("", |(_, n)| n.as_str());
                put(frame, value_x, y, &format!("< {name} >"), value_w, style);
            }
            ReportField::Format => {
                let name = s.format().extension().to_ascii_uppercase();
                put(frame, value_x, y, &format!("< {name} >"), value_w, style);
            }
        }
    }
    // What the typed period means, or what is wrong with it.
    let preview_x = value_x + 18;
    let preview_w = w.saturating_sub(usize::from(preview_x - body.x));
    if !s.period.is_empty() {
        match Period::parse(s.period.value()) {
            Ok(p) => {
                let text = Text::new(T::ReportPreview)
                    .arg("period", p.label().render(lang))
                    .arg("previous", p.previous().label().render(lang))
                    .render(lang);
                put(frame, preview_x, body.y + 2, &text, preview_w, theme.dim());
            }
            Err(_) => {
                put(
                    frame,
                    preview_x,
                    body.y + 2,
                    T::ReportPeriodHint.get(lang),
                    preview_w,
                    theme.warning(),
                );
            }
        }
    }
    if let (true, Some(step)) = (s.running, s.step) {
        put(
            frame,
            x,
            body.y + 11,
            &progress_bar(step, w),
            w,
            theme.info(),
        );
    }
    if let Some(result) = &s.result {
        let (text, style) = match result {
            Ok(t) => (t.render(lang), theme.info()),
            Err(t) => (t.render(lang), theme.error()),
        };
        for (n, line) in wrap(&text, w).iter().take(4).enumerate() {
            put(frame, x, body.y + 11 + n as u16, line, w, style);
        }
    }
    cursor
}

/// "正在计算 2/5：点单式帮扶（Esc 取消）", or "正在写入文件..." once every module is done.
fn step_text(step: SummaryProgress) -> Text {
    match step.next {
        Some(module) => Text::new(T::ReportStep)
            .arg("done", step.done + 1)
            .arg("total", step.total)
            .arg_key("module", module),
        None => Text::new(T::ReportWriting),
    }
}

/// `[#########...........]  2/5` in ASCII, so every terminal font shows it.
fn progress_bar(step: SummaryProgress, width: usize) -> String {
    let bar = width.saturating_sub(10).min(40);
    let filled = (bar * step.done).checked_div(step.total).unwrap_or(0);
    format!(
        "[{}{}] {}/{}",
        "#".repeat(filled),
        ".".repeat(bar - filled),
        step.done,
        step.total
    )
}
