//! The 帮扶 form: filing a request (services ticked from the menu), the fields an action requires,
//! and a service record. Text fields type; choices change with Left/Right; Space ticks a service.

use crate::domain::assistance::{
    Channel, Event, EventInput, Outcome, Rating, RequestDraft, ServiceMode, Urgency,
};
use crate::domain::visibility::Visibility;
use crate::i18n::{Lang, T, Text};
use crate::store::assistance::ServiceRecord;
use crate::tui::app::{Env, Input, Message, Nav, Out, Screen};
use crate::tui::input::TextInput;
use crate::tui::keymap::{Cmd, Key};
use crate::tui::msg::{Effect, Versioned};
use crate::tui::overlays::Overlay;
use crate::tui::overlays::confirm::{ConfirmKind, ConfirmState};
use crate::tui::screens::assistance::AssistanceEffect;
use crate::tui::screens::assistance::{AssistanceAction, AssistanceDetailData};
use crate::tui::screens::positive_list::form::PositiveListPurpose;
use crate::tui::widgets::form::{Baseline, refusal};

/// A form field: free text, one choice of several, or several ticked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    Choice,
    Multi,
    /// An enterprise picker: typing searches the register (name, USCC, pinyin initials) and
    /// Left/Right choose among the matches listed under it.
    Search,
}

/// An option of a choice: the code sent to the service and its label in each language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub code: String,
    pub zh: String,
    pub en: String,
}

impl Choice {
    pub(crate) fn of(code: &str, label: T) -> Choice {
        Choice {
            code: code.to_string(),
            zh: label.get(Lang::Zh).to_string(),
            en: label.get(Lang::En).to_string(),
        }
    }

    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormField {
    pub id: &'static str,
    pub label: T,
    pub kind: FieldKind,
    /// The text of a text field, edited anywhere along it (grapheme by grapheme).
    pub input: TextInput,
    pub options: Vec<Choice>,
    /// The chosen option (Choice) or the option under the cursor (Multi).
    pub cursor: usize,
    pub ticked: Vec<bool>,
}

impl FormField {
    pub(crate) fn text(id: &'static str, label: T, value: &str) -> FormField {
        FormField {
            id,
            label,
            kind: FieldKind::Text,
            input: TextInput::new(value),
            options: Vec::new(),
            cursor: 0,
            ticked: Vec::new(),
        }
    }

    pub(crate) fn choice(id: &'static str, label: T, options: Vec<Choice>) -> FormField {
        FormField {
            kind: FieldKind::Choice,
            options,
            ..FormField::text(id, label, "")
        }
    }

    pub(crate) fn search(id: &'static str, label: T) -> FormField {
        FormField {
            kind: FieldKind::Search,
            ..FormField::text(id, label, "")
        }
    }

    pub(crate) fn multi(id: &'static str, label: T, options: Vec<Choice>) -> FormField {
        FormField {
            kind: FieldKind::Multi,
            ticked: vec![false; options.len()],
            options,
            ..FormField::text(id, label, "")
        }
    }

    /// The typed text of a text field.
    pub fn typed(&self) -> &str {
        self.input.value()
    }

    /// The chosen code of a choice field.
    pub fn code(&self) -> Option<&str> {
        self.options.get(self.cursor).map(|c| c.code.as_str())
    }
}

/// What the form is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    NewRequest,
    Event {
        id: i64,
        row_version: i64,
        event: Event,
    },
    Record {
        id: i64,
    },
    /// 圆桌座谈 forms (see `meeting_form`).
    Meeting(crate::tui::screens::assistance::meeting_form::MeetingPurpose),
    /// 正面清单 forms (see `positive_list::form`).
    Plist(crate::tui::screens::positive_list::form::PositiveListPurpose),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssistanceFormState {
    pub purpose: Purpose,
    pub fields: Vec<FormField>,
    pub focus: usize,
    pub error: Option<Text>,
    pub saving: bool,
    /// Still waiting for the service menu (new requests).
    pub loading: bool,
    /// The latest enterprise search asked for; older answers are ignored.
    pub search_token: u64,
    /// The person answered the form's question (submit an application or withdrawal, file for a
    /// 停产 enterprise): the next save goes ahead.
    pub confirmed: bool,
    /// The request's number, for the question before an irreversible step.
    pub subject: String,
    /// The values the form opened with: Esc asks only when they changed.
    pub baseline: Baseline,
}

pub(crate) fn choices<E: Copy>(
    all: &[E],
    code: fn(E) -> &'static str,
    label: fn(E) -> T,
) -> Vec<Choice> {
    all.iter()
        .map(|e| Choice::of(code(*e), label(*e)))
        .collect()
}

impl AssistanceFormState {
    pub(crate) fn push(fields: Vec<FormField>, purpose: Purpose, loading: bool) -> Out {
        let baseline = Baseline::of(&fields);
        let s = AssistanceFormState {
            purpose,
            fields,
            focus: 0,
            error: None,
            saving: false,
            loading,
            search_token: 0,
            confirmed: false,
            subject: String::new(),
            baseline,
        };
        Out::nav(Nav::Push(Screen::AssistanceForm(Box::new(s))))
    }

    /// A new request; the service menu is loaded into the first field. Bureau staff also give the
    /// enterprise (by USCC) and the channel the request came by.
    pub fn new_request(env: &mut Env<'_>) -> Out {
        if !env.may(crate::domain::account::Action::AssistanceFile) {
            return Out::default();
        }
        let staff = env.session.is_some_and(|s| s.actor.enterprise_id.is_none());
        let mut fields = vec![
            FormField::multi("services", T::AssistanceFieldServices, Vec::new()),
            FormField::text("description", T::AssistanceFieldDescription, ""),
            FormField::choice(
                "urgency",
                T::AssistanceFieldUrgency,
                choices(Urgency::ALL, Urgency::code, Urgency::label),
            ),
            FormField::text("wished_date", T::AssistanceFieldWishedDate, ""),
        ];
        if staff {
            // Picked from the register's search (name, USCC or pinyin initials) as it is typed.
            fields.push(FormField::search(
                "enterprise",
                T::AssistanceFieldEnterpriseQuery,
            ));
            let channels: Vec<Channel> = Channel::ALL
                .iter()
                .copied()
                .filter(|c| *c != Channel::SelfService)
                .collect();
            fields.push(FormField::choice(
                "channel",
                T::AssistanceFieldChannel,
                choices(&channels, Channel::code, Channel::label),
            ));
        }
        AssistanceFormState::push(fields, Purpose::NewRequest, true)
            .with_effect(Effect::Assistance(AssistanceEffect::LoadServiceMenu))
    }

    pub fn menu_loaded(&mut self, menu: Result<Vec<(String, String, String)>, Text>) -> Out {
        self.loading = false;
        match menu {
            Ok(items) => {
                if let Some(f) = self.fields.iter_mut().find(|f| f.id == "services") {
                    f.ticked = vec![false; items.len()];
                    f.options = items
                        .into_iter()
                        .map(|(code, zh, en)| Choice { code, zh, en })
                        .collect();
                }
                Out::default()
            }
            Err(t) => Out::message(Message::error(t)),
        }
    }

    /// The form for one action, or the action itself when it needs no fields.
    pub fn for_action(d: &AssistanceDetailData, action: AssistanceAction) -> Out {
        let r = &d.detail.request;
        let (fields, purpose) = match action {
            AssistanceAction::Record => (
                vec![
                    FormField::text("service_date", T::AssistanceFieldServiceDate, &d.today),
                    FormField::choice(
                        "mode",
                        T::AssistanceFieldMode,
                        choices(ServiceMode::ALL, ServiceMode::code, ServiceMode::label),
                    ),
                    FormField::text("participants", T::AssistanceFieldParticipants, ""),
                    FormField::text("content", T::AssistanceFieldContent, ""),
                    FormField::text("problems", T::AssistanceFieldProblems, ""),
                    FormField::text("advice", T::AssistanceFieldAdvice, ""),
                ],
                Purpose::Record { id: r.id },
            ),
            AssistanceAction::Event(event) => {
                let mut fields = match event {
                    Event::Refuse | Event::Forward | Event::Suspend | Event::Withdraw => {
                        vec![FormField::text("reason", T::AssistanceFieldReason, "")]
                    }
                    Event::Assign | Event::Reassign => {
                        let people: Vec<Choice> = d
                            .handlers
                            .iter()
                            .map(|(id, name)| Choice {
                                code: id.to_string(),
                                zh: name.clone(),
                                en: name.clone(),
                            })
                            .collect();
                        let mut handler =
                            FormField::choice("handler", T::AssistanceFieldHandler, people.clone());
                        // Reassigning starts from the present handler and co-handlers.
                        let mut co =
                            FormField::multi("cohandlers", T::AssistanceFieldCohandlers, people);
                        if event == Event::Reassign {
                            let is = |c: &Choice, id: i64| c.code == id.to_string();
                            if let Some(h) = r.handler_id {
                                handler.cursor =
                                    handler.options.iter().position(|c| is(c, h)).unwrap_or(0);
                            }
                            for (i, c) in co.options.iter().enumerate() {
                                co.ticked[i] = d.detail.cohandlers.iter().any(|(id, _)| is(c, *id));
                            }
                        }
                        let mut fields = vec![handler, co];
                        if event == Event::Reassign {
                            fields.push(FormField::text("reason", T::AssistanceFieldReason, ""));
                        }
                        fields
                    }
                    Event::Complete => vec![
                        FormField::choice(
                            "outcome",
                            T::AssistanceFieldOutcome,
                            choices(Outcome::ALL, Outcome::code, Outcome::label),
                        ),
                        FormField::text("opinion", T::AssistanceFieldOpinion, ""),
                    ],
                    Event::Rate | Event::PhoneRate => {
                        let ratings: Vec<Rating> = Rating::ALL
                            .iter()
                            .copied()
                            .filter(|r| *r != Rating::Unrated)
                            .collect();
                        let mut fields = vec![FormField::choice(
                            "rating",
                            T::AssistanceFieldRating,
                            choices(&ratings, Rating::code, Rating::label),
                        )];
                        if event == Event::Rate {
                            // The enterprise's own words; named 不满意的原因 once the rating is
                            // poor (see `relabel`).
                            fields.push(FormField::text("comment", T::AssistanceFieldComment, ""));
                        } else {
                            // Taken by phone: the enterprise's comment and the bureau's 回访记录.
                            fields.push(FormField::text("comment", T::AssistanceFieldComment, ""));
                            fields.push(FormField::text("revisit", T::AssistanceFieldRevisit, ""));
                        }
                        fields
                    }
                    Event::Submit | Event::Accept | Event::Resume | Event::AutoClose => {
                        // Nothing to ask: done at once.
                        return Out::effect(Effect::Assistance(AssistanceEffect::Transition {
                            id: r.id,
                            row_version: r.row_version,
                            event,
                            input: EventInput::default(),
                        }));
                    }
                };
                if event.has_visibility_choice() {
                    // 对企业公开 or 内部, starting from the event's default.
                    let mut f = FormField::choice(
                        "visibility",
                        T::AssistanceFieldVisibility,
                        choices(Visibility::ALL, Visibility::code, Visibility::label),
                    );
                    f.cursor = Visibility::ALL
                        .iter()
                        .position(|v| *v == event.default_visibility())
                        .unwrap_or(0);
                    fields.push(f);
                }
                (
                    fields,
                    Purpose::Event {
                        id: r.id,
                        row_version: r.row_version,
                        event,
                    },
                )
            }
        };
        let mut out = AssistanceFormState::push(fields, purpose, false);
        if let Some(crate::tui::app::Nav::Push(Screen::AssistanceForm(f))) = out.nav.first_mut() {
            f.subject = r.number.clone();
        }
        out
    }

    pub fn title(&self) -> T {
        match self.purpose {
            Purpose::NewRequest => T::AssistanceScreenNew,
            Purpose::Record { .. } => T::AssistanceActionRecord,
            Purpose::Event { event, .. } => event.label(),
            Purpose::Meeting(ref m) => m.title(),
            Purpose::Plist(ref p) => p.title(),
        }
    }

    pub(crate) fn value(&self, id: &str) -> String {
        self.fields
            .iter()
            .find(|f| f.id == id)
            .map(|f| match f.kind {
                FieldKind::Text => f.typed().trim().to_string(),
                FieldKind::Search => f.code().unwrap_or("").to_string(),
                _ => f.code().unwrap_or("").to_string(),
            })
            .unwrap_or_default()
    }

    /// The codes ticked in the services field.
    pub(crate) fn ticked_services(&self) -> Vec<String> {
        self.ticked("services")
    }

    /// The codes ticked in a multi field.
    fn ticked(&self, id: &str) -> Vec<String> {
        self.fields
            .iter()
            .find(|f| f.id == id)
            .map(|f| {
                f.options
                    .iter()
                    .zip(&f.ticked)
                    .filter(|(_, t)| **t)
                    .map(|(c, _)| c.code.clone())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The effect that saves the form.
    pub(crate) fn effect(&self) -> Effect {
        match &self.purpose {
            Purpose::Meeting(m) => self.meeting_effect(m),
            Purpose::Plist(p) => self.positive_list_effect(p),
            Purpose::NewRequest => {
                let services = self.ticked_services();
                let (enterprise_id, query) = self.picked("enterprise");
                Effect::Assistance(AssistanceEffect::FileRequest {
                    enterprise_uscc: query,
                    confirmed: self.confirmed,
                    draft: RequestDraft {
                        enterprise_id,
                        services,
                        description: self.value("description"),
                        urgency: Urgency::parse(&self.value("urgency")).unwrap_or(Urgency::Normal),
                        channel: Channel::parse(&self.value("channel"))
                            .unwrap_or(Channel::SelfService),
                        wished_date: self.value("wished_date"),
                    },
                })
            }
            Purpose::Record { id } => Effect::Assistance(AssistanceEffect::Record {
                id: *id,
                record: ServiceRecord {
                    service_date: self.value("service_date"),
                    mode: ServiceMode::parse(&self.value("mode")).unwrap_or(ServiceMode::Phone),
                    participants: self.value("participants"),
                    content: self.value("content"),
                    problems: self.value("problems"),
                    advice: self.value("advice"),
                },
            }),
            Purpose::Event {
                id,
                row_version,
                event,
            } => Effect::Assistance(AssistanceEffect::Transition {
                id: *id,
                row_version: *row_version,
                event: *event,
                input: EventInput {
                    reason: self.value("reason"),
                    opinion: self.value("opinion"),
                    outcome: Outcome::parse(&self.value("outcome")),
                    rating: Rating::parse(&self.value("rating")),
                    comment: self.value("comment"),
                    revisit: self.value("revisit"),
                    handler: self.value("handler").parse().ok(),
                    cohandlers: self
                        .ticked("cohandlers")
                        .iter()
                        .filter_map(|c| c.parse().ok())
                        .collect(),
                    visibility: Visibility::parse(&self.value("visibility")),
                },
            }),
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.baseline.changed(&self.fields)
    }

    /// The record this form changes at a version, if it does.
    fn versioned(&self) -> Option<Versioned> {
        match &self.purpose {
            Purpose::Event { id, .. } => Some(Versioned::AssistanceRequest(*id)),
            Purpose::Plist(PositiveListPurpose::Offsite { id, .. }) => {
                Some(Versioned::PositiveListEntry(*id))
            }
            _ => None,
        }
    }

    /// The record's current version after a conflict: the next save applies what is typed to it
    /// (the service checks the event against the record's current state again).
    pub fn version_reloaded(
        &mut self,
        record: Versioned,
        current: Result<(i64, Text), Text>,
    ) -> Out {
        if self.versioned() != Some(record) {
            return Out::default();
        }
        match &mut self.purpose {
            Purpose::Event { row_version, .. }
            | Purpose::Plist(PositiveListPurpose::Offsite { row_version, .. }) => {
                self.error = None;
                crate::tui::screens::take_version(row_version, current)
            }
            _ => Out::default(),
        }
    }

    /// The enterprise's rating: a poor one asks for 不满意的原因 rather than a comment.
    fn relabel(&mut self) {
        if !matches!(
            self.purpose,
            Purpose::Event {
                event: Event::Rate,
                ..
            }
        ) {
            return;
        }
        let poor = Rating::parse(&self.value("rating")).is_some_and(Rating::is_poor);
        if let Some(f) = self.fields.iter_mut().find(|f| f.id == "comment") {
            f.label = if poor {
                T::AssistanceFieldRateReason
            } else {
                T::AssistanceFieldComment
            };
        }
    }

    /// The question a save asks first, if any (and not answered yet).
    fn submit_question(&self) -> Option<Text> {
        if self.confirmed {
            return None;
        }
        match &self.purpose {
            Purpose::Plist(p) => p.question(),
            _ => None,
        }
    }

    /// The person answered yes: save now.
    pub fn save_confirmed(&mut self) -> Out {
        if self.saving {
            return Out::default();
        }
        self.confirmed = true;
        self.saving = true;
        self.error = None;
        Out::effect(self.effect())
    }

    /// The service's answer to a save.
    pub fn done(&mut self, result: Result<Text, Text>) -> Out {
        self.saving = false;
        // An answered question holds for one save only.
        let was_confirmed = std::mem::take(&mut self.confirmed);
        match result {
            Ok(text) => Out::nav(Nav::Pop).with_message(Message::info(text)),
            // Filing for a 停产 enterprise: asked, then filed with the answer.
            Err(text)
                if text.key == T::WarnAssistSuspendedEnterprise
                    && !was_confirmed
                    && self.purpose == Purpose::NewRequest =>
            {
                Out::nav(Nav::Open(Overlay::Confirm(ConfirmState::new(
                    ConfirmKind::Submit(text.clone()),
                ))))
                .with_message(Message::warning(text))
            }
            Err(mut text) => {
                // A conflict says how to go on from here: reload, keeping what was typed.
                if text.key == T::ErrConflict && self.versioned().is_some() {
                    text.key = T::ErrConflictReload;
                }
                let out = refusal(&text, self.fields.iter().map(|f| f.label));
                self.error = Some(text);
                out
            }
        }
    }

    pub fn on_input(&mut self, _env: &mut Env<'_>, input: Input) -> Out {
        let n = self.fields.len().max(1);
        let Some(f) = self.fields.get_mut(self.focus) else {
            return Out::default();
        };
        match input {
            Input::Cmd(Cmd::Back) => return Out::nav(Nav::Pop),
            Input::Cmd(Cmd::NextField) => self.focus = (self.focus + 1) % n,
            Input::Cmd(Cmd::PrevField) => self.focus = (self.focus + n - 1) % n,
            Input::Cmd(Cmd::Down) => {
                crate::tui::widgets::form::down(&mut self.fields, &mut self.focus)
            }
            Input::Cmd(Cmd::Up) => crate::tui::widgets::form::up(&mut self.fields, &mut self.focus),
            // In a text field Left/Right move the cursor; typing inserts there.
            Input::Cmd(Cmd::NextValue) if f.kind == FieldKind::Text => f.input.right(),
            Input::Cmd(Cmd::PrevValue) if f.kind == FieldKind::Text => f.input.left(),
            // Left/Right go through a choice's options; a checklist moves with Up/Down.
            Input::Cmd(Cmd::NextValue) if f.kind != FieldKind::Multi && !f.options.is_empty() => {
                f.cursor = (f.cursor + 1) % f.options.len();
                self.relabel();
            }
            Input::Cmd(Cmd::PrevValue) if f.kind != FieldKind::Multi && !f.options.is_empty() => {
                f.cursor = (f.cursor + f.options.len() - 1) % f.options.len();
                self.relabel();
            }
            Input::Cmd(Cmd::Refresh) if !self.saving => {
                if let Some(record) = self.versioned() {
                    return Out::effect(Effect::ReloadVersion(record));
                }
            }
            Input::Cmd(Cmd::Save) if !self.saving => {
                self.error = None;
                // Some saves are asked first (safe answer focused): the answer comes back as
                // `save_confirmed`.
                if let Some(question) = self.submit_question() {
                    return Out::nav(Nav::Open(Overlay::Confirm(ConfirmState::new(
                        ConfirmKind::Submit(question),
                    ))));
                }
                // An irreversible step is asked first; "yes" comes back as `proceed`.
                return match self.question() {
                    Some(out) => out,
                    None => self.proceed(),
                };
            }
            Input::Key(Key::Char(' ')) if f.kind == FieldKind::Multi => {
                if let Some(t) = f.ticked.get_mut(f.cursor) {
                    *t = !*t;
                }
            }
            Input::Key(k) if f.kind == FieldKind::Text => {
                crate::tui::screens::edit_text(&mut f.input, k)
            }
            // A changed query clears the matches and searches after a quiet spell.
            Input::Key(_) | Input::Paste(_) if f.kind == FieldKind::Search => {
                if let Some(out) = crate::tui::widgets::picker::search_input(
                    f,
                    &input,
                    &mut self.search_token,
                    &[],
                ) {
                    return out;
                }
            }
            Input::Paste(text) if f.kind == FieldKind::Text => {
                return crate::tui::screens::paste_into(&mut f.input, &text.replace('\n', " "));
            }
            _ => {}
        }
        Out::default()
    }
}
