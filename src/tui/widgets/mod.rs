//! Shared widgets every screen is built from: forms, pickers and confirmations (`form`, `picker`,
//! `confirm`), the table view of a list (`table`), its selection, moves and `/` find
//! (`list_state`), and the scrolling detail pane (`detail`).

pub mod confirm;
pub mod detail;
pub mod form;
pub mod list_state;
pub mod picker;
pub mod table;
