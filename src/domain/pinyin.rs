//! 拼音首字母 of Chinese names, for search by initials (e.g. `lcsh` finds 聊城石化).

use pinyin::ToPinyin;

/// Lower-case initials of each Chinese character; ASCII letters and digits are kept, the rest dropped.
pub fn initials(s: &str) -> String {
    let mut out = String::new();
    for (c, py) in s.chars().zip(s.to_pinyin()) {
        match py {
            Some(p) => out.push_str(p.first_letter()),
            None if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_a_company_name() {
        assert_eq!(initials("聊城市绿源化工有限公司"), "lcslyhgyxgs");
        assert_eq!(initials("鲁西化工A2"), "lxhga2");
    }
}
