//! The audit chain's digest: its head (sequence number and hash), when the last entry was written and
//! how many records each table held. A short text a person can print, sign or paste into the bureau's
//! OA system; kept outside the database file, it proves the chain up to that entry was not rebuilt.
//!
//! The text carries one machine line, `seq=<n> sha256=<hex>`, that [`parse`] finds again in any file
//! holding digests (one, or a directory's file of appended ones), whatever the language around it.

use crate::i18n::{Lang, T, Text};

/// One digest of the chain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Digest {
    /// The last entry's sequence number (0 for an empty chain).
    pub seq: i64,
    /// The last entry's hash (the genesis hash for an empty chain).
    pub hash: String,
    /// When the last entry was written (RFC 3339), empty for an empty chain.
    pub last_at: String,
    /// Rows of each audited table, by table name.
    pub counts: Vec<(String, i64)>,
}

/// The machine line of a digest.
pub fn anchor(seq: i64, hash: &str) -> String {
    format!("seq={seq} sha256={hash}")
}

impl Digest {
    /// The digest as text: a title, the database, when it was taken, the anchor line, the counts.
    pub fn render(&self, lang: Lang, database: &str, taken_at: &str) -> String {
        let counts: Vec<String> = self
            .counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(t, n)| format!("{t}={n}"))
            .collect();
        [
            T::DigestTitle.get(lang).to_string(),
            Text::new(T::DigestDatabase)
                .arg("path", database)
                .render(lang),
            Text::new(T::DigestTaken).arg("at", taken_at).render(lang),
            Text::new(T::DigestLastEntry)
                .arg("at", &self.last_at)
                .render(lang),
            anchor(self.seq, &self.hash),
            Text::new(T::DigestCounts)
                .arg("counts", counts.join(" "))
                .render(lang),
        ]
        .join("\n")
            + "\n"
    }
}

/// Every `seq=<n> sha256=<64 hex>` in a text, in order.
pub fn parse(text: &str) -> Vec<(i64, String)> {
    let mut found = Vec::new();
    for line in text.lines() {
        let mut seq = None;
        let mut hash = None;
        for word in line.split_whitespace() {
            if let Some(n) = word.strip_prefix("seq=") {
                seq = n.parse::<i64>().ok();
            } else if let Some(h) = word.strip_prefix("sha256=") {
                let h = h.to_ascii_lowercase();
                if h.len() == 64 && h.bytes().all(|b| b.is_ascii_hexdigit()) {
                    hash = Some(h);
                }
            }
        }
        if let (Some(seq), Some(hash)) = (seq, hash) {
            found.push((seq, hash));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rendered_digest_parses_back_in_both_languages() {
        let d = Digest {
            seq: 4702,
            hash: "ab".repeat(32),
            last_at: "2026-12-07T21:00:00Z".into(),
            counts: vec![("enterprise".into(), 300), ("draw".into(), 0)],
        };
        for lang in [Lang::Zh, Lang::En] {
            let text = d.render(lang, "/srv/ecocase/ecocase.db", "2026-12-07 21:05");
            assert_eq!(parse(&text), vec![(4702, "ab".repeat(32))]);
            assert!(text.contains("enterprise=300"), "{text}");
            assert!(!text.contains("draw=0"), "{text}");
        }
    }

    #[test]
    fn parse_finds_every_digest_and_ignores_malformed_lines() {
        let text = format!(
            "seq=1 sha256={}\nseq=x sha256={}\nseq=3 sha256=short\n  链头 seq=9 sha256={}  \n",
            "0".repeat(64),
            "1".repeat(64),
            "F".repeat(64)
        );
        assert_eq!(parse(&text), vec![(1, "0".repeat(64)), (9, "f".repeat(64))]);
    }
}
