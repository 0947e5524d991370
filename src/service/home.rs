//! Home screen read model: the counts and tasks a person sees after login (TUI work).
