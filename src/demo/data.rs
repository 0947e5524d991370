//! Realistic synthetic enterprises for Liaocheng: names built from place + 字号 + industry + form, USCCs
//! with correct check characters (organisation-code check digit too), industry-dependent permit,
//! hazardous-waste and key-polluter profiles, and believable people, phones and addresses.
//! Deterministic: the same seed and date give the same data, so benchmarks compare like with like.

use crate::domain::enterprise::EnterpriseDraft;
use crate::domain::uscc::check_char;
use chrono::{Duration, NaiveDate};
use std::collections::HashSet;

use crate::demo::tables::Profile::{Heavy, Light, Medium};
use crate::demo::tables::{
    CODE_CHARS, FORMS, GIVEN, INDUSTRIES, Industry, MOBILE_PREFIXES, NONSTANDARD_REASONS, PLACES,
    Place, ROADS, SURNAMES, ZIHAO_FIRST, ZIHAO_SECOND,
};

/// A small, fast, seedable generator (SplitMix64). Not for secrets: demo data only.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0); the tiny modulo bias does not matter for demo data.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// True with probability `per_mille / 1000`.
    pub fn chance(&mut self, per_mille: u32) -> bool {
        self.below(1000) < per_mille as usize
    }

    /// Picks a `(value, weight)` pair's value by weight.
    pub fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        &self.weighted_by(items, |(_, w)| *w).0
    }

    /// Picks an item by the weight `weight` gives it (items must not be empty).
    pub fn weighted_by<'a, T>(&mut self, items: &'a [T], weight: impl Fn(&T) -> u32) -> &'a T {
        let total: u32 = items.iter().map(&weight).sum();
        let mut n = self.below(total.max(1) as usize) as u32;
        for item in items {
            let w = weight(item);
            if n < w {
                return item;
            }
            n -= w;
        }
        &items[items.len() - 1]
    }
}

/// One generated enterprise: the draft and any former names (name, last day used).
pub struct DemoEnterprise {
    pub draft: EnterpriseDraft,
    pub former_names: Vec<(String, String)>,
}

/// Organisation code (GB 11714): 8 characters and a check character.
fn org_code(body: &str) -> String {
    const W: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body
        .chars()
        .zip(W)
        .map(|(c, w)| c.to_digit(36).unwrap_or(0) * w)
        .sum();
    let check = match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        n => char::from_digit(n, 10).unwrap_or('0'),
    };
    format!("{body}{check}")
}

pub struct Generator {
    rng: Rng,
    today: NaiveDate,
    names: HashSet<String>,
    codes: HashSet<String>,
}

impl Generator {
    pub fn new(seed: u64, today: NaiveDate) -> Generator {
        Generator {
            rng: Rng::new(seed),
            today,
            names: HashSet::new(),
            codes: HashSet::new(),
        }
    }

    /// Reserves a name and code used by a hand-made record, so generated ones never collide with it.
    pub fn reserve(&mut self, name: &str, uscc: &str) {
        self.names.insert(name.to_string());
        self.codes.insert(uscc.to_string());
    }

    fn code_chars(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| CODE_CHARS[self.rng.below(CODE_CHARS.len())] as char)
            .collect()
    }

    /// A new valid USCC for an enterprise registered in `area` (a 6-digit division code).
    pub fn uscc(&mut self, area: &str) -> String {
        loop {
            let body = if self.rng.chance(700) {
                format!("MA3{}", self.code_chars(5))
            } else {
                format!("{:08}", self.rng.below(100_000_000))
            };
            let first17 = format!("91{area}{}", org_code(&body));
            let Some(check) = check_char(&first17) else {
                continue;
            };
            let code = format!("{first17}{check}");
            if self.codes.insert(code.clone()) {
                return code;
            }
        }
    }

    pub fn person(&mut self) -> String {
        let mut s = String::new();
        s.push(*self.rng.pick(SURNAMES));
        s.push(*self.rng.pick(GIVEN));
        if self.rng.chance(600) {
            s.push(*self.rng.pick(GIVEN));
        }
        s
    }

    fn phone(&mut self) -> String {
        if self.rng.chance(600) {
            let prefix = *self.rng.pick(MOBILE_PREFIXES);
            format!("{prefix}{:08}", self.rng.below(100_000_000))
        } else {
            let first = *self.rng.pick(&[2, 5, 6, 7, 8]);
            format!("0635-{first}{:06}", self.rng.below(1_000_000))
        }
    }

    fn date_between(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        let days = (to - from).num_days().max(1) as usize;
        from + Duration::days(self.rng.below(days) as i64)
    }

    fn zihao(&mut self) -> String {
        let a = *self.rng.pick(ZIHAO_FIRST);
        let mut b = *self.rng.pick(ZIHAO_SECOND);
        while b == a {
            b = *self.rng.pick(ZIHAO_SECOND);
        }
        format!("{a}{b}")
    }

    /// A company name not used before.
    fn name(&mut self, place: &Place, industry: &Industry) -> (String, String) {
        loop {
            let prefix = *self.rng.pick(place.prefixes);
            let zihao = self.zihao();
            let word = *self.rng.pick(industry.words);
            let form = *self.rng.weighted(FORMS);
            let name = format!("{prefix}{zihao}{word}{form}");
            if self.names.insert(name.clone()) {
                return (name, zihao);
            }
        }
    }

    /// One enterprise with realistic distributions of classes, flags, credit and status.
    pub fn enterprise(&mut self) -> DemoEnterprise {
        let place = self.rng.weighted_by(PLACES, |p| p.weight);
        let industry = self.rng.weighted_by(INDUSTRIES, |i| i.weight);
        let area = if place.code.contains('A') {
            "371500"
        } else {
            place.code
        };
        let uscc = self.uscc(area);
        let (name, zihao) = self.name(place, industry);
        let mut d = EnterpriseDraft {
            uscc,
            name,
            legal_rep: self.person(),
            contact: self.person(),
            phone: self.phone(),
            region_code: place.code.to_string(),
            industry_code: industry.code.to_string(),
            ..Default::default()
        };
        d.address = format!(
            "山东省{}{}{}{}号",
            place.district,
            self.rng.pick(place.towns),
            self.rng.pick(ROADS),
            1 + self.rng.below(300)
        );
        self.classes(&mut d, industry);
        if self.rng.chance(12) {
            // A pre-standard code: the check character is wrong and a reason is recorded.
            let mut chars: Vec<char> = d.uscc.chars().collect();
            let good = chars[17];
            let bad = CODE_CHARS
                .iter()
                .map(|b| *b as char)
                .find(|c| *c != good && !self.codes.contains(&format!("{}{c}", &d.uscc[..17])))
                .unwrap_or(good);
            chars[17] = bad;
            d.uscc = chars.into_iter().collect();
            self.codes.insert(d.uscc.clone());
            d.uscc_reason = self.rng.pick(NONSTANDARD_REASONS).to_string();
            if !d.permit_no.is_empty() {
                d.permit_no = format!("{}{}", d.uscc, &d.permit_no[18..]);
            }
        }
        let mut former_names = Vec::new();
        if self.rng.chance(40) {
            let count = if self.rng.chance(150) { 2 } else { 1 };
            let mut last = self.today - Duration::days(30);
            for _ in 0..count {
                let prefix = *self.rng.pick(place.prefixes);
                let word = *self.rng.pick(industry.words);
                let old = if self.rng.chance(500) {
                    format!("{prefix}{zihao}{word}厂")
                } else {
                    format!("{prefix}{}{word}有限公司", self.zihao())
                };
                let earliest = NaiveDate::from_ymd_opt(2008, 1, 1).unwrap_or(last);
                let valid_to = self.date_between(earliest, last);
                last = valid_to - Duration::days(1);
                former_names.push((old, valid_to.format("%Y-%m-%d").to_string()));
            }
        }
        DemoEnterprise {
            draft: d,
            former_names,
        }
    }

    /// Permit, hazardous-waste class, key-polluter flags, credit, grade and status by industry profile.
    fn classes(&mut self, d: &mut EnterpriseDraft, industry: &Industry) {
        let permit: &[(&str, u32)] = match industry.profile {
            Heavy => &[("key", 60), ("simplified", 30), ("registration", 10)],
            Medium => &[
                ("key", 15),
                ("simplified", 45),
                ("registration", 35),
                ("", 5),
            ],
            Light => &[
                ("key", 2),
                ("simplified", 18),
                ("registration", 65),
                ("", 15),
            ],
        };
        d.permit_class = self.rng.weighted(permit).to_string();
        if !d.permit_class.is_empty() {
            let letter = if d.permit_class == "registration" {
                'W'
            } else {
                'P'
            };
            let seq = if self.rng.chance(50) { 2 } else { 1 };
            d.permit_no = format!("{}{seq:03}{letter}", d.uscc);
            // A few expired and a few expiring within 30 days, so the home screen's alerts have work.
            let expiry = if self.rng.chance(30) {
                self.date_between(self.today - Duration::days(200), self.today)
            } else if self.rng.chance(25) {
                self.date_between(
                    self.today + Duration::days(1),
                    self.today + Duration::days(29),
                )
            } else {
                self.date_between(
                    self.today + Duration::days(30),
                    self.today + Duration::days(5 * 365),
                )
            };
            d.permit_expiry = expiry.format("%Y-%m-%d").to_string();
        }
        let hw: &[(&str, u32)] = match industry.profile {
            Heavy => &[("key", 60), ("simplified", 30), ("registration", 10)],
            Medium => &[
                ("key", 15),
                ("simplified", 40),
                ("registration", 40),
                ("", 5),
            ],
            Light => &[
                ("key", 1),
                ("simplified", 9),
                ("registration", 40),
                ("", 50),
            ],
        };
        d.hw_class = self.rng.weighted(hw).to_string();
        let takes_flags = match industry.profile {
            Heavy => self.rng.chance(800),
            Medium => self.rng.chance(250),
            Light => self.rng.chance(30),
        };
        if takes_flags && !industry.flags.is_empty() {
            let mut flags: Vec<&str> = industry.flags.split(',').collect();
            if industry.profile == Heavy && self.rng.chance(150) {
                flags.push("soil");
            }
            d.key_flags = flags.join(",");
        }
        d.credit = self
            .rng
            .weighted(&[
                ("green", 20),
                ("blue", 55),
                ("yellow", 12),
                ("black", 2),
                ("", 11),
            ])
            .to_string();
        let graded = industry.flags.contains("air") || industry.profile == Heavy;
        d.perf_grade = if graded {
            self.rng.weighted(&[
                ("A", 5),
                ("B", 18),
                ("B-", 12),
                ("C", 45),
                ("D", 15),
                ("leading", 2),
                ("", 3),
            ])
        } else {
            self.rng.weighted(&[("", 85), ("C", 10), ("D", 5)])
        }
        .to_string();
        d.status = self
            .rng
            .weighted(&[("operating", 88), ("suspended", 8), ("closed", 4)])
            .to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::enterprise::validate_draft;
    use crate::domain::validate::Severity;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default()
    }

    #[test]
    fn organisation_code_check_digit_matches_real_codes() {
        // Positions 9-17 of the specification's valid USCC test vectors.
        assert_eq!(org_code("69922961"), "699229617");
        assert_eq!(org_code("78083712"), "780837126");
    }

    #[test]
    fn generated_enterprises_validate_with_only_the_intended_warnings() {
        let mut g = Generator::new(7, today());
        let regions: Vec<&str> = PLACES.iter().map(|p| p.code).collect();
        let mut nonstandard = 0;
        let mut former = 0;
        for _ in 0..3000 {
            let mut e = g.enterprise();
            let issues = validate_draft(&mut e.draft, |c| regions.contains(&c), today());
            for i in &issues {
                assert_eq!(i.severity, Severity::Warning, "{:?} {:?}", e.draft, i);
                assert!(
                    matches!(i.code, "permit_expired" | "uscc_checksum"),
                    "{}",
                    i.code
                );
            }
            nonstandard += usize::from(!e.draft.uscc_reason.is_empty());
            former += usize::from(!e.former_names.is_empty());
        }
        assert!((15..=60).contains(&nonstandard), "{nonstandard}");
        assert!((60..=200).contains(&former), "{former}");
    }

    #[test]
    fn the_same_seed_gives_the_same_data() {
        let a = Generator::new(1, today()).enterprise().draft;
        let b = Generator::new(1, today()).enterprise().draft;
        assert_eq!(a, b);
    }
}
