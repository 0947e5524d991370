//! 国家危险废物名录 codes: `ddd-ddd-dd`, the last two digits being the HW category. HW41-HW44 do not exist.

/// Why a waste code is not acceptable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WasteCodeError {
    /// Not of the form `ddd-ddd-dd`.
    Format,
    /// The category digits name HW00, HW41-HW44 or above HW50.
    Category(u8),
}

/// Checks the form of a code and returns its category (`HW08` for `900-249-08`).
pub fn category_of(code: &str) -> Result<String, WasteCodeError> {
    let b = code.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if b.len() != 10
        || b[3] != b'-'
        || b[7] != b'-'
        || !digits(0..3)
        || !digits(4..7)
        || !digits(8..10)
    {
        return Err(WasteCodeError::Format);
    }
    let cat = (b[8] - b'0') * 10 + (b[9] - b'0');
    if cat == 0 || (41..=44).contains(&cat) || cat > 50 {
        return Err(WasteCodeError::Category(cat));
    }
    Ok(format!("HW{cat:02}"))
}

/// The hazard characteristics a code may carry.
pub const HAZARDS: [&str; 5] = ["T", "C", "I", "R", "In"];

/// Canonical comma-separated hazard list in the fixed order T,C,I,R,In; `None` names an unknown token.
pub fn normalize_hazards(raw: &str) -> Result<String, String> {
    let parts: Vec<&str> = raw
        .split([',', '/', '，', ' ', '、'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if let Some(bad) = parts.iter().find(|p| !HAZARDS.contains(p)) {
        return Err((*bad).to_string());
    }
    Ok(HAZARDS
        .iter()
        .filter(|h| parts.contains(h))
        .copied()
        .collect::<Vec<_>>()
        .join(","))
}

/// The 名录's hazard column as a rule, keeping its meaning: `T,I` (all of them apply) stays
/// comma-separated; `T/In` (one or more of them apply) stays slash-separated. Each canonical in the
/// order T,C,I,R,In; `Err` names an unknown token. A mix of both separators reads as all-of.
pub fn normalize_hazard_rule(raw: &str) -> Result<String, String> {
    let all = normalize_hazards(raw)?;
    let any_of = raw.contains('/') && !raw.contains([',', '，', '、']);
    Ok(if any_of { all.replace(',', "/") } else { all })
}

/// What an entered hazard set lacks against the 名录's rule (`None`: it satisfies it). An all-of rule
/// needs each of its characteristics; an any-of rule (`T/In`) needs at least one of them.
pub fn hazard_shortfall(rule: &str, entered: &str) -> Option<String> {
    let has = |h: &str| entered.split([',', '/']).any(|x| x == h);
    if rule.contains('/') {
        let options: Vec<&str> = rule.split('/').filter(|h| !h.is_empty()).collect();
        return (!options.is_empty() && !options.iter().any(|h| has(h))).then(|| options.join("/"));
    }
    let missing: Vec<&str> = rule
        .split(',')
        .filter(|h| !h.is_empty() && !has(h))
        .collect();
    (!missing.is_empty()).then(|| missing.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn codes_and_categories() {
        assert_eq!(category_of("900-249-08"), Ok("HW08".to_string()));
        assert_eq!(category_of("900-041-49"), Ok("HW49".to_string()));
        assert_eq!(category_of("900-000-42"), Err(WasteCodeError::Category(42)));
        assert_eq!(category_of("900-249-8"), Err(WasteCodeError::Format));
        assert_eq!(category_of("900_249_08"), Err(WasteCodeError::Format));
        assert_eq!(category_of("９００-249-08"), Err(WasteCodeError::Format));
    }

    #[test]
    fn hazards_are_canonical_and_unknown_ones_named() {
        assert_eq!(normalize_hazards("T/C/I/R"), Ok("T,C,I,R".to_string()));
        assert_eq!(normalize_hazards("In, T"), Ok("T,In".to_string()));
        assert_eq!(normalize_hazards("T,X"), Err("X".to_string()));
    }

    #[test]
    fn any_of_rules_keep_their_meaning() {
        assert_eq!(normalize_hazard_rule("T/In"), Ok("T/In".to_string()));
        assert_eq!(normalize_hazard_rule("R/C"), Ok("C/R".to_string()));
        assert_eq!(normalize_hazard_rule("T,I"), Ok("T,I".to_string()));
        // 900-041-49 is T/In: T alone, In alone or both satisfy it; C alone does not.
        assert_eq!(hazard_shortfall("T/In", "T"), None);
        assert_eq!(hazard_shortfall("T/In", "In"), None);
        assert_eq!(hazard_shortfall("T/In", "T,In"), None);
        assert_eq!(hazard_shortfall("T/In", "C"), Some("T/In".to_string()));
        // An all-of rule still needs each characteristic.
        assert_eq!(hazard_shortfall("T,I", "T"), Some("I".to_string()));
        assert_eq!(hazard_shortfall("T,I", "T,I,C"), None);
        assert_eq!(hazard_shortfall("", "T"), None);
    }

    proptest! {
        #[test]
        fn category_of_never_panics(s in "\\PC{0,12}") {
            let _ = category_of(&s);
        }
    }
}
