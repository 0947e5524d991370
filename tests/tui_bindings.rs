//! The one binding table stays unambiguous as modules add keys: within a context, a key means one
//! command. (Several modules add keys to the home screen and to every context through `Global`.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ecocase::tui::bindings::BINDINGS;
use std::collections::HashMap;

#[test]
fn no_key_means_two_commands_in_one_context() {
    let mut seen: HashMap<(String, String), String> = HashMap::new();
    let mut clashes = Vec::new();
    for b in BINDINGS {
        for k in b.keys {
            let at = (format!("{:?}", b.ctx), format!("{k:?}"));
            let cmd = format!("{:?}", b.cmd);
            match seen.get(&at) {
                Some(other) if *other != cmd => {
                    clashes.push(format!("{at:?}: {other} and {cmd}"));
                }
                _ => {
                    seen.insert(at, cmd);
                }
            }
        }
    }
    assert!(clashes.is_empty(), "{clashes:#?}");
}
