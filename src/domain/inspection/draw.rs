//! 双随机 sampling (spec/domain.md §4): the documented in-house sampler, the canonical candidate hash and
//! the officer pairing. Pure: the seed, the candidates and the officers are arguments, so anyone holding a
//! draw's stored seed and candidate list recomputes the same result (`ecocase draw verify`).
//!
//! Algorithm `pfy-chacha20-lemire32-v1`:
//! 1. The stream is ChaCha20 (20 rounds) keyed by the 32-byte seed, as `rand_chacha::ChaCha20Rng`
//!    produces it; only its `next_u32` words are used.
//! 2. A bounded integer in `[0, n)` is Lemire's multiply-shift with rejection: `m = x * n` (64-bit);
//!    when the low 32 bits are below `2^32 mod n` the word is rejected and another is taken. Every value
//!    is equally likely.
//! 3. Partial Fisher-Yates: positions `0..n`; for `i` in `0..k` swap `i` with `i + bounded(n - i)`. The
//!    first `k` positions, in that order, are the drawn candidates.

use rand_chacha::ChaCha20Rng;
use rand_core::{Rng, SeedableRng};
use sha2::{Digest, Sha256};

/// The identifier stored with every draw.
pub const ALGORITHM: &str = "pfy-chacha20-lemire32-v1";

/// An unbiased integer in `[0, n)` from a 32-bit stream (Lemire 2019, with rejection). `n` must be > 0.
pub fn bounded(rng: &mut impl Rng, n: u32) -> u32 {
    let mut m = u64::from(rng.next_u32()) * u64::from(n);
    let mut low = m as u32;
    if low < n {
        // 2^32 mod n, computed in 32 bits.
        let threshold = n.wrapping_neg() % n;
        while low < threshold {
            m = u64::from(rng.next_u32()) * u64::from(n);
            low = m as u32;
        }
    }
    (m >> 32) as u32
}

/// Draws `k` distinct positions out of `0..n` (all of them when `k >= n`), in drawing order.
pub fn sample(seed: &[u8; 32], n: usize, k: usize) -> Vec<usize> {
    let n = n.min(u32::MAX as usize);
    let k = k.min(n);
    let mut rng = ChaCha20Rng::from_seed(*seed);
    let mut positions: Vec<usize> = (0..n).collect();
    for i in 0..k {
        let span = (n - i) as u32;
        let j = i + bounded(&mut rng, span) as usize;
        positions.swap(i, j);
    }
    positions.truncate(k);
    positions
}

/// SHA-256 (hex) of the candidate list in canonical order: each USCC followed by a newline.
pub fn candidates_hash<'a>(usccs: impl IntoIterator<Item = &'a str>) -> String {
    let mut h = Sha256::new();
    for u in usccs {
        h.update(u.as_bytes());
        h.update(b"\n");
    }
    hex::encode(h.finalize())
}

/// How many to draw: an explicit count wins; otherwise the ratio of the candidates, rounded up, so a
/// non-zero ratio of a non-empty list draws at least one.
pub fn draw_size(candidates: usize, ratio_pct: u32, count: u32) -> usize {
    if count > 0 {
        return (count as usize).min(candidates);
    }
    (candidates * ratio_pct.min(100) as usize).div_ceil(100)
}

/// The calendar quarter a plan's date falls in, as [first day, first day of the next quarter): an
/// enterprise drawn by a plan of the same quarter is excluded from another draw.
pub fn quarter_of(d: chrono::NaiveDate) -> (chrono::NaiveDate, chrono::NaiveDate) {
    use chrono::Datelike;
    let first_month = (d.month0() / 3) * 3 + 1;
    let start = chrono::NaiveDate::from_ymd_opt(d.year(), first_month, 1).unwrap_or(d);
    let end = start
        .checked_add_months(chrono::Months::new(3))
        .unwrap_or(chrono::NaiveDate::MAX);
    (start, end)
}

/// Parses a stored seed (64 hex characters).
pub fn parse_seed(hex_seed: &str) -> Option<[u8; 32]> {
    let bytes = hex::decode(hex_seed.trim()).ok()?;
    bytes.try_into().ok()
}

/// An officer available to a draw: the id and how many open inspections they already carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolOfficer {
    pub user_id: i64,
    pub load: u32,
}

/// Officer pairs for the drawn enterprises, in order: for each, the two least-loaded officers (ties by
/// id) who have no recorded relation to it; `None` when fewer than two are free of conflicts. Each
/// assignment adds to the officers' load, so work spreads across the pool.
pub fn assign_pairs(
    pool: &[PoolOfficer],
    enterprises: &[i64],
    conflicted: impl Fn(i64, i64) -> bool,
) -> Vec<Option<(i64, i64)>> {
    let mut pool: Vec<PoolOfficer> = pool.to_vec();
    enterprises
        .iter()
        .map(|&e| {
            let mut free: Vec<usize> = (0..pool.len())
                .filter(|&i| !conflicted(pool[i].user_id, e))
                .collect();
            free.sort_by_key(|&i| (pool[i].load, pool[i].user_id));
            match free.as_slice() {
                [a, b, ..] => {
                    let (a, b) = (*a, *b);
                    pool[a].load += 1;
                    pool[b].load += 1;
                    Some((pool[a].user_id, pool[b].user_id))
                }
                _ => None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stream that replays fixed words, to show the rejection step.
    struct Words(Vec<u32>, usize);
    impl rand_core::TryRng for Words {
        type Error = std::convert::Infallible;
        fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
            self.1 += 1;
            Ok(self.0[self.1 - 1])
        }
        fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
            Ok(u64::from(self.try_next_u32()?))
        }
        fn try_fill_bytes(&mut self, _dst: &mut [u8]) -> Result<(), Self::Error> {
            Ok(())
        }
    }

    #[test]
    fn bounded_rejects_the_biased_zone() {
        // n = 3: 2^32 mod 3 = 1, so a word whose product has low bits 0 is rejected.
        let mut w = Words(vec![0, u32::MAX], 0);
        assert_eq!(bounded(&mut w, 3), 2);
        assert_eq!(w.1, 2, "the first word was rejected");
        let mut w = Words(vec![u32::MAX / 2], 0);
        assert_eq!(bounded(&mut w, 2), 0);
    }

    #[test]
    fn draw_size_rounds_up_and_prefers_count() {
        assert_eq!(draw_size(10, 25, 0), 3);
        assert_eq!(draw_size(10, 0, 0), 0);
        assert_eq!(draw_size(10, 5, 4), 4);
        assert_eq!(draw_size(3, 5, 40), 3);
    }

    #[test]
    fn quarters_bound_the_overlap_of_draws() {
        let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        assert_eq!(
            quarter_of(d("2026-12-20")),
            (d("2026-10-01"), d("2027-01-01"))
        );
        assert_eq!(
            quarter_of(d("2026-01-01")),
            (d("2026-01-01"), d("2026-04-01"))
        );
        assert_eq!(
            quarter_of(d("2026-06-30")),
            (d("2026-04-01"), d("2026-07-01"))
        );
    }

    #[test]
    fn pairs_balance_load_and_avoid_conflicts() {
        let pool = [
            PoolOfficer {
                user_id: 1,
                load: 0,
            },
            PoolOfficer {
                user_id: 2,
                load: 0,
            },
            PoolOfficer {
                user_id: 3,
                load: 0,
            },
            PoolOfficer {
                user_id: 4,
                load: 5,
            },
        ];
        let pairs = assign_pairs(&pool, &[10, 11, 12], |u, e| u == 1 && e == 11);
        assert_eq!(pairs, vec![Some((1, 2)), Some((3, 2)), Some((1, 3))]);
        let none = assign_pairs(&pool[..2], &[11], |u, e| u == 1 && e == 11);
        assert_eq!(none, vec![None]);
    }

    #[test]
    fn seed_parses_from_hex() {
        assert_eq!(parse_seed(&"00".repeat(32)), Some([0u8; 32]));
        assert_eq!(parse_seed("abc"), None);
    }
}
