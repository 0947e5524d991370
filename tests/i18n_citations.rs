//! Every message that cites an article of 《行政处罚法》, listed with the article it cites, in both
//! languages: a new citation, or a changed one, fails here until it is checked against the law and
//! added. Showing certificates is 第五十五条; two qualified officers 第四十二条; recusal 第四十三条;
//! limitation 第三十六条.

use ecocase::i18n::{Lang, T};

/// The Chinese numeral of an article, as written in a citation.
fn articles_zh(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '第' {
            let mut j = i + 1;
            while j < chars.len() && "一二三四五六七八九十百零".contains(chars[j]) {
                j += 1;
            }
            if j > i + 1 && j < chars.len() && chars[j] == '条' {
                out.push(chars[i..=j].iter().collect());
                i = j;
            }
        }
        i += 1;
    }
    out
}

#[test]
fn every_article_cited_is_the_listed_one() {
    let expected: &[(T, &str, &str)] = &[
        (T::InspectionErrTwoOfficers, "第四十二条", "art. 42"),
        (T::InspectionErrSamePerson, "第四十二条", "art. 42"),
        (T::InspectionErrNoCertificate, "第四十二条", "art. 42"),
        (T::InspectionErrSameCertificate, "第五十五条", "art. 55"),
        (T::InspectionErrCertificateExpired, "第五十五条", "art. 55"),
        (T::InspectionErrRecusal, "第四十三条", "art. 43"),
        (T::InspectionErrLimitation, "第三十六条", "art. 36"),
        (
            T::InspectionErrLimitationContinuing,
            "第三十六条",
            "art. 36",
        ),
        (T::InspectionErrActMissing, "第三十六条", "art. 36"),
        (T::InspectionActLine, "第三十六条", "art. 36"),
        (T::ManifestErrApprovalMode, "第二十八条", "Art. 28"),
        (T::ManifestErrNumberCity, "第十五条", "Art. 15"),
    ];
    let mut found: Vec<(T, Vec<String>)> = T::ALL
        .iter()
        .map(|t| (*t, articles_zh(t.get(Lang::Zh))))
        // Every message citing an article is listed, 部令第23号's (the manifest rules) included.
        .filter(|(t, a)| !a.is_empty() && *t != T::KeyFirst)
        .collect();
    found.sort_by_key(|(t, _)| format!("{t:?}"));
    let mut want: Vec<(T, Vec<String>)> = expected
        .iter()
        .map(|(t, zh, _)| (*t, vec![zh.to_string()]))
        .collect();
    want.sort_by_key(|(t, _)| format!("{t:?}"));
    assert_eq!(found, want, "messages citing an article");
    for (t, zh, en) in expected {
        assert!(t.get(Lang::Zh).contains(zh), "{t:?}");
        assert!(t.get(Lang::En).contains(en), "{t:?}: {}", t.get(Lang::En));
    }
    // Showing certificates is 第五十五条, never 第四十二条.
    for t in T::ALL {
        let zh = t.get(Lang::Zh);
        if zh.contains("出示") && zh.contains("执法证") {
            assert!(zh.contains("第五十五条"), "{t:?}: {zh}");
        }
    }
}
