//! Shared widgets every screen draws with: the table view of a list (`table`), its selection, moves
//! and `/` find (`list_state`), and the scrolling detail pane (`detail`).

pub mod detail;
pub mod list_state;
pub mod table;
