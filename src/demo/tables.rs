//! The vocabulary of the demo data: Liaocheng's regions with their towns and the prefixes local company
//! names use, typical industries with GB/T 4754-2017 codes and how heavily each is regulated, and the
//! characters names, 字号 and addresses are made of.

use Profile::{Heavy, Light, Medium};

/// How heavily an industry is regulated: decides permit class, waste class and key-polluter flags.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    Heavy,
    Medium,
    Light,
}

pub struct Industry {
    pub words: &'static [&'static str],
    pub code: &'static str,
    pub weight: u32,
    pub profile: Profile,
    pub flags: &'static str,
}

const fn ind(
    words: &'static [&'static str],
    code: &'static str,
    weight: u32,
    profile: Profile,
    flags: &'static str,
) -> Industry {
    Industry {
        words,
        code,
        weight,
        profile,
        flags,
    }
}

/// Industries typical of Liaocheng, with GB/T 4754-2017 codes.
pub const INDUSTRIES: &[Industry] = &[
    ind(
        &["化工", "化学", "新材料"],
        "2614",
        10,
        Heavy,
        "water,air,risk",
    ),
    ind(&["精细化工", "化学科技"], "2662", 4, Heavy, "water,risk"),
    ind(&["农药", "农化"], "2631", 1, Heavy, "water,air,risk"),
    ind(&["纺织", "棉业", "纺纱"], "1711", 8, Light, ""),
    ind(&["印染", "染整"], "1713", 3, Medium, "water"),
    ind(&["轴承", "精密轴承", "轴承制造"], "3451", 10, Medium, ""),
    ind(&["纸业", "造纸"], "2221", 4, Heavy, "water"),
    ind(&["热电", "热力", "能源"], "4412", 3, Heavy, "air"),
    ind(&["铸造", "铸业", "机械铸造"], "3391", 6, Medium, "air"),
    ind(&["食品", "食品科技", "粮油"], "1399", 8, Light, ""),
    ind(&["药业", "制药", "医药"], "2720", 3, Medium, "water"),
    ind(&["生物科技", "生物工程"], "2761", 2, Medium, "water"),
    ind(&["电缆", "线缆"], "3831", 4, Light, ""),
    ind(&["钢板", "金属制品", "镀锌"], "3130", 4, Medium, "air"),
    ind(&["铝业", "铝材"], "3216", 2, Heavy, "air,risk"),
    ind(&["汽车配件", "汽车零部件"], "3670", 4, Light, ""),
    ind(&["机械", "机械制造", "机电"], "3499", 5, Light, ""),
    ind(&["木业", "板业"], "2021", 3, Light, ""),
    ind(&["家具"], "2110", 2, Light, ""),
    ind(&["包装", "印务"], "2319", 3, Light, ""),
    ind(&["塑业", "塑料制品"], "2929", 3, Light, ""),
    ind(&["轮胎", "橡胶"], "2911", 1, Medium, "air"),
    ind(&["饲料"], "1320", 3, Light, ""),
    ind(&["建材", "水泥制品"], "3021", 3, Light, "noise"),
    ind(&["环保科技", "环境科技"], "7724", 1, Heavy, "risk"),
    ind(&["水务", "污水处理"], "4620", 2, Medium, "water"),
    ind(&["牧业", "养殖"], "0313", 3, Light, ""),
    ind(&["汽车维修", "汽修"], "8111", 2, Light, ""),
    ind(&["电镀", "表面处理"], "3360", 2, Heavy, "water,risk"),
];

/// Region code, weight, name prefixes used in company names, district name in addresses, towns.
pub struct Place {
    pub code: &'static str,
    pub weight: u32,
    pub prefixes: &'static [&'static str],
    pub district: &'static str,
    pub towns: &'static [&'static str],
}

pub const PLACES: &[Place] = &[
    Place {
        code: "371502",
        weight: 18,
        prefixes: &["聊城市", "聊城", "山东"],
        district: "聊城市东昌府区",
        towns: &[
            "古楼街道",
            "柳园街道",
            "新区街道",
            "湖西街道",
            "道口铺街道",
            "闫寺街道",
            "郑家镇",
            "沙镇镇",
            "堂邑镇",
        ],
    },
    Place {
        code: "371503",
        weight: 11,
        prefixes: &["聊城市茌平区", "茌平", "山东"],
        district: "聊城市茌平区",
        towns: &[
            "振兴街道",
            "信发街道",
            "温陈街道",
            "乐平铺镇",
            "冯官屯镇",
            "博平镇",
        ],
    },
    Place {
        code: "371521",
        weight: 10,
        prefixes: &["阳谷县", "阳谷", "山东"],
        district: "聊城市阳谷县",
        towns: &[
            "博济桥街道",
            "侨润街道",
            "狮子楼街道",
            "阎楼镇",
            "阿城镇",
            "七级镇",
            "张秋镇",
        ],
    },
    Place {
        code: "371522",
        weight: 10,
        prefixes: &["莘县", "山东"],
        district: "聊城市莘县",
        towns: &[
            "莘州街道",
            "燕塔街道",
            "莘亭街道",
            "张鲁回族镇",
            "朝城镇",
            "观城镇",
            "古城镇",
        ],
    },
    Place {
        code: "371524",
        weight: 7,
        prefixes: &["东阿县", "东阿"],
        district: "聊城市东阿县",
        towns: &[
            "铜城街道",
            "新城街道",
            "刘集镇",
            "牛角店镇",
            "大桥镇",
            "高集镇",
        ],
    },
    Place {
        code: "371525",
        weight: 9,
        prefixes: &["冠县", "山东"],
        district: "聊城市冠县",
        towns: &[
            "清泉街道",
            "崇文街道",
            "烟庄街道",
            "贾镇",
            "桑阿镇",
            "柳林镇",
            "辛集镇",
        ],
    },
    Place {
        code: "371526",
        weight: 8,
        prefixes: &["高唐县", "高唐"],
        district: "聊城市高唐县",
        towns: &[
            "鱼邱湖街道",
            "汇鑫街道",
            "人和街道",
            "梁村镇",
            "尹集镇",
            "清平镇",
            "固河镇",
        ],
    },
    Place {
        code: "371581",
        weight: 12,
        prefixes: &["临清市", "临清"],
        district: "临清市",
        towns: &[
            "青年路街道",
            "新华路街道",
            "先锋路街道",
            "大辛庄街道",
            "烟店镇",
            "松林镇",
            "潘庄镇",
            "康庄镇",
        ],
    },
    Place {
        code: "3715A1",
        weight: 7,
        prefixes: &["聊城市", "聊城", "山东"],
        district: "聊城经济技术开发区",
        towns: &["蒋官屯街道", "东城街道", "广平乡"],
    },
    Place {
        code: "3715A2",
        weight: 6,
        prefixes: &["聊城市", "聊城", "山东"],
        district: "聊城高新技术产业开发区",
        towns: &["九州街道", "顾官屯镇", "韩集乡"],
    },
    Place {
        code: "3715A3",
        weight: 2,
        prefixes: &["聊城市", "聊城"],
        district: "江北水城旅游度假区",
        towns: &["李海务街道", "于集镇", "朱老庄镇"],
    },
];

pub const ZIHAO_FIRST: &[char] = &[
    '鑫', '恒', '华', '瑞', '金', '宏', '昌', '兴', '泰', '永', '润', '祥', '天', '佳', '盛', '嘉',
    '德', '富', '汇', '康', '信', '隆', '通', '源', '宇', '联', '正', '新', '东', '中', '鲁', '齐',
    '凤', '龙', '海', '银', '远', '益', '丰', '博',
];
pub const ZIHAO_SECOND: &[char] = &[
    '达', '泰', '源', '丰', '盛', '昌', '华', '通', '鑫', '利', '和', '隆', '宇', '诚', '远', '海',
    '阳', '辉', '邦', '凯', '航', '发', '峰', '润', '安', '成', '科', '力', '信', '冠', '美', '宏',
    '祥', '晟', '旺', '升', '威', '业', '运', '维',
];
pub const FORMS: &[(&str, u32)] = &[
    ("有限公司", 70),
    ("股份有限公司", 8),
    ("有限责任公司", 8),
    ("集团有限公司", 3),
    ("厂", 5),
];
pub const SURNAMES: &[char] = &[
    '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭',
    '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾',
    '田', '董', '袁', '潘', '于', '蒋', '蔡', '杜', '程', '魏', '吕', '丁', '任', '姚', '崔', '姜',
];
pub const GIVEN: &[char] = &[
    '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明',
    '超', '秀', '霞', '平', '刚', '桂', '建', '国', '红', '志', '文', '海', '玉', '春', '东', '斌',
    '波', '峰', '林', '庆', '宏', '兵', '鹏', '辉', '亮', '成', '宇', '晨', '浩', '凯',
];
pub const ROADS: &[&str] = &[
    "工业路",
    "兴业路",
    "振兴路",
    "建设路",
    "光明路",
    "黄河路",
    "长江路",
    "东昌路",
    "柳园路",
    "花园路",
    "育新街",
    "站前街",
    "中华路",
    "卫育路",
    "创业路",
    "经七路",
    "纬三路",
    "松桂路",
    "湖南路",
    "开元路",
];
pub const MOBILE_PREFIXES: &[&str] = &[
    "133", "135", "137", "138", "139", "150", "151", "152", "155", "158", "159", "176", "177",
    "180", "182", "183", "186", "187", "188", "189", "199",
];
pub const NONSTANDARD_REASONS: &[&str] = &[
    "2015年换证前颁发的旧代码，企业尚未换发新照",
    "营业执照代码与校验规则不符，已核对执照原件",
    "由原组织机构代码转换而来，待市场监管部门更正",
];
/// The USCC alphabet without the characters that never occur.
pub const CODE_CHARS: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
