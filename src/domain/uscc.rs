//! 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character over the first 17.

use crate::domain::text::normalize_code;

/// The code alphabet; a character's value is its index. I, O, Z, S and V are never used.
const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// Why a code is not a valid USCC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UsccError {
    /// Not 18 characters after normalisation (the count is in characters).
    Length(usize),
    /// A character outside the alphabet, at a 1-based position.
    BadChar { pos: usize, ch: char },
    /// The check character does not match; `expected` is the right one.
    Checksum { expected: char },
}

fn value_of(c: char) -> Option<u32> {
    ALPHABET.find(c).map(|i| i as u32)
}

/// Computes the check character for the first 17 characters, or `None` if any is outside the alphabet.
pub fn check_char(first17: &str) -> Option<char> {
    let mut sum = 0;
    for (c, w) in first17.chars().zip(WEIGHTS) {
        sum += value_of(c)? * w;
    }
    let idx = (31 - sum % 31) % 31;
    ALPHABET.chars().nth(idx as usize)
}

/// Normalises (case, full width, spaces) and validates a USCC. On success returns the normalised code.
pub fn parse(input: &str) -> Result<String, UsccError> {
    let code = normalize_code(input);
    let len = code.chars().count();
    if len != 18 {
        return Err(UsccError::Length(len));
    }
    if let Some((i, ch)) = code
        .chars()
        .enumerate()
        .find(|(_, c)| value_of(*c).is_none())
    {
        return Err(UsccError::BadChar { pos: i + 1, ch });
    }
    let expected = check_char(&code[..17]).ok_or(UsccError::Length(len))?;
    if code.ends_with(expected) {
        Ok(code)
    } else {
        Err(UsccError::Checksum { expected })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn spec_test_vectors() {
        assert_eq!(
            parse("91130200699229617X"),
            Ok("91130200699229617X".to_string())
        );
        assert_eq!(
            parse("911302307808371268"),
            Ok("911302307808371268".to_string())
        );
        assert_eq!(
            parse("91130200699229617A"),
            Err(UsccError::Checksum { expected: 'X' })
        );
    }

    #[test]
    fn lower_case_and_full_width_are_normalised() {
        assert_eq!(
            parse("91130200699229617x"),
            Ok("91130200699229617X".to_string())
        );
        assert_eq!(
            parse("９１１３０２００６９９２２９６１７Ｘ"),
            Ok("91130200699229617X".to_string())
        );
        assert_eq!(
            parse(" 911302 0069922 9617X "),
            Ok("91130200699229617X".to_string())
        );
    }

    #[test]
    fn wrong_length_and_characters_are_named() {
        assert_eq!(parse("9113020069922961"), Err(UsccError::Length(16)));
        assert_eq!(parse("91130200699229617XX"), Err(UsccError::Length(19)));
        assert_eq!(
            parse("9113020069922961IX"),
            Err(UsccError::BadChar { pos: 17, ch: 'I' })
        );
        assert_eq!(parse("聊城91130200699229617"), Err(UsccError::Length(19)));
        assert_eq!(
            parse("聊1130200699229617X"),
            Err(UsccError::BadChar { pos: 1, ch: '聊' })
        );
    }

    proptest! {
        /// Any 17 characters of the alphabet plus their computed check character is valid, and changing
        /// the check character to anything else is refused naming the computed one.
        #[test]
        fn computed_check_char_round_trips(idx in proptest::collection::vec(0usize..31, 17), other in 0usize..31) {
            let body: String = idx.iter().filter_map(|i| ALPHABET.chars().nth(*i)).collect();
            let check = check_char(&body).expect("alphabet characters");
            let code = format!("{body}{check}");
            prop_assert_eq!(parse(&code), Ok(code.clone()));
            let wrong = ALPHABET.chars().nth(other).expect("index in range");
            if wrong != check {
                prop_assert_eq!(parse(&format!("{body}{wrong}")), Err(UsccError::Checksum { expected: check }));
            }
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,40}") {
            let _ = parse(&s);
        }
    }
}
