//! The enterprise register screens: list, 360° view and the create/edit form with its drafts.

pub mod detail;
pub mod detail_view;
pub mod fields;
pub mod form;
pub mod form_draft;
pub mod form_view;
pub mod list;
pub mod list_view;
