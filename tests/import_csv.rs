//! `ecocase import enterprises` through the real binary: encodings, header languages, strict and
//! lenient modes, updates and file-level refusals.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod cli_common;
use cli_common::{Sandbox, count_enterprises, text};

/// Three good rows (two regions given by name, one by code) with Chinese headers and an extra column.
const GOOD_ZH: &str = "统一社会信用代码,企业名称,法定代表人,所属区域,许可管理类别,排污许可证编号,许可证有效期至,环境信用,备注\r\n\
91130200699229617X,聊城市绿源化工有限公司,王强,冠县,重点管理,91130200699229617X001P,2030/6/30,蓝,老客户\r\n\
911302307808371268,临清市恒通轴承有限公司,李明,临清市,,,,绿,\r\n\
91371500MA3C00000F,聊城鲁西热电有限公司,张伟,371502,,,,,\r\n";

fn gbk(s: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(s);
    assert!(!unmappable);
    bytes.into_owned()
}

fn import(s: &Sandbox, file: &std::path::Path, extra: &[&str]) -> cli_common::Run {
    let f = text(file);
    let mut args = vec!["import", "enterprises", f.as_str()];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["--as", "staff"]);
    s.run_as(&args, "Yellow-river-bend-88")
}

#[test]
fn the_test_codes_are_valid() {
    // The third code's check character is computed, so the file above stays valid by construction.
    assert_eq!(
        ecocase::domain::uscc::check_char("91371500MA3C00000"),
        Some('F')
    );
}

#[test]
fn a_gbk_file_with_chinese_headers_imports() {
    let s = Sandbox::new();
    s.init_with_staff();
    let file = s.write("gbk.csv", &gbk(GOOD_ZH));
    let r = import(&s, &file, &[]);
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(r.stdout.contains("编码 GBK，3 行数据"), "{}", r.stdout);
    assert!(r.stdout.contains("已忽略的列：备注"), "{}", r.stdout);
    assert!(r.stdout.contains("新建 3 家"), "{}", r.stdout);
    assert_eq!(count_enterprises(&s.db), 3);
    let conn = rusqlite::Connection::open(&s.db).expect("open");
    let (region, class, expiry, credit): (String, String, String, String) = conn
        .query_row(
            "SELECT region_code, permit_class, permit_expiry, credit FROM enterprise WHERE uscc = '91130200699229617X'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .expect("row");
    assert_eq!(
        (
            region.as_str(),
            class.as_str(),
            expiry.as_str(),
            credit.as_str()
        ),
        ("371525", "key", "2030-06-30", "blue")
    );
    let audited: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE entity = 'enterprise' AND action = 'create' AND actor_name = 'staff'",
            [],
            |r| r.get(0),
        )
        .expect("audit");
    assert_eq!(audited, 3);
    // The imported rows verify against their after-images.
    let r = s.run(&["check"], "");
    assert_eq!(r.code, 0, "{}", r.all());
}

#[test]
fn a_utf8_bom_file_with_english_headers_imports() {
    let s = Sandbox::new();
    s.init_with_staff();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(
        "USCC,Name,Legal representative,Region,Key polluter flags,Status\r\n\
         91130200699229617X,Liaocheng Lvyuan Chemical Co.,Wang Qiang,Guan County,\"water, environmental risk\",Suspended\r\n"
            .as_bytes(),
    );
    let file = s.write("bom.csv", &bytes);
    let r = s.run_as(
        &[
            "--lang",
            "en",
            "import",
            "enterprises",
            &text(&file),
            "--as",
            "staff",
        ],
        "Yellow-river-bend-88",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(
        r.stdout.contains("encoding UTF-8 BOM, 1 data rows"),
        "{}",
        r.stdout
    );
    let conn = rusqlite::Connection::open(&s.db).expect("open");
    let (flags, status): (String, String) = conn
        .query_row(
            "SELECT key_flags, status FROM enterprise WHERE uscc = '91130200699229617X'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("row");
    assert_eq!(
        (flags.as_str(), status.as_str()),
        ("water,risk", "suspended")
    );
}

/// The good file with one more row whose check character is wrong.
fn with_bad_row() -> String {
    format!("{GOOD_ZH}91130200699229617A,聊城市错误代码化工有限公司,赵六,东昌府区,,,,,\r\n")
}

#[test]
fn strict_mode_with_one_bad_row_imports_nothing_and_names_row_column_and_check_char() {
    let s = Sandbox::new();
    s.init_with_staff();
    let file = s.write("bad.csv", &gbk(&with_bad_row()));
    let r = import(&s, &file, &[]);
    assert_eq!(r.code, 1, "{}", r.all());
    assert!(
        r.stdout
            .contains("第 5 行  统一社会信用代码：校验码不符，应为 X"),
        "{}",
        r.stdout
    );
    assert!(r.stderr.contains("未导入任何记录"), "{}", r.stderr);
    assert_eq!(count_enterprises(&s.db), 0);
    let r = s.run_as(
        &[
            "--lang",
            "en",
            "import",
            "enterprises",
            &text(&file),
            "--as",
            "staff",
        ],
        "Yellow-river-bend-88",
    );
    assert!(
        r.stdout
            .contains("line 5  统一社会信用代码: Check character is wrong: expected X"),
        "{}",
        r.stdout
    );
}

#[test]
fn lenient_mode_imports_the_good_rows_and_reports_the_rest() {
    let s = Sandbox::new();
    s.init_with_staff();
    let file = s.write("bad.csv", &gbk(&with_bad_row()));
    let r = import(&s, &file, &["--lenient"]);
    assert_eq!(r.code, 1, "{}", r.all());
    assert!(r.stdout.contains("新建 3 家"), "{}", r.stdout);
    assert!(r.stdout.contains("第 5 行"), "{}", r.stdout);
    assert!(r.stderr.contains("已跳过 1 行"), "{}", r.stderr);
    assert_eq!(count_enterprises(&s.db), 3);
}

#[test]
fn duplicates_in_the_file_and_in_the_register_are_errors_unless_updating() {
    let s = Sandbox::new();
    s.init_with_staff();
    let file = s.write("gbk.csv", &gbk(GOOD_ZH));
    assert_eq!(import(&s, &file, &[]).code, 0);
    let twice = "统一社会信用代码,企业名称,所属区域\n911302307808371268,甲,冠县\n911302307808371268,乙,冠县\n";
    let dup = s.write("dup.csv", twice.as_bytes());
    let r = import(&s, &dup, &[]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains(
            "第 3 行  统一社会信用代码：统一社会信用代码 911302307808371268 与第 2 行重复"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("已登记为“临清市恒通轴承有限公司”"),
        "{}",
        r.stdout
    );
    // An update keeps the columns the file lacks and records the former name.
    let rename = s.write(
        "rename.csv",
        "统一社会信用代码,企业名称,所属区域\n911302307808371268,临清市恒通精密轴承有限公司,临清市\n".as_bytes(),
    );
    let r = import(&s, &rename, &["--update"]);
    assert_eq!(r.code, 0, "{}", r.all());
    assert!(r.stdout.contains("更新 1 家"), "{}", r.stdout);
    let conn = rusqlite::Connection::open(&s.db).expect("open");
    let (name, rep, credit): (String, String, String) = conn
        .query_row(
            "SELECT name, legal_rep, credit FROM enterprise WHERE uscc = '911302307808371268'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("row");
    assert_eq!(
        (name.as_str(), rep.as_str(), credit.as_str()),
        ("临清市恒通精密轴承有限公司", "李明", "green")
    );
    let former: String = conn
        .query_row("SELECT name FROM enterprise_former_name", [], |r| r.get(0))
        .expect("former");
    assert_eq!(former, "临清市恒通轴承有限公司");
}

#[test]
fn files_that_are_not_importable_are_refused_before_any_login() {
    let s = Sandbox::new();
    s.init_with_staff();
    let cases: [(&str, &[u8], &str); 5] = [
        ("empty.csv", b"", "文件是空的"),
        (
            "cols.csv",
            "企业名称,地址\n聊城,东昌府区\n".as_bytes(),
            "缺少必需的列：统一社会信用代码 (USCC), 所属区域 (Region)",
        ),
        ("book.xlsx", b"PK\x03\x04\x14\x00\x06\x00", "Excel 工作簿"),
        ("binary.csv", b"\x7fELF\x02\x01\x01\x00\x00\x00", "不是文本"),
        ("header.csv", "uscc,name,region\n".as_bytes(), "没有数据行"),
    ];
    for (name, bytes, expected) in cases {
        let file = s.write(name, bytes);
        // A wrong password would be refused; file problems are reported first.
        let r = s.run_as(
            &["import", "enterprises", &text(&file), "--as", "staff"],
            "wrong",
        );
        assert_eq!(r.code, 1, "{name}: {}", r.all());
        assert!(r.stderr.contains(expected), "{name}: {}", r.stderr);
    }
    let r = s.run_as(
        &[
            "import",
            "enterprises",
            &text(&s.path("missing.csv")),
            "--as",
            "staff",
        ],
        "Yellow-river-bend-88",
    );
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("文件或目录不存在"), "{}", r.stderr);
    assert_eq!(count_enterprises(&s.db), 0);
}

#[test]
fn branch_staff_import_only_into_their_region_and_admins_not_at_all() {
    let s = Sandbox::new();
    s.init_with_staff();
    let r = s.run(
        &[
            "user",
            "add",
            "guan",
            "--role",
            "staff",
            "--unit",
            "371525",
            "--password-stdin",
            "--as",
            "admin",
        ],
        "Guancheng-tower-2026\nCotton-field-road-7\n",
    );
    assert_eq!(r.code, 0, "{}", r.all());
    let file = s.write("gbk.csv", &gbk(GOOD_ZH));
    let r = s.run_as(
        &["import", "enterprises", &text(&file), "--as", "guan"],
        "Cotton-field-road-7",
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .contains("第 3 行  所属区域：所属区域 临清市 371581 不在您的管辖范围内"),
        "{}",
        r.stdout
    );
    assert_eq!(count_enterprises(&s.db), 0);
    let r = s.run_as(
        &["import", "enterprises", &text(&file), "--as", "admin"],
        "Guancheng-tower-2026",
    );
    assert_eq!(r.code, 5);
    assert!(
        r.stderr.contains("无权执行此操作：导入企业"),
        "{}",
        r.stderr
    );
}
