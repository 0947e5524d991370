//! The password policy (NIST SP 800-63B, 5.1.1.2): a minimum length (a setting, 12 by default), a
//! generous maximum, no password from the bundled list of common ones (Chinese keyboard and number
//! favourites included), none equal to or containing the user name, none made of one repeated character
//! or one keyboard-order run. No composition rules and no forced periodic change.

use crate::i18n::{T, Text};

/// The bundled list of common passwords, one per line (`#` starts a comment).
pub const COMMON_PASSWORDS: &str = include_str!("../../seed/common_passwords.txt");

/// The longest password accepted (argon2 hashes any length; this bounds the work of one login).
pub const MAX_CHARS: usize = 256;

/// Why a password is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weakness {
    TooShort(usize),
    TooLong,
    /// On the list of common passwords, or one character repeated, or a run like `abcdef` / `987654`.
    Common,
    /// Equal to or containing the user name.
    HasUsername,
}

impl Weakness {
    /// The message naming the rule and what to do.
    pub fn text(self) -> Text {
        match self {
            Weakness::TooShort(min) => Text::new(T::ErrPasswordShort).arg("min", min),
            Weakness::TooLong => Text::new(T::ErrPasswordLong).arg("max", MAX_CHARS),
            Weakness::Common => Text::new(T::ErrPasswordCommon),
            Weakness::HasUsername => Text::new(T::ErrPasswordHasUsername),
        }
    }
}

/// Whether `password` (compared without regard to case) is on the bundled list.
pub fn is_common(password: &str) -> bool {
    let p = password.to_lowercase();
    COMMON_PASSWORDS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .any(|l| l.to_lowercase() == p)
}

/// One character repeated, or every character one step after (or before) the one before it.
fn is_trivial(password: &str) -> bool {
    let codes: Vec<i64> = password.chars().map(|c| i64::from(u32::from(c))).collect();
    let steps: Vec<i64> = codes.windows(2).map(|w| w[1] - w[0]).collect();
    !steps.is_empty() && steps.iter().all(|s| *s == steps[0] && s.abs() <= 1)
}

/// Checks a new password against the policy for the account `username`.
pub fn check(password: &str, username: &str, min_chars: usize) -> Result<(), Weakness> {
    let n = password.chars().count();
    if n < min_chars {
        return Err(Weakness::TooShort(min_chars));
    }
    if n > MAX_CHARS {
        return Err(Weakness::TooLong);
    }
    let lower = password.to_lowercase();
    let name = username.trim().to_lowercase();
    if !name.is_empty() && (lower == name || (name.chars().count() >= 3 && lower.contains(&name))) {
        return Err(Weakness::HasUsername);
    }
    if is_common(password) || is_trivial(password) {
        return Err(Weakness::Common);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issue_s_passwords_are_refused_and_a_passphrase_is_accepted() {
        for (pw, why) in [
            ("1234", Weakness::TooShort(12)),
            ("password", Weakness::TooShort(12)),
            ("woaini1314520", Weakness::Common),
            ("1qaz2wsx3edc", Weakness::Common),
            ("QWERTYUIOP123", Weakness::Common),
            ("123456789012", Weakness::Common),
            ("aaaaaaaaaaaaaa", Weakness::Common),
            ("abcdefghijklmn", Weakness::Common),
            ("zhangwei-聊城环保局", Weakness::HasUsername),
        ] {
            assert_eq!(check(pw, "zhangwei", 12), Err(why), "{pw}");
        }
        assert_eq!(
            check("inspector", "inspector", 4),
            Err(Weakness::HasUsername)
        );
        for pw in ["demo", "admin", "5201314", "a1b2c3d4", "1qaz2wsx", "123456"] {
            assert_eq!(check(pw, "x", 1), Err(Weakness::Common), "{pw}");
        }
        assert_eq!(check("东昌湖边的柳树-2026", "zhangwei", 12), Ok(()));
        assert_eq!(
            check(&"长".repeat(300), "zhangwei", 12),
            Err(Weakness::TooLong)
        );
    }

    #[test]
    fn the_bundled_list_is_long_and_holds_chinese_favourites() {
        let n = COMMON_PASSWORDS
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        assert!(n >= 300, "{n}");
        for pw in [
            "woaini1314",
            "5201314",
            "qwertyuiop",
            "1qaz2wsx",
            "a1b2c3d4",
        ] {
            assert!(is_common(pw), "{pw}");
        }
    }
}
