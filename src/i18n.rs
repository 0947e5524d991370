//! Every user-visible string, in zh-CN and English, in one table the compiler checks: a key without both
//! languages does not build. Strings with parameters use `{name}` placeholders filled by [`Text`].

use std::fmt;

/// The interface language. Chinese first: it is the default everywhere.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// Parses `zh`, `zh_CN.UTF-8`, `en`, `en_US.UTF-8` and similar; anything else is `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        let lower = s.trim().to_ascii_lowercase();
        if lower.starts_with("zh") {
            Some(Lang::Zh)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

macro_rules! texts {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// A key into the string table.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum T { $($key,)* }

        impl T {
            /// Every key, for tests that check placeholders and widths.
            pub const ALL: &'static [T] = &[$(T::$key,)*];

            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$key, Lang::Zh) => $zh, (T::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

texts! {
    // ---- application chrome
    AppName => "聊城生态环境 企业服务与监管", "Liaocheng Ecology: Enterprise Service & Supervision";
    DemoMarker => "[演示数据]", "[DEMO]";
    TooSmall => "终端窗口过小：需要至少 80x24，当前 {w}x{h}", "Terminal too small: needs at least 80x24, now {w}x{h}";
    None_ => "无", "none";
    All => "全部", "All";
    Unknown => "未知", "unknown";
    Saved => "已保存", "Saved";
    NothingSaved => "未保存任何内容", "Nothing was saved";

    // ---- roles
    RoleEnterprise => "企业用户", "Enterprise";
    RoleStaff => "工作人员", "Staff";
    RoleInspector => "执法人员", "Inspector";
    RoleSupervisor => "监管负责人", "Supervisor";
    RoleAdmin => "系统管理员", "Administrator";

    // ---- enterprise fields
    FieldUscc => "统一社会信用代码", "USCC";
    FieldUsccReason => "非标准代码说明", "Non-standard code reason";
    FieldName => "企业名称", "Name";
    FieldLegalRep => "法定代表人", "Legal representative";
    FieldContact => "环保联系人", "Environmental contact";
    FieldPhone => "联系电话", "Phone";
    FieldAddress => "地址", "Address";
    FieldRegion => "所属区域", "Region";
    FieldIndustry => "行业代码", "Industry code";
    FieldPermitNo => "排污许可证编号", "Discharge permit no.";
    FieldPermitClass => "许可管理类别", "Permit class";
    FieldPermitExpiry => "许可证有效期至", "Permit expiry";
    FieldKeyFlags => "重点排污单位类别", "Key polluter flags";
    FieldHwClass => "危废管理类别", "Hazardous waste class";
    FieldCredit => "环境信用", "Environmental credit";
    FieldPerfGrade => "绩效分级", "Performance grade";
    FieldListStatus => "正面清单", "Positive list";
    FieldStatus => "经营状态", "Status";
    FieldDeleteReason => "删除原因", "Reason for deletion";
    FieldUsername => "用户名", "Username";
    FieldPassword => "密码", "Password";
    FieldCertNumber => "执法证号", "Certificate number";
    FieldValidFrom => "有效期自", "Valid from";
    FieldValidTo => "有效期至", "Valid to";

    // ---- enumerations
    PermitKey => "重点管理", "Key management";
    PermitSimplified => "简化管理", "Simplified management";
    PermitRegistration => "登记管理", "Registration";
    HwKey => "重点监管", "Key supervision";
    FlagWater => "水", "water";
    FlagAir => "大气", "air";
    FlagGroundwater => "地下水", "groundwater";
    FlagNoise => "噪声", "noise";
    FlagSoil => "土壤", "soil";
    FlagRisk => "环境风险", "environmental risk";
    CreditGreen => "绿", "green";
    CreditBlue => "蓝", "blue";
    CreditYellow => "黄", "yellow";
    CreditBlack => "黑", "black";
    GradeA => "A", "A";
    GradeB => "B", "B";
    GradeBMinus => "B-", "B-";
    GradeC => "C", "C";
    GradeD => "D", "D";
    GradeLeading => "引领性", "leading";
    StatusOperating => "在营", "Operating";
    StatusSuspended => "停产", "Suspended";
    StatusClosed => "注销", "Closed";
    ListNone => "未列入", "Not listed";
    ListCandidate => "候选", "Candidate";
    ListNotice => "公示中", "In public notice";
    ListListed => "在册", "Listed";
    ListReview => "复核中", "Under review";
    ListRemoved => "已移出", "Removed";
    ListRejected => "未纳入", "Not admitted";

    // ---- validation
    ErrRequired => "{field}不能为空", "{field} is required";
    ErrTooLong => "{field}过长：最多 {max} 个字符", "{field} is too long: at most {max} characters";
    ErrUsccLength => "统一社会信用代码应为 18 位，当前 {len} 位", "USCC must be 18 characters, got {len}";
    ErrUsccChar => "统一社会信用代码第 {pos} 位“{ch}”不是有效字符（不使用 I、O、Z、S、V）", "USCC character {pos} '{ch}' is not allowed (I, O, Z, S, V are never used)";
    ErrUsccCheck => "校验码不符，应为 {expected}", "Check character is wrong: expected {expected}";
    WarnUsccCheck => "校验码不符（应为 {expected}），已按非标准代码保存并标记", "Check character is wrong (expected {expected}); saved as a flagged non-standard code";
    ErrUsccDuplicate => "统一社会信用代码 {uscc} 已登记为“{name}”", "USCC {uscc} is already registered as {name}";
    ErrUsccDuplicateHidden => "统一社会信用代码 {uscc} 已被登记", "USCC {uscc} is already registered";
    ErrRegionUnknown => "所属区域“{code}”不存在，请从列表中选择", "Region '{code}' does not exist: choose one from the list";
    ErrIndustry => "行业代码应为 4 位数字（GB/T 4754-2017）", "Industry code must be 4 digits (GB/T 4754-2017)";
    ErrPermitFormat => "排污许可证编号应为 22 位：统一社会信用代码 + 3 位数字 + 1 个字母", "Permit number must be 22 characters: USCC + 3 digits + 1 letter";
    WarnPermitOtherUscc => "排污许可证编号前 18 位与本企业统一社会信用代码不一致", "The permit number's first 18 characters differ from this enterprise's USCC";
    ErrDate => "{field}应为日期 YYYY-MM-DD，例如 2026-03-01", "{field} must be a date YYYY-MM-DD, e.g. 2026-03-01";
    ErrPhone => "联系电话只能包含数字、空格和 + - ( )", "Phone may contain only digits, spaces and + - ( )";
    ErrChoice => "{field}“{value}”不是有效选项：可选 {choices}", "{field} '{value}' is not a valid choice: use {choices}";
    ErrPermitClassNeedsNo => "已选择许可管理类别，请填写排污许可证编号", "A permit class is set: enter the permit number";
    WarnPermitExpired => "排污许可证已于 {date} 过期", "The discharge permit expired on {date}";
    ErrControlChars => "{field}包含控制字符，请删除后再保存", "{field} contains control characters: remove them";

    // ---- accounts and sessions
    ErrLoginFailed => "用户名或密码错误", "Wrong username or password";
    ErrLoginWait => "登录失败次数过多，请 {seconds} 秒后再试", "Too many failed logins: try again in {seconds} seconds";
    ErrAccountDisabled => "账户已停用，请联系管理员", "Account disabled: ask an administrator";
    ErrPasswordShort => "密码至少 {min} 个字符：可用一句好记的话作密码", "Password must be at least {min} characters: a memorable phrase works well";
    ErrPasswordLong => "密码最多 {max} 个字符", "Password may have at most {max} characters";
    ErrPasswordCommon => "密码太常见或太有规律（如 123456、5201314、woaini1314、qwertyuiop），容易被猜中：请换一个", "Password is too common or too regular (like 123456, qwertyuiop, password1): choose another";
    ErrPasswordHasUsername => "密码不能等于或包含用户名：请换一个", "Password may not equal or contain the username: choose another";
    ErrUsernameReserved => "用户名 {name} 为系统保留，请换一个", "The username {name} is reserved: choose another";
    MsgPasswordMustChange => "您的密码不符合现行密码规则，请先设置新密码", "Your password does not meet the current password rules: set a new one first";
    ErrUsernameFormat => "用户名只能包含字母、数字、点、下划线和短横线（2-32 位）", "Username may contain letters, digits, '.', '_' and '-' (2-32 characters)";
    ErrUsernameTaken => "用户名 {name} 已存在", "Username {name} already exists";
    ErrUserNotFound => "用户 {name} 不存在", "User {name} does not exist";
    ErrRoleUnknown => "角色“{role}”不存在：可选 enterprise、staff、inspector、supervisor、admin", "Unknown role '{role}': use enterprise, staff, inspector, supervisor, admin";
    ErrEnterpriseRoleAlone => "企业用户角色不能与其他角色同时持有，且必须绑定一家企业（--enterprise USCC）", "The enterprise role is held alone and needs one enterprise (--enterprise USCC)";
    ErrUnitUnknown => "单位“{code}”不存在", "Unit '{code}' does not exist";
    ErrEnterpriseNotFound => "未找到统一社会信用代码为 {uscc} 的企业", "No enterprise with USCC {uscc}";
    ErrLastAdmin => "不能停用最后一个系统管理员", "The last administrator cannot be disabled";
    SessionLocked => "会话已因闲置锁定，请重新输入密码", "Session locked after inactivity: enter your password again";

    // ---- service errors
    ErrForbidden => "无权执行此操作：{action}", "Not permitted: {action}";
    ErrNotFound => "记录不存在或无权查看", "The record does not exist or is not visible to you";
    ErrConflict => "已被 {user} 于 {time} 修改，请重新加载后再保存", "Changed by {user} at {time}: reload, then save again";
    ErrDatabase => "数据库错误：{detail}", "Database error: {detail}";
    ErrDiskFull => "磁盘已满，未保存任何内容：{detail}", "Disk full, nothing was saved: {detail}";
    ErrBusy => "数据库正忙（其他用户正在写入），请稍后重试", "The database is busy (another user is writing): try again shortly";
    ErrValidation => "有 {n} 处输入需要修改", "{n} field(s) need attention";
    ErrNotADatabase => "文件 {path} 不是 ecocase 数据库或已损坏", "{path} is not an ecocase database or is damaged";
    ErrNoDatabase => "数据库 {path} 不存在：请先运行 ecocase init 或 ecocase demo", "Database {path} does not exist: run ecocase init or ecocase demo first";
    ErrTooNew => "数据库版本 {found} 比本程序支持的 {supported} 新，请升级 ecocase", "Database version {found} is newer than this program supports ({supported}): upgrade ecocase";
    ErrDatabaseExists => "数据库 {path} 已存在，未做任何修改", "Database {path} already exists: nothing was changed";
    ErrReadOnly => "数据库文件只读，无法保存：{path}", "The database file is read-only: {path}";

    // ---- actions (permission names)
    ActEnterpriseRead => "查看企业", "view enterprises";
    ActEnterpriseCreate => "新建企业", "create enterprises";
    ActEnterpriseUpdate => "修改企业", "edit enterprises";
    ActEnterpriseDelete => "删除企业", "delete enterprises";
    ActEnterpriseImport => "导入企业", "import enterprises";
    ActEnterpriseExport => "导出企业", "export enterprises";
    ActUserManage => "管理用户", "manage users";
    ActReferenceManage => "管理基础数据", "manage reference data";
    ActSettingsManage => "修改参数", "change settings";
    ActAuditView => "查看审计日志", "view the audit log";

    // ---- administration: settings, reference data, audit
    SettingLoginMaxFailures => "连续登录失败几次后开始延时", "Failed logins before attempts are delayed";
    SettingLoginMaxDelay => "登录失败后最长等待秒数", "Longest wait after failed logins (s)";
    SettingIdleLockMinutes => "闲置几分钟后锁定会话", "Idle minutes before the session locks";
    SettingPasswordMinLength => "密码最短长度", "Minimum password length";
    ErrSettingUnknown => "参数“{key}”不存在：可选 {keys}", "Unknown setting '{key}': use one of {keys}";
    ErrSettingValue => "参数 {key} 应为 {min} 到 {max} 之间的整数", "Setting {key} must be a whole number from {min} to {max}";
    ErrRowField => "第 {row} 行“{column}”：{reason}", "Row {row}, column '{column}': {reason}";
    ErrMissingColumns => "缺少必需的列：{columns}", "Missing required column(s): {columns}";
    ErrEmptyFile => "文件没有数据行", "The file has no data rows";
    ReasonDate => "应为日期 YYYY-MM-DD", "must be a date YYYY-MM-DD";
    ReasonDayKind => "应为 holiday（放假）或 workday（调休上班）", "must be holiday or workday";
    ReasonWorkdayWeekday => "调休上班日应为周六或周日", "a make-up working day must be a Saturday or Sunday";
    ReasonDuplicate => "与第 {other} 行重复", "duplicates row {other}";
    ReasonWasteCode => "危废代码应为 ddd-ddd-dd（例如 900-041-49），类别 HW41-HW44 不存在", "waste code must be ddd-ddd-dd (e.g. 900-041-49); HW41-HW44 do not exist";
    ReasonCategoryMismatch => "类别应为 {expected}（代码末两位）", "category must be {expected} (the code's last two digits)";
    ReasonHazard => "危险特性“{value}”无效：可选 T、C、I、R、In", "hazard characteristic '{value}' is invalid: use T, C, I, R, In";
    ReasonRequired => "不能为空", "is required";
    ErrEditionExists => "名录版本“{label}”已存在", "Waste-code edition '{label}' already exists";
    ErrNoCategories => "没有可用的危废类别：请同时导入类别表", "No waste categories available: import the category table too";

    // ---- TUI screens (keep TUI strings in this section)
    ScreenLogin => "登录", "Log in";
    ScreenSetup => "首次使用", "First run";
    ScreenLock => "会话已锁定", "Session locked";
    ScreenHome => "首页", "Home";
    ScreenList => "企业名录", "Enterprises";
    ScreenDetail => "企业详情", "Enterprise";
    ScreenForm => "企业信息表", "Enterprise form";
    ScreenNew => "新建企业", "New enterprise";
    ScreenEdit => "修改：{name}", "Edit: {name}";
    ErrTerminal => "无法使用终端：{detail}", "Cannot use the terminal: {detail}";
    MsgLoading => "正在加载...", "Loading...";
    NotSet => "(未填)", "(not set)";
    FieldPasswordAgain => "再次输入密码", "Password again";
    ErrPasswordsDiffer => "两次输入的密码不一致，请重新输入", "The passwords differ: type the password again";
    SetupIntro => "尚未找到数据库。请选择如何开始：", "No database yet. Choose how to start:";
    SetupCreateAdmin => "创建系统管理员账户（新的空数据库）", "Create the administrator account (new empty database)";
    SetupLoadDemo => "加载演示数据（示例企业和演示账户）", "Load demo data (sample enterprises and demo accounts)";
    SetupChooseHint => "按 1 或 2 选择，或用上下键选择后按 Enter", "Press 1 or 2, or choose with Up/Down and press Enter";
    SetupAdminHint => "管理员负责账户和基础数据；企业登记请另建工作人员账户", "The administrator manages accounts and reference data; register enterprises with a staff account";
    MsgCreatingDatabase => "正在创建数据库...", "Creating the database...";
    MsgDatabaseCreated => "数据库已创建，请用管理员账户登录", "Database created: log in with the administrator account";
    MsgDemoWorking => "正在生成演示数据...", "Generating demo data...";
    MsgDemoReady => "演示数据已就绪：用上面任一演示账户登录", "Demo data ready: log in with any demo account above";
    MsgDemoMade => "演示数据已生成：{n} 家企业。演示账户（密码均为 demo）：", "Demo data made: {n} enterprises. Demo accounts (password demo):";
    MsgDemoAccount => "  {user}  {role}", "  {user}  {role}";
    MsgLoggingIn => "正在验证密码...", "Checking the password...";
    MsgLoggedOut => "已退出登录", "Logged out";
    LockedFor => "{user} 的会话因闲置已锁定，请输入密码继续", "{user}'s session is locked after inactivity: enter the password to continue";
    MsgPasteTruncated => "粘贴内容过长，只保留了前 {max} 个字符", "The paste was too long: only the first {max} characters were kept";
    HomeAlerts => "待办与提醒", "Tasks and alerts";
    HomeOverview => "企业概况", "Register overview";
    HomeOwnEnterprise => "本企业信息（按 Enter 查看详情）", "Your enterprise (Enter for details)";
    HomeEmpty => "暂无数据", "Nothing to show";
    TaskPermitExpiring => "排污许可证 30 日内到期", "Permits expiring within 30 days";
    TaskPermitExpired => "排污许可证已过期", "Permits expired";
    TaskNonstandardUscc => "非标准信用代码（已标记）", "Flagged non-standard USCCs";
    TaskWarningsAcknowledged => "带警告确认保存的记录", "Records saved with acknowledged warnings";
    TaskOperating => "在营企业", "Operating enterprises";
    TaskSuspended => "停产企业", "Suspended enterprises";
    TaskClosed => "注销企业", "Closed enterprises";
    TaskAll => "全部企业", "All enterprises";
    SearchLabel => "搜索:", "Search:";
    SearchHint => "名称、信用代码或拼音首字母", "name, USCC or pinyin initials";
    ListEmpty => "没有符合条件的企业（x 清除筛选）", "No enterprise matches (x clears the filters)";
    Counter => "{from}-{to}/{total}", "{from}-{to}/{total}";
    CounterEmpty => "0 条", "0 rows";
    ColUscc => "统一社会信用代码", "USCC";
    ColRegion => "区域", "Region";
    ColStatus => "状态", "Status";
    ColCredit => "信用", "Credit";
    ColPermitExpiry => "许可到期", "Permit exp.";
    DialogFilter => "筛选条件", "Filters";
    FilterAlert => "提醒", "Alert";
    FilterHint => "Left/Right 切换  Del 清除  Enter 应用  Esc 取消", "Left/Right change  Del clear  Enter apply  Esc cancel";
    SectionProfile => "基本信息", "Profile";
    SectionFormerNames => "曾用名", "Former names";
    SectionHistory => "变更记录", "Change history";
    DetailNonstandard => "(非标准代码，已标记)", "(non-standard code, flagged)";
    DetailUpdated => "最后修改", "Last changed";
    DetailUsedUntil => "(使用至 {date})", "(used until {date})";
    DetailScroll => "{from}-{to}/{total} 行", "lines {from}-{to}/{total}";
    AuditCreate => "登记", "registered";
    AuditUpdate => "修改", "changed";
    AuditDelete => "删除", "deleted";
    FormLegend => "* 为必填项；选项字段用 Left/Right 切换或 F4 选择；F2 保存", "* required; choice fields: Left/Right or F4 to pick; F2 saves";
    HintUsccReason => "仅校验码不符的旧代码需填写", "only for pre-standard codes failing the check";
    HintDate => "YYYY-MM-DD", "YYYY-MM-DD";
    HintIndustry => "4 位数字", "4 digits";
    IssueError => "错误: ", "Error: ";
    IssueWarning => "警告: ", "Warning: ";
    MsgSaving => "正在保存...", "Saving...";
    MsgSavedNamed => "已保存：{name}", "Saved: {name}";
    MsgReloaded => "已重新加载最新内容", "Reloaded the current record";
    ErrConflictReload => "已被 {user} 于 {time} 修改；按 Ctrl-R 重新加载，你的修改保留", "Changed by {user} at {time}; Ctrl-R reloads it, keeping your changes";
    MsgDeleting => "正在删除...", "Deleting...";
    MsgDeleted => "已删除（记录保留在审计日志中）", "Deleted (the record stays in the audit log)";
    DialogDelete => "删除企业", "Delete enterprise";
    DeleteQuestion => "删除：", "Delete: ";
    DialogConfirm => "请确认", "Please confirm";
    ConfirmQuitUnsaved => "有未保存的修改。仍要退出吗？", "There are unsaved changes. Quit anyway?";
    ConfirmDiscard => "有未保存的修改。放弃这些修改吗？", "There are unsaved changes. Discard them?";
    ConfirmWarnings => "以下警告仍然存在。确认后保存并记录这些警告：", "These warnings stand. Save and record them as acknowledged?";
    ButtonQuit => "退出", "Quit";
    ButtonStay => "不退出", "Stay";
    ButtonDiscard => "放弃修改", "Discard";
    ButtonKeepEditing => "继续编辑", "Keep editing";
    ButtonSaveAnyway => "确认保存", "Save anyway";
    ButtonBack => "返回修改", "Go back";
    ButtonCancel => "取消", "Cancel";
    ButtonProceed => "确认执行", "Proceed";
    Yes => "是", "Yes";
    No => "否", "No";
    KeySpecialPlan => "新建专项计划", "New special plan";
    ButtonDelete => "确认删除", "Delete";
    PaletteTitle => "命令（输入中文、英文或拼音首字母）", "Commands (type Chinese, English or pinyin initials)";
    PickerMultiHint => "空格 勾选/取消，Enter 确定", "Space ticks, Enter confirms";
    HelpTitle => "帮助：{screen}", "Help: {screen}";
    HelpFilter => "筛选:", "Filter:";
    HelpNoMatch => "没有匹配的项目", "Nothing matches";
    KeyHelp => "帮助", "Help";
    KeyPalette => "命令", "Commands";
    KeyBack => "返回", "Back";
    KeyQuit => "退出", "Quit";
    KeyRedraw => "重绘屏幕", "Redraw the screen";
    KeyGoHome => "回到首页", "Go to the home screen";
    KeyGoList => "企业名录", "Enterprise list";
    KeyNew => "新建企业", "New";
    KeyLock => "锁定会话", "Lock the session";
    KeyLogout => "退出登录", "Log out";
    KeySubmit => "确定", "OK";
    KeyLogin => "登录", "Log in";
    KeyUnlock => "解锁", "Unlock";
    KeyNextField => "下一项", "Next field";
    KeyPrevField => "上一项", "Previous field";
    KeyUp => "上移", "Up";
    KeyDown => "下移", "Down";
    KeyPageUp => "上一页", "Previous page";
    KeyPageDown => "下一页", "Next page";
    KeyFirst => "第一条", "First";
    KeyLast => "最后一条", "Last";
    KeyTop => "到顶部", "To the top";
    KeyBottom => "到底部", "To the bottom";
    KeyOpen => "打开", "Open";
    KeyOpenTask => "查看", "Open";
    KeySearch => "搜索", "Search";
    KeySearchApply => "搜索", "Search";
    KeySearchLeave => "离开搜索", "Leave search";
    KeyToList => "到列表", "To the list";
    KeyFilter => "筛选", "Filter";
    KeyClearFilter => "清除筛选", "Clear filters";
    KeyRefresh => "刷新", "Refresh";
    KeyEdit => "修改", "Edit";
    KeyDelete => "删除", "Delete";
    KeyScrollUp => "向上滚动", "Scroll up";
    KeyScrollDown => "向下滚动", "Scroll down";
    KeySave => "保存", "Save";
    KeyPick => "选择", "Pick";
    KeyReload => "重新加载", "Reload";
    KeyClose => "关闭", "Close";
    KeyRun => "执行", "Run";
    KeyToggleChoice => "切换", "Switch";
    KeyChoose => "确定", "Choose";
    KeyCancel => "取消", "Cancel";
    KeyToggleFlag => "勾选/取消", "Tick/untick";
    KeyCycleValue => "下一个值", "Next value";
    KeyCycleBack => "上一个值", "Previous value";
    KeyClearValue => "清除", "Clear";
    KeyApply => "应用", "Apply";
    KeySort => "排序", "Sort";
    SortName => "按名称", "by name";
    SortUscc => "按信用代码", "by USCC";
    SortRegion => "按区域", "by region";
    SortStatus => "按状态", "by status";
    ScreenUsers => "用户管理", "Users";
    ScreenAccount => "账户：{name}", "Account: {name}";
    ScreenAddUser => "添加用户", "Add user";
    ScreenAddCertificate => "添加执法证：{name}", "Add certificate: {name}";
    ScreenResetPassword => "重置密码：{name}", "Reset password: {name}";
    ScreenSettings => "参数设置", "Settings";
    ScreenAudit => "审计日志", "Audit log";
    ScreenAuditEntry => "审计记录 #{seq}", "Audit entry #{seq}";
    HomeAdmin => "系统管理", "Administration";
    FieldDisplayName => "姓名", "Display name";
    FieldRoles => "角色", "Roles";
    FieldUnit => "所属单位", "Unit";
    FieldEnterpriseUscc => "绑定企业信用代码", "Bound enterprise USCC";
    FieldCertKind => "证件类型", "Certificate kind";
    FieldCertIssuer => "发证机关", "Issuing authority";
    FieldLastLogin => "最近登录", "Last login";
    FieldLockedUntil => "锁定至", "Locked until";
    FieldActive => "账户状态", "Active";
    ColActive => "状态", "Active";
    ColDisplayName => "姓名", "Name";
    ColUnit => "单位", "Unit";
    AccountActive => "启用", "yes";
    AccountDisabled => "停用", "no";
    SectionCertificates => "执法证", "Enforcement certificates";
    NoCertificates => "暂无执法证", "No certificates";
    HintEnterpriseOnly => "仅企业用户填写", "enterprise accounts only";
    HintCertKind => "例如 行政执法证", "e.g. 行政执法证";
    AdminFormLegend => "* 为必填项；角色和单位用 F4 或空格选择；F2 保存", "* required; roles and unit: F4 or Space picks; F2 saves";
    AdminFormLegendPlain => "* 为必填项；F2 保存", "* required; F2 saves";
    MsgUserAdded => "已添加用户 {name}", "User {name} added";
    MsgUserDisabled => "已停用账户 {name}", "Account {name} disabled";
    MsgUserEnabled => "已启用账户 {name}", "Account {name} enabled";
    MsgPasswordReset => "已重置 {name} 的密码", "The password of {name} was reset";
    MsgCertificateAdded => "已为 {name} 添加执法证 {number}", "Certificate {number} added for {name}";
    MsgSettingSaved => "参数 {key} 已改为 {value}", "Setting {key} is now {value}";
    ConfirmDisableUser => "停用账户 {name}？停用后该账户不能登录。", "Disable the account {name}? It will no longer log in.";
    ConfirmEnableUser => "重新启用账户 {name}？", "Enable the account {name} again?";
    ButtonDisable => "停用", "Disable";
    ButtonEnable => "启用", "Enable";
    // ---- confirmations of irreversible actions (widgets::confirm)
    ConfirmIrreversible => "此操作不可撤销。", "This cannot be undone.";
    ConfirmManifestEvent => "对联单 {number} 执行「{action}」：联单状态随之改变并记入审计。", "{action} on manifest {number}: its state changes and the step is audited.";
    ConfirmManifestSubmit => "提交联单 {number}：提交后联单内容不能再修改。", "Submit manifest {number}: its content can no longer be edited.";
    ConfirmManifestBackfill => "补录完成联单 {number}：补录的内容将锁定，不能再修改。", "Finish back-filling manifest {number}: what was entered is locked.";
    ConfirmManifestReject => "拒收联单 {number}：废物退回产生单位，联单以「已拒收」终结，移出人将看到原因。", "Reject manifest {number}: the waste goes back to the generator, the manifest ends as rejected and the generator sees the reason.";
    ConfirmManifestCancel => "作废联单 {number}：作废后联单不能再使用。", "Cancel manifest {number}: it can no longer be used.";
    ConfirmInspectionEvent => "对检查 {number} 执行「{action}」：检查状态随之改变并记入审计。", "{action} on inspection {number}: its state changes and the step is audited.";
    ConfirmDrawPublish => "公开第 {id} 次抽取的检查结果：写出公开文件，公开记入审计。", "Publish the results of draw {id}: the file is written and the publication audited.";
    ConfirmAssistanceEvent => "对帮扶申请 {number} 执行「{action}」：申请状态随之改变并记入审计。", "{action} on request {number}: its state changes and the step is audited.";
    ButtonPublish => "公开", "Publish";
    // ---- help titles of screens without a name of their own (overlays::help)
    HelpCtxAssistanceDetail => "帮扶请求详情", "Assistance request";
    HelpCtxManifestDetail => "联单详情", "Manifest";
    HelpCtxInspectionDetail => "检查详情", "Inspection";
    HelpCtxPositiveListEntry => "正面清单记录", "Positive-list entry";
    HelpCtxMeetingDetail => "座谈详情", "Round-table";
    HelpCtxPicker => "选择", "Choose";
    // ---- the form widget (widgets::form)
    KeyFormDown => "下一项（清单内）或下一字段", "Next item (in a checklist) or next field";
    KeyFormUp => "上一项（清单内）或上一字段", "Previous item (in a checklist) or previous field";
    MsgSeeField => "未保存：请按字段下方的提示修改后再保存", "Not saved: correct the field as shown under it and save again";
    ErrCertPeriod => "有效期至不能早于有效期自", "Valid to must not be before valid from";
    ErrCertNumberTaken => "执法证号 {number} 已登记", "Certificate number {number} is already recorded";
    ColSetting => "参数", "Setting";
    ColValue => "当前值", "Value";
    ColDefault => "默认值", "Default";
    ColDescription => "说明", "Description";
    SettingsHint => "Enter 修改所选参数；新值对之后登录的会话生效", "Enter edits the selected setting; sessions opened afterwards use it";
    ColTime => "时间", "Time";
    ColActor => "操作人", "Actor";
    ColAction => "动作", "Action";
    ColEntity => "对象", "Entity";
    ColRecord => "记录", "Record";
    AuditEmpty => "审计日志为空", "The audit log is empty";
    AuditActCreate => "新建", "create";
    AuditActUpdate => "修改", "update";
    AuditActDelete => "删除", "delete";
    AuditActEnable => "启用", "enable";
    AuditActDisable => "停用", "disable";
    AuditActPassword => "改密码", "password";
    AuditActImport => "导入", "import";
    AuditActLogin => "登录", "log in";
    AuditActLocked => "锁定", "locked";
    AuditActLoginFailed => "登录失败", "failed login";
    AuditActUnlock => "解除登录延时", "login delay cleared";
    AuditEntEnterprise => "企业", "enterprise";
    AuditEntUser => "用户", "user";
    AuditEntCertificate => "执法证", "certificate";
    AuditEntSetting => "参数", "setting";
    AuditEntCalendar => "工作日历", "calendar";
    AuditEntWasteEdition => "危废名录", "waste codes";
    AuditEntServiceMenu => "服务菜单", "service menu";
    AuditSeq => "序号", "Entry";
    AuditRecordUid => "记录编号", "Record id";
    AuditHash => "哈希", "Hash";
    AuditChanges => "变更内容", "Changes";
    AuditBefore => "修改前", "Before";
    AuditAfter => "修改后", "After";
    AuditNoJson => "(无)", "(none)";
    AuditRange => "#{from}-#{to}", "#{from}-#{to}";
    MsgVerifying => "正在校验审计链...", "Verifying the audit chain...";
    ChainOk => "已校验 {rows} 条记录，审计链完整", "{rows} entries checked: the chain is intact";
    ChainBroken => "已校验 {rows} 条记录，审计链断裂：{link}", "{rows} entries checked, the chain is broken: {link}";
    LinkGap => "缺少第 {expected} 条（其后为第 {found} 条），有记录被删除", "entry {expected} is missing (the next is {found}): a row was deleted";
    LinkPrevHash => "第 {seq} 条与前一条不衔接，有记录被插入或替换", "entry {seq} does not follow its predecessor: a row was inserted or replaced";
    LinkHash => "第 {seq} 条内容与其哈希不符，记录被修改", "entry {seq} does not match its hash: the row was changed";
    LinkHead => "链尾缺失：链头为第 {head} 条，最后一条为第 {last} 条", "the end is missing: the head says {head}, the last entry is {last}";
    KeyUsers => "用户管理", "Users";
    KeySettings => "参数设置", "Settings";
    KeyAudit => "审计日志", "Audit log";
    KeyAddUser => "添加用户", "Add user";
    KeyToggleActive => "停用/启用", "Disable/enable";
    KeyResetPassword => "重置密码", "Reset password";
    KeyUnlockUser => "解除登录延时", "Clear login delay";
    KeyAddCertificate => "添加执法证", "Add certificate";
    KeyEditValue => "修改", "Edit";
    KeyVerifyChain => "校验审计链", "Verify chain";
    KeyNewest => "最新", "Newest";
    ErrDraftForm => "草稿名称“{form}”无效", "Invalid draft name '{form}'";
    ErrDraftTooLarge => "草稿过大（超过 {max} KB），未保存", "The draft is too large (over {max} KB): not saved";
    ConfirmRestoreDraft => "发现 {time} 自动保存的未完成内容。恢复这些内容吗？", "Unsaved work from {time} was kept. Restore it?";
    ButtonRestore => "恢复", "Restore";
    ButtonDiscardDraft => "丢弃", "Discard";
    MsgDraftRestored => "已恢复自动保存的内容（尚未保存到登记库）", "Restored the kept work (not yet saved to the register)";
    MsgDraftDiscarded => "已丢弃自动保存的内容", "The kept work was discarded";
    WarnDraftStale => "已恢复的内容基于旧版本；保存时若记录已被他人修改，将提示冲突", "Restored work is based on an older version: saving reports a conflict if someone changed the record";
    ErrDraftSave => "自动保存草稿失败：{detail}", "Autosaving the draft failed: {detail}";

    // ---- command line, import and export (keep CLI strings in this section)
    HelpAbout => "聊城生态环境 企业服务与监管终端", "Liaocheng ecology bureau: enterprise service and supervision terminal";
    HelpAfter => "不带子命令运行时打开终端界面。\n\n数据库位置：--db > 环境变量 ECOCASE_DB > 用户配置文件 ~/.config/ecocase/config（或 ECOCASE_CONFIG 指定的文件）> /etc/ecocase.conf > 用户数据目录中的 ecocase.db。配置文件为 TOML：db = \"路径\"，lang = \"zh\" 或 \"en\"。\n语言：--lang > ECOCASE_LANG > 配置文件 > LANG；默认中文。\n\n密码从不写在命令行上：带 --as 用户 的命令从环境变量 ECOCASE_PASSWORD 读取该用户的密码，未设置时读取标准输入的第一行；--password-stdin 从标准输入的下一行读取新密码。在终端中运行时会提示输入，不回显。\nbackup 和 check 是运维命令，由数据库文件的所有者运行，不需要登录。\n\n退出状态：\n  0   成功\n  1   命令已执行但被拒绝或发现问题（输入有误、导入有错误行、检查未通过、目标已存在）\n  2   无法打开数据库（不存在、不是 ecocase 数据库、已损坏或版本过新）\n  3   数据库被其他程序锁定，等待超时\n  4   无法写入（文件只读、磁盘已满或其他读写错误）\n  5   密码错误、账户已锁定或停用，或无权执行该操作\n  64  命令行参数有误或未提供密码", "Without a command, opens the terminal interface.\n\nDatabase: --db > environment ECOCASE_DB > user config ~/.config/ecocase/config (or the file named by ECOCASE_CONFIG) > /etc/ecocase.conf > ecocase.db in the per-user data directory. Config files are TOML: db = \"path\", lang = \"zh\" or \"en\".\nLanguage: --lang > ECOCASE_LANG > config file > LANG; Chinese by default.\n\nPasswords never go on the command line: commands with --as USER read that user's password from the environment variable ECOCASE_PASSWORD, or else from the first line of standard input; --password-stdin reads the new password from the next line of standard input. On a terminal both are prompted for without echo.\nbackup and check are operator commands for the owner of the database file: no login.\n\nExit status:\n  0   success\n  1   the command ran and refused or found a problem (bad input, rejected import rows, failed check, target exists)\n  2   the database cannot be opened (missing, not an ecocase database, damaged, or too new)\n  3   the database stayed locked by another program past the timeout\n  4   cannot write (read-only file, disk full, other I/O error)\n  5   wrong password, locked or disabled account, or an action the account may not perform\n  64  bad command-line arguments or no password supplied";
    HelpPasswords => "密码：标准输入每行一个。先是 --as 用户的密码（已设置 ECOCASE_PASSWORD 时省略），然后是 --password-stdin 的新密码。\n示例：\n  printf '%s\\n' 管理员密码 新密码 | ecocase user add zhangsan --role staff,inspector --unit 冠县 --password-stdin --as admin\n  ECOCASE_PASSWORD=管理员密码 ecocase user passwd zhangsan --password-stdin --as admin < 新密码.txt", "Passwords: one per line on standard input. First the --as user's password (left out when ECOCASE_PASSWORD is set), then the new password for --password-stdin.\nExamples:\n  printf '%s\\n' ADMIN_PW NEW_PW | ecocase user add zhangsan --role staff,inspector --unit 371525 --password-stdin --as admin\n  ECOCASE_PASSWORD=ADMIN_PW ecocase user passwd zhangsan --password-stdin --as admin < new-password.txt";
    HelpDb => "数据库文件路径（也可用 ECOCASE_DB 或配置文件指定）", "Database file (also ECOCASE_DB or the config file)";
    HelpLang => "界面语言：zh 中文，en 英文", "Language: zh Chinese, en English";
    HelpAscii => "边框只用 ASCII 字符（+ - |），适合显示异常的终端", "Draw borders with ASCII only (+ - |) for terminals that garble box drawing";
    HelpTheme => "配色：default 彩色，mono 单色（也可设置 NO_COLOR）", "Colours: default, or mono without colour (NO_COLOR also works)";
    HelpInit => "新建数据库：结构、基础数据和第一个管理员账户", "Create the database: schema, reference data and the first administrator";
    HelpInitAdmin => "管理员用户名", "Administrator's username";
    HelpInitPassword => "从标准输入第一行读取管理员密码（在终端中会提示输入两次）", "Read the administrator's password from the first line of standard input (asked twice on a terminal)";
    HelpDemo => "新建演示数据库：聊城的模拟企业数据和各角色的演示账户（密码均为 demo）", "Create a demo database: simulated Liaocheng enterprises and one demo account per role (password demo)";
    HelpScale => "规模：small 约 300 家企业，city 约 2 万家，province 约 20 万家", "Size: small about 300 enterprises, city about 20,000, province about 200,000";
    HelpUser => "账户管理（添加、列表、停用、启用、改密码、执法证）", "Accounts: add, list, disable, enable, password, certificates";
    HelpUserAdd => "添加账户", "Add an account";
    HelpUserName => "用户名", "Username";
    HelpRole => "角色，逗号分隔：enterprise、staff、inspector、supervisor、admin", "Roles, comma separated: enterprise, staff, inspector, supervisor, admin";
    HelpUnit => "所属单位：CITY（市局）或区域代码/名称（如 371525 或 冠县）；默认 CITY", "Unit: CITY (city bureau) or a region code or name (e.g. 371525); default CITY";
    HelpEnterprise => "企业用户绑定的企业（统一社会信用代码）", "The enterprise an enterprise account is bound to (USCC)";
    HelpDisplayName => "姓名（显示用）", "Display name";
    HelpNewPassword => "从标准输入读取新密码（见下方说明）", "Read the new password from standard input (see below)";
    HelpAs => "以该用户身份执行（密码取自 ECOCASE_PASSWORD 或标准输入第一行）", "Act as this user (password from ECOCASE_PASSWORD or the first line of standard input)";
    HelpUserList => "列出全部账户", "List all accounts";
    HelpUserDisable => "停用账户", "Disable an account";
    HelpUserEnable => "重新启用账户（同时解除登录延时）", "Enable an account again (also clears its login delay)";
    HelpUserUnlock => "解除账户因登录失败产生的延时", "Clear an account's failed-login delay";
    HelpUserPasswd => "设置密码（管理员可设置任何人的，其他人只能改自己的）", "Set a password (administrators for anyone, others for themselves)";
    HelpUserCert => "登记执法证", "Record an enforcement certificate";
    HelpCertNumber => "执法证号", "Certificate number";
    HelpCertKind => "证件种类", "Kind of certificate";
    HelpCertIssuer => "发证机关", "Issuing authority";
    HelpCertFrom => "有效期起（YYYY-MM-DD）", "Valid from (YYYY-MM-DD)";
    HelpCertTo => "有效期至（YYYY-MM-DD）", "Valid to (YYYY-MM-DD)";
    HelpImport => "从文件导入", "Import from a file";
    HelpImportEnterprises => "从 CSV 导入企业（UTF-8 或 GBK，中文或英文表头）。默认严格模式：任何一行有错误则全部不导入", "Import enterprises from CSV (UTF-8 or GBK, Chinese or English headers). Strict by default: one bad row and nothing is imported";
    HelpImportCalendar => "导入工作日历（列：date、kind=holiday/workday、name；文件中的年份整体替换）", "Import the working-day calendar (columns: date, kind = holiday/workday, name; the years in the file are replaced whole)";
    HelpImportWasteCodes => "导入一个版本的国家危险废物名录（列：code、category、description_zh、hazard_characteristics）", "Import an edition of the hazardous waste list (columns: code, category, description_zh, hazard_characteristics)";
    HelpImportServiceMenu => "导入帮扶服务菜单（列：code、name_zh、name_en；文件中没有的项目停用，不删除）", "Import the assistance service menu (columns: code, name_zh, name_en; items not in the file are deactivated, not deleted)";
    HelpReferenceFile => "制表符或逗号分隔的文本文件（UTF-8 或 GBK）", "Tab- or comma-separated text file (UTF-8 or GBK)";
    HelpEditionLabel => "版本名称，例如“国家危险废物名录（2025年版）”", "Edition label, e.g. \"国家危险废物名录（2025年版）\"";
    HelpEffective => "施行日期 YYYY-MM-DD", "Effective date YYYY-MM-DD";
    HelpOfficial => "标记为官方版本（默认视为非官方整理）", "Mark the edition as official (otherwise unofficial)";
    HelpCategories => "类别表（列：category、name_zh）；省略时沿用最新版本的类别", "Category table (columns: category, name_zh); default: the latest edition's categories";
    HelpSetting => "查看和修改参数（管理员）", "List and change policy settings (administrator)";
    HelpSettingList => "列出参数及其当前值和默认值", "List settings with their values and defaults";
    HelpSettingSet => "修改一个参数", "Change one setting";
    HelpSettingKey => "参数名，例如 login.max_failures", "Setting key, e.g. login.max_failures";
    HelpSettingValue => "新的值（整数）", "New value (a whole number)";
    CliReferenceImported => "已导入 {file}：{n} 行", "Imported {file}: {n} rows";
    CliReferenceRefused => "{file} 未导入，请修改以下问题后重试：", "{file} was not imported; fix these problems and try again:";
    CliSettingHeader => "参数,当前值,默认值,说明", "Key,Value,Default,Description";
    CliSettingSaved => "已修改 {key} = {value}", "Set {key} = {value}";
    CliBadDate => "{what} 应为日期 YYYY-MM-DD，收到“{value}”", "{what} must be a date YYYY-MM-DD, got '{value}'";
    HelpImportFile => "CSV 文件（Excel 另存为“CSV（逗号分隔）”即可）", "CSV file (Excel: Save As \"CSV (Comma delimited)\")";
    HelpEncoding => "文件编码：auto 自动识别，utf8，gbk（中文 Windows 上 Excel 保存的 CSV）", "File encoding: auto, utf8, or gbk (CSV saved by Excel on Chinese Windows)";
    HelpLenient => "只导入正确的行，报告其余的行", "Import the good rows and report the rest";
    HelpUpdate => "统一社会信用代码已登记的企业按文件内容更新（默认作为错误报告）", "Update enterprises whose USCC is already registered (default: reported as errors)";
    HelpExport => "导出到文件", "Export to a file";
    HelpExportEnterprises => "导出企业名录（企业用户只导出本企业）", "Export the enterprise register (enterprise accounts export only their own)";
    HelpForce => "输出文件已存在时覆盖它（整体替换，不会写穿符号链接）", "Replace the output file if it exists (replaced whole, never written through a symbolic link)";
    HelpOutput => "输出文件；- 表示标准输出（仅 CSV、JSON）", "Output file; - for standard output (CSV and JSON only)";
    HelpFormat => "格式：csv、xlsx、json；默认按文件扩展名", "Format: csv, xlsx or json; default from the file extension";
    HelpRegionFilter => "只导出该区域（代码或名称）", "Only this region (code or name)";
    HelpStatusFilter => "只导出该经营状态（在营、停产、注销）", "Only this status (operating, suspended, closed)";
    HelpBackup => "备份数据库（VACUUM INTO 生成一致的副本，并检查副本完整性）", "Back up the database (VACUUM INTO a consistent copy, then check the copy)";
    HelpBackupPath => "备份文件路径（不能已存在）", "Backup file (must not exist yet)";
    HelpCheck => "检查数据库：完整性、外键、审计哈希链、保护触发器、每条记录与审计后像、双随机抽取、外部摘要", "Check the database: integrity, foreign keys, the audit hash chain, protective triggers, every record against its audit after-image, random draws, outside digests";
    HelpCheckQuick => "跳过逐条记录核对（较慢的部分）", "Skip comparing every record with its audit after-image (the slow part)";
    HelpCheckDigest => "核对此前保存的审计链摘要文件（可重复）", "Prove a digest file saved earlier against today's chain (repeatable)";
    HelpAudit => "审计链", "The audit chain";
    HelpAuditDigest => "写出审计链摘要（序号、哈希、时间、记录数），供打印、签字或存入 OA", "Write the audit chain's digest (sequence, hash, time, record counts) to print, sign or keep in the OA system";
    HelpAuditDigestOut => "写入该文件（不能已存在；省略则输出到屏幕）", "Write to this file (must not exist; standard output when omitted)";

    CliNoDataDir => "无法确定用户数据目录：请用 --db 指定数据库文件", "Cannot find the per-user data directory: give the database file with --db";
    CliTuiFailed => "无法打开终端界面：{detail}", "Cannot open the terminal interface: {detail}";
    CliConfigBadLine => "配置文件 {path} 第 {line} 行无法识别，已忽略：{text}", "Config file {path} line {line} not understood, ignored: {text}";
    CliConfigInvalid => "配置文件 {path} 第 {line} 行不是有效的 TOML（{detail}），已忽略：{text}", "Config file {path} line {line} is not valid TOML ({detail}), ignored: {text}";
    CliConfigUnreadable => "无法读取配置文件 {path}：{detail}", "Cannot read config file {path}: {detail}";
    CliFieldIssue => "{field}：{message}", "{field}: {message}";
    CliPasswordPrompt => "{user} 的密码：", "Password for {user}: ";
    CliNewPasswordPrompt => "新密码：", "New password: ";
    CliRepeatPasswordPrompt => "再次输入新密码：", "New password again: ";
    CliPasswordMismatch => "两次输入的密码不一致，未做任何修改", "The two passwords differ: nothing was changed";
    CliPasswordEmpty => "新密码不能为空", "The new password must not be empty";
    CliNoPassword => "未提供密码：请设置环境变量 ECOCASE_PASSWORD，或在标准输入第一行提供", "No password: set ECOCASE_PASSWORD or give it on the first line of standard input";
    CliNoNewPassword => "标准输入中没有新密码：每行一个密码，先是 --as 用户的密码（已设置 ECOCASE_PASSWORD 时省略），然后是新密码", "No new password on standard input: one password per line, first the --as user's (left out when ECOCASE_PASSWORD is set), then the new one";
    CliCancelled => "已取消", "Cancelled";
    CliInitDone => "已创建数据库 {path}，管理员账户 {admin}", "Created database {path} with administrator {admin}";
    CliScaleSmall => "小规模", "small";
    CliScaleCity => "市级规模", "city scale";
    CliScaleProvince => "省级规模", "province scale";
    CliDemoStart => "正在生成演示数据（{scale}，{n} 家企业）…", "Generating demo data ({scale}, {n} enterprises)...";
    CliDemoProgress => "已生成 {done}/{total} 家企业", "{done}/{total} enterprises generated";
    CliDemoDone => "已创建演示数据库 {path}：{n} 家企业，用时 {secs} 秒", "Created demo database {path}: {n} enterprises in {secs} s";
    CliDemoAccounts => "演示账户（密码均为 {password}）：", "Demo accounts (password {password} for all):";
    CliDemoNext => "打开：ecocase --db {path}", "Open it: ecocase --db {path}";
    DemoAboutAdmin => "系统管理员（市局）：账户和基础数据", "Administrator (city bureau): accounts and reference data";
    DemoAboutStaff => "市局工作人员：全部区域的企业名录", "City bureau staff: the register of every region";
    DemoAboutInspector => "执法人员（市局），持有效执法证", "Inspector (city bureau) with a valid enforcement certificate";
    DemoAboutSupervisor => "监管负责人（市局）：审批、删除", "Supervisor (city bureau): approvals and deletions";
    DemoAboutBranch => "冠县分局工作人员：只看到冠县", "Guan County branch staff: sees Guan County only";
    DemoAboutEnterprise => "企业用户：{name}（危险废物产生单位）", "Enterprise user: {name} (hazardous waste generator)";
    DemoAboutReceiver => "企业用户：{name}（危险废物经营单位）", "Enterprise user: {name} (licensed hazardous waste receiver)";
    CliColDisplayName => "姓名", "Name";
    CliColAbout => "说明", "Purpose";
    CliColRoles => "角色", "Roles";
    CliColUnit => "单位", "Unit";
    CliColCertificate => "执法证（有效期至）", "Certificate (valid to)";
    CliColState => "状态", "State";
    CliColLastLogin => "最近登录", "Last login";
    CliStateActive => "正常", "active";
    CliStateDisabled => "已停用", "disabled";
    CliStateLocked => "登录延时至 {until}", "login delayed until {until}";
    CliUsersCount => "共 {n} 个账户", "{n} account(s)";
    CliUserAdded => "已添加账户 {name}（{roles}）", "Added account {name} ({roles})";
    CliUserDisabled => "已停用账户 {name}", "Disabled account {name}";
    CliUserEnabled => "已启用账户 {name}", "Enabled account {name}";
    MsgUserUnlocked => "已解除账户 {name} 的登录延时", "Cleared the login delay of {name}";
    CliUserUnlocked => "已解除账户 {name} 的登录延时", "Cleared the login delay of {name}";
    CliDemoPasswords => "演示数据库：全部演示账户的密码均为 demo，不符合密码规则，仅供演示，切勿录入真实数据", "Demo database: every demo account's password is demo, below the password rules: for demonstration only, never for real data";
    CliPasswordChanged => "已设置账户 {name} 的密码", "Password of {name} set";
    CliCertAdded => "已为 {name} 登记执法证 {number}（有效期 {from} 至 {to}）", "Recorded certificate {number} for {name} (valid {from} to {to})";
    CliCertDates => "有效期起 {from} 晚于有效期至 {to}", "Valid from {from} is after valid to {to}";
    CliIoFailed => "无法读写 {path}：{reason}", "Cannot read or write {path}: {reason}";
    IoNotFound => "文件或目录不存在", "no such file or directory";
    IoPermission => "没有权限", "permission denied";
    IoExists => "已存在", "already exists";
    IoFull => "磁盘已满", "disk full";
    IoReadOnly => "文件系统只读", "read-only file system";
    IoIsDirectory => "这是一个目录", "it is a directory";
    CliFileRead => "无法读取文件 {path}：{detail}", "Cannot read {path}: {detail}";
    ImportFileEmpty => "文件是空的", "The file is empty";
    ImportFileWorkbook => "这是 Excel 工作簿（.xlsx/.xls），不是 CSV：请在 Excel 中“另存为”“CSV（逗号分隔）”后再导入", "This is an Excel workbook (.xlsx/.xls), not CSV: in Excel use Save As \"CSV (Comma delimited)\", then import that";
    ImportFileNotText => "不是文本（CSV）文件，或编码既不是 UTF-8 也不是 GBK", "Not a text (CSV) file, or neither UTF-8 nor GBK";
    ImportFileNotUtf8 => "从第 {line} 行起不是 UTF-8 编码：Excel 保存的 CSV 请用 --encoding gbk 或 --encoding auto", "Not UTF-8 from line {line}: for CSV saved by Excel use --encoding gbk or --encoding auto";
    ImportFileNotGbk => "不是 GBK 编码：请用 --encoding auto", "Not GBK: use --encoding auto";
    ImportMissingColumns => "缺少必需的列：{columns}（如果表头是乱码，请检查 --encoding）", "Required columns missing: {columns} (if the headers look garbled, check --encoding)";
    ImportDuplicateColumn => "列“{first}”和“{second}”是同一项：请删除其中一列", "Columns '{first}' and '{second}' are the same field: remove one";
    ImportNoRows => "只有表头，没有数据行", "A header but no data rows";
    ImportRowUnreadable => "该行无法读取：{detail}", "The row cannot be read: {detail}";
    ImportRowCells => "该行有 {found} 列，表头有 {expected} 列", "The row has {found} cells, the header {expected}";
    ImportCellTooLong => "内容过长：最多 {max} 个字符", "Too long: at most {max} characters";
    ImportUsccScientific => "代码已被 Excel 转成科学计数法，后几位已丢失：请把该列设为“文本”，重新填写后再导出", "Excel turned the code into a number in scientific notation and lost digits: format the column as Text, re-enter the codes and save again";
    ImportOutOfScope => "所属区域 {region} 不在您的管辖范围内", "Region {region} is outside your area";
    ImportDuplicateInFile => "统一社会信用代码 {uscc} 与第 {line} 行重复", "USCC {uscc} repeats line {line}";
    CliImportHeader => "导入 {file}（编码 {encoding}，{rows} 行数据）", "Importing {file} (encoding {encoding}, {rows} data rows)";
    CliImportIgnored => "已忽略的列：{columns}", "Columns ignored: {columns}";
    CliImportErrors => "有错误的行：", "Rows with errors:";
    CliImportCellIssue => "第 {line} 行  {column}：{message}", "line {line}  {column}: {message}";
    CliImportRowIssue => "第 {line} 行  {message}", "line {line}  {message}";
    CliImportWarnings => "警告（导入时将确认并标记记录）：", "Warnings (acknowledged and flagged on import):";
    CliImportWarningsSaved => "警告（已确认，记录已保存并标记）：", "Warnings (acknowledged; the records were saved and flagged):";
    CliImportDone => "已导入：新建 {created} 家，更新 {updated} 家，无变化 {unchanged} 家", "Imported: {created} created, {updated} updated, {unchanged} unchanged";
    CliImportStrictRefused => "严格模式：{n} 行有错误，未导入任何记录。请修正后重新导入，或用 --lenient 只导入正确的行", "Strict mode: {n} row(s) with errors, nothing was imported. Fix them and import again, or use --lenient to import the good rows";
    CliImportNothingGood => "所有行都有错误，未导入任何记录", "Every row has errors: nothing was imported";
    CliImportUpdateHint => "其中 {n} 行的企业已登记；如需按文件内容更新这些企业，请加 --update 重新导入", "{n} row(s) name enterprises already registered; to update them from the file, import again with --update";
    CliImportLenientSkipped => "已跳过 {n} 行有错误的数据，其余已导入", "{n} row(s) with errors skipped; the rest were imported";
    CliSheetEnterprises => "企业名录", "Enterprises";
    CliColUpdatedAt => "更新时间", "Updated at";
    CliExportDone => "已导出 {n} 家企业到 {path}", "Exported {n} enterprise(s) to {path}";
    CliExportWriteFailed => "无法写入 {path}，未生成文件：{detail}", "Cannot write {path}, no file was made: {detail}";
    ErrExportTargetExists => "文件 {path} 已存在：确认后才会覆盖（命令行请加 --force）", "{path} exists: it is replaced only when confirmed (--force on the command line)";
    CliExportXlsxStdout => "XLSX 不能输出到标准输出：请用 -o 指定文件", "XLSX cannot go to standard output: name a file with -o";
    CliBackupExists => "备份文件 {path} 已存在，未做任何修改：请换一个文件名", "Backup file {path} already exists, nothing was changed: choose another name";
    CliBackupSymlink => "备份路径 {path} 是符号链接，未做任何修改：备份只写入新建的文件，请换一个文件名", "Backup path {path} is a symbolic link, nothing was changed: a backup is only written to a new file; choose another name";
    CliBackupFailed => "备份到 {path} 失败：{detail}", "Backup to {path} failed: {detail}";
    CliBackupDamaged => "备份副本 {path} 未通过完整性检查：", "The backup copy {path} failed its integrity check:";
    CliBackupDone => "已备份到 {path}（{size}），副本完整性检查通过", "Backed up to {path} ({size}); the copy passed its integrity check";
    CliCheckDatabase => "数据库：{path}（结构版本 {version}）", "Database: {path} (schema version {version})";
    CliCheckIntegrityOk => "完整性和外键：正常", "Integrity and foreign keys: ok";
    CliCheckProblem => "问题：{detail}", "Problem: {detail}";
    CliCheckChainOk => "审计链：{rows} 条记录，哈希链完整", "Audit chain: {rows} entries, hash chain intact";
    CliCheckChainGap => "审计链断裂于第 {expected} 条：该条缺失（下一条是第 {found} 条），记录被删除", "Audit chain broken at seq {expected}: missing (next is seq {found}), an entry was deleted";
    CliCheckChainPrev => "审计链断裂于第 {seq} 条：前一哈希不符，记录被插入或替换", "Audit chain broken at seq {seq}: previous hash differs, an entry was inserted or replaced";
    CliCheckChainHash => "审计链断裂于第 {seq} 条：内容与哈希不符，记录被修改", "Audit chain broken at seq {seq}: content does not match its hash, the entry was changed";
    CliCheckChainHead => "审计链断裂：链头记录第 {head} 条，但最后一条是第 {last} 条，末尾记录被删除", "Audit chain broken: the head says seq {head} but the last entry is seq {last}, entries were deleted from the end";
    CliCheckTriggersOk => "保护触发器：{n} 个，逐个与结构定义一致", "Protective triggers: {n}, each as the schema defines it";
    CliCheckTriggerMissing => "保护触发器缺失：{table} 表的触发器 {name} 不存在", "Protective trigger missing: trigger {name} on table {table} does not exist";
    CliCheckTriggerChanged => "保护触发器被改动：{table} 表的触发器 {name} 与结构定义不同", "Protective trigger altered: trigger {name} on table {table} differs from the schema's definition";
    CliCheckTriggerUnknown => "多出的触发器：{table} 表的触发器 {name} 不在结构定义中", "Unknown trigger: trigger {name} on table {table} is not in the schema";
    CliCheckRowsOk => "记录核对：{rows} 条记录与其最后一次审计后像一致", "Rows: {rows} records equal their last audited after-image";
    CliCheckRowsSkipped => "记录核对：已跳过（--quick），记录未与审计后像核对", "Rows: skipped (--quick), records were not compared with their audited after-images";
    CliCheckRowChanged => "记录被改动：{table} 表 {record} 的 {field}：审计值 {audited}，当前值 {current}", "Record altered: {table} {record}, field {field}: audited {audited}, now {current}";
    CliCheckRowUnaudited => "记录无审计：{table} 表 {record} 没有任何审计记录（绕过程序写入）", "Record not audited: {table} {record} has no audit entry (written around the program)";
    CliCheckRowMissing => "记录缺失：{table} 表 {record} 有审计记录，但已不在表中（被直接删除）", "Record missing: {table} {record} is in the audit log but no longer in its table (deleted directly)";
    CliCheckRowsMore => "……另有 {n} 处记录问题未列出", "... and {n} more record problem(s) not listed";
    CliCheckEmptyChain => "审计日志为空，但数据库有 {n} 条业务记录：审计记录被整体删除", "The audit log is empty but the database holds {n} business records: the audit entries were deleted";
    CliCheckDrawsOk => "双随机抽取：{n} 次，按种子复算一致，种子与审计的创建记录一致", "Random draws: {n}, each recomputes from its seed and matches its audited creation";
    CliCheckDrawResults => "抽取 {id}：按存储的种子和候选清单复算，第 {rank} 位起结果不一致", "Draw {id}: recomputed from its stored seed and candidates, the results differ from rank {rank}";
    CliCheckDrawCandidates => "抽取 {id}：候选清单与存储的数量或哈希不符", "Draw {id}: the candidate list does not match its stored size or hash";
    CliCheckDrawAudit => "抽取 {id}：{field} 与审计的创建记录不同：审计值 {audited}，当前值 {current}", "Draw {id}: {field} differs from its audited creation: audited {audited}, now {current}";
    CliCheckDigestOk => "摘要 {source}：第 {seq} 条仍在今天的审计链中，此前的历史未被改写", "Digest {source}: entry {seq} is still in today's chain; history up to it is unchanged";
    CliCheckDigestDiffers => "摘要 {source}：第 {seq} 条的哈希已不同，审计链在此之前被改写后重新计算", "Digest {source}: entry {seq} has another hash; the chain was rewritten and re-hashed at or before it";
    CliCheckDigestShorter => "摘要 {source}：审计链只到第 {last} 条，短于摘要的第 {seq} 条，记录被删除", "Digest {source}: the chain ends at entry {last}, before the digest's entry {seq}; entries were deleted";
    CliCheckDigestUnreadable => "摘要文件 {path} 无法读取：{detail}", "Digest file {path} cannot be read: {detail}";
    CliCheckDigestEmpty => "摘要文件 {path} 中没有摘要行（seq=… sha256=…）", "Digest file {path} holds no digest line (seq=... sha256=...)";
    CliCheckProgress => "核对 {table}：{done}/{total}", "Checking {table}: {done}/{total}";
    CliDigestWritten => "审计链摘要已写入 {path}", "Audit chain digest written to {path}";
    CliDigestAppended => "审计链摘要已追加到 {path}", "Audit chain digest appended to {path}";
    CliDigestFailed => "无法写入审计链摘要 {path}：{detail}", "Cannot write the audit chain digest {path}: {detail}";
    ReportDigest => "审计链摘要", "Audit chain digest";
    DigestTitle => "ecocase 审计链摘要（请保存在数据库服务器之外）", "ecocase audit chain digest (keep it away from the database server)";
    DigestDatabase => "数据库：{path}", "Database: {path}";
    DigestTaken => "摘要时间：{at}", "Taken at: {at}";
    DigestLastEntry => "最后一条审计记录时间：{at}", "Last audit entry at: {at}";
    DigestCounts => "记录数：{counts}", "Records: {counts}";
    CliCheckCounts => "已检查：企业 {enterprises} 家，账户 {users} 个，执法证 {certificates} 个，审计记录 {audit} 条", "Checked: {enterprises} enterprises, {users} accounts, {certificates} certificates, {audit} audit entries";
    CliCheckSound => "检查通过：未发现问题", "Check passed: no problems found";
    CliCheckFaults => "检查未通过：发现 {n} 处问题", "Check failed: {n} problem(s) found";
    // ---- 正面清单 (positive list)
    PositiveListOriginProposed => "工作人员推荐", "Proposed by staff";
    PositiveListOriginApplied => "企业自主申请", "Applied by the enterprise";
    PositiveListTriggerComplaint => "投诉举报/信访", "Complaint / petition";
    PositiveListTriggerAlarm => "自动监控超标报警", "Automatic monitoring alarm";
    PositiveListTriggerAssigned => "上级交办", "Assigned by a higher authority";
    PositiveListTriggerEmergency => "突发事件", "Emergency";
    PositiveListTriggerMedia => "媒体曝光", "Media exposure";
    PositiveListHandlingOffsite => "非现场核查", "Off-site verification";
    PositiveListHandlingOnsite => "现场检查", "On-site inspection";
    PositiveListHandlingRemoval => "移出", "Removal";
    PositiveListCauseCaseFiled => "立案或行政处罚", "Case filed or penalty";
    PositiveListCauseIncident => "发生环境事件", "Environmental incident";
    PositiveListCauseComplaint => "投诉举报查实", "Verified complaint";
    PositiveListCauseFalsified => "监测数据弄虚作假", "Falsified monitoring data";
    PositiveListCauseDowngrade => "信用或绩效等级下调", "Credit or grade downgraded";
    PositiveListCauseCriteriaLost => "不再符合纳入条件", "No longer meets the criteria";
    PositiveListCauseRequest => "企业申请退出", "Enterprise request";
    PositiveListCauseClosure => "企业注销", "Enterprise closed";
    PositiveListCheckOffsite => "非现场检查", "Off-site check";
    PositiveListCheckRoutine => "日常现场检查", "Routine on-site check";
    PositiveListCheckRandom => "双随机现场检查", "Random on-site check";
    PositiveListCheckTriggered => "触发式现场检查", "Triggered on-site check";
    PositiveListDoStartNotice => "审核通过，开始公示", "Approve and start public notice";
    PositiveListDoAdmit => "公示期满，纳入清单", "Notice over: admit to the list";
    PositiveListDoObjection => "异议成立，不予纳入", "Objection upheld: reject";
    PositiveListDoStartReview => "开始复核", "Start review";
    PositiveListDoPassReview => "复核合格", "Review passed";
    PositiveListDoFailReview => "复核不合格，移出", "Review failed: remove";
    PositiveListDoRemove => "移出清单", "Remove from the list";
    PositiveListCritNoPenalty => "近年无行政处罚", "No administrative penalty";
    PositiveListCritNoIncident => "近年无环境事件", "No environmental incident";
    PositiveListCritPermit => "持有有效排污许可证", "Valid discharge permit";
    PositiveListCritMonitoring => "在线监控联网", "Online monitoring connected";
    PositiveListCritCredit => "环境信用绿色或蓝色", "Credit green or blue";
    PositiveListCritGrade => "绩效等级 A 或引领性（加分项）", "Grade A or leading (in favour)";
    PositiveListPass => "符合", "Pass";
    PositiveListFail => "不符合", "Fail";
    PositiveListUnknown => "待核实", "Unknown";
    PositiveListEvPenalties => "近 {years} 年立案处罚 {n} 起：{refs}", "{n} cases or penalties in the last {years} years: {refs}";
    PositiveListEvIncidents => "近 {years} 年环境事件 {n} 起：{refs}", "{n} incidents in the last {years} years: {refs}";
    PositiveListEvNoPermit => "未登记排污许可证编号", "No discharge permit number on record";
    PositiveListEvPermitNoExpiry => "许可证 {no} 未登记有效期：请向{source}核实", "Permit {no} has no expiry date on record: check with {source}";
    PositiveListEvPermitExpired => "许可证 {no} 已于 {date} 到期", "Permit {no} expired on {date}";
    PositiveListEvPermitValid => "许可证 {no} 有效期至 {date}", "Permit {no} valid until {date}";
    PositiveListEvMonitoringNotRequired => "非重点排污单位，无联网要求", "Not a key discharger: no connection required";
    PositiveListEvMonitoringConnected => "在线监控已联网", "Online monitoring connected";
    PositiveListEvMonitoringMissing => "重点排污单位未联网", "Key discharger without connected monitoring";
    PositiveListEvMonitoringUnknown => "重点排污单位：本系统无联网数据，请向{source}核实", "Key discharger: this system holds no connection data; check with {source}";
    PositiveListEvCreditNone => "未登记环境信用等级：请按{source}核实补录", "No credit level on record: check {source}";
    PositiveListEvCredit => "环境信用等级：{level}", "Credit level: {level}";
    PositiveListEvGradeNone => "未登记绩效等级（加分项，可按{source}补录）", "No performance grade on record (in favour only; see {source})";
    PositiveListEvGradeFavour => "绩效等级 {grade}，加分", "Grade {grade}: in favour";
    PositiveListEvGradeNeutral => "绩效等级 {grade}，不加分", "Grade {grade}: not in favour";
    PositiveListRefuseRoutine => "该企业在正面清单内，不得开展日常现场检查，请采用非现场方式", "The enterprise is on the positive list: no routine on-site checks; check off-site";
    PositiveListRefuseRandom => "该企业在正面清单内，双随机抽中时转为非现场检查", "The enterprise is on the positive list: a random draw becomes an off-site check";
    PositiveListRefuseNoTrigger => "对正面清单企业现场检查须有触发事件（投诉举报、超标报警、上级交办、突发事件、媒体曝光）", "An on-site check of a listed enterprise needs a trigger event (complaint, alarm, assignment, emergency, media)";
    PositiveListRefuseNoReference => "触发事件须填写来源编号", "The trigger event needs its source reference";
    SettingPlNoticeDays => "正面清单公示期（工作日）", "Positive list public notice (working days)";
    SettingPlReviewMonths => "正面清单复核周期（月）", "Positive list review interval (months)";
    SettingPlCooldownMonths => "移出后重新申请的间隔（月）", "Months after removal before re-applying";
    SettingPlLookbackYears => "纳入条件回溯年数（处罚、事件）", "Years looked back for penalties and incidents";
    ActListRead => "查看正面清单", "View the positive list";
    ActListPropose => "推荐正面清单企业", "Propose positive-list candidates";
    ActListApply => "申请纳入正面清单", "Apply for the positive list";
    ActListApprove => "审批正面清单纳入和移出", "Approve positive-list admission and removal";
    ActListTrigger => "登记触发事件", "Record trigger events";
    ActListExport => "导出正面清单", "Export the positive list";
    ErrPlBatchName => "批次名称不能为空，例如 2026年第1批", "Batch name is required, e.g. 2026年第1批";
    ErrPlBatchExists => "批次“{name}”已存在", "Batch '{name}' already exists";
    ErrPlOpenEntry => "该企业已有未结束的清单记录（{state}）", "The enterprise already has an open list entry ({state})";
    ErrPlCooldown => "该企业于移出后须等到 {date} 才能重新申请", "After removal the enterprise may apply again from {date}";
    ErrPlClosedEnterprise => "已注销的企业不能纳入正面清单", "A closed enterprise cannot join the positive list";
    ErrPlTransition => "当前状态“{state}”不能执行“{action}”", "'{action}' is not possible in state '{state}'";
    ErrPlNoticeRunning => "公示期至 {date}，期满后才能纳入", "The notice runs until {date}: admit after it ends";
    ErrPlOverrideNeeded => "有不符合的纳入条件，须填写审批理由", "Some criteria fail: an approval reason is required";
    ErrPlReasonNeeded => "请填写理由", "Enter a reason";
    ErrPlReferenceNeeded => "请填写触发事件的来源编号", "Enter the trigger's source reference";
    ErrPlNotListed => "该企业不在清单内，不能登记触发事件", "The enterprise is not listed: no trigger events to record";
    PositiveListFieldOffsite => "非现场监管手段", "Off-site supervision means";
    PositiveListFieldReason => "理由", "Reason";
    PositiveListFieldReference => "来源编号", "Source reference";
    PositiveListFieldNote => "备注", "Note";
    PositiveListColBatch => "批次", "Batch";
    PositiveListColListedOn => "纳入日期", "Listed on";
    PositiveListColReviewDue => "下次复核", "Next review";
    PositiveListSheetName => "正面清单", "Positive list";
    HelpExportPositiveList => "导出当前正面清单（在册和复核中企业），用于公示", "Export the current positive list (listed and under review) for public notice";
    MsgPlExported => "已导出 {n} 家企业（当前筛选）：{csv}、{xlsx}", "Exported {n} enterprises (current filter): {csv}, {xlsx}";
    CliExportPlDone => "已导出正面清单 {n} 家企业到 {path}", "Exported {n} positive-list enterprises to {path}";
    PositiveListFieldReasonOptional => "说明（可选）", "Note (optional)";
    PositiveListFieldOrigin => "来源", "Origin";
    PositiveListFieldNotice => "公示期", "Public notice";
    PositiveListFieldOverride => "审批理由", "Approval reason";
    PositiveListFieldProposal => "移出提议", "Removal proposed";
    PositiveListFieldCause => "移出原因", "Removal cause";
    PositiveListFieldReapply => "可重新申请日期", "May re-apply from";
    PositiveListColNoticeEnd => "公示截止", "Notice ends";
    PositiveListColDate => "关键日期", "Key date";
    PositiveListSectionEntry => "清单记录", "List entry";
    PositiveListSectionCriteria => "纳入条件（按当前数据）", "Criteria (current data)";
    PositiveListSectionRecorded => "公示时核查结果", "Criteria as checked at the notice";
    PositiveListSectionTimeline => "状态时间线", "Timeline";
    PositiveListSectionTriggers => "触发事件", "Trigger events";
    SectionPositiveList => "正面清单", "Positive list";
    PositiveListButtonConfirm => "确定执行", "Carry out";
    PositiveListFilterAll => "全部状态", "All states";
    PositiveListFilterDue => "30 天内到期复核", "Reviews due within 30 days";
    PositiveListFilterNoticeEnding => "公示即将期满", "Notices ending";
    PositiveListListFilter => "筛选：{filter}　共 {n} 条", "Filter: {filter}  {n} entries";
    ScreenPlList => "正面清单", "Positive list";
    KeyPlCycleState => "切换状态筛选", "Cycle state filter";
    KeyPlDueOnly => "到期复核", "Reviews due";
    KeyPlExport => "导出公示名单", "Export for notice";
    KeyGoPlist => "正面清单", "Positive list";
    KeyPlApply => "申请纳入清单", "Apply for the list";
    KeyPlPropose => "推荐入清单", "Propose for the list";
    MsgPlTransitioned => "{name}：已变为“{state}”", "{name}: now '{state}'";
    MsgPlProposed => "已推荐 {name} 进入 {batch}", "Proposed {name} for {batch}";
    MsgPlApplied => "已提交申请，批次：{batch}", "Application submitted for {batch}";
    ErrPlNoBatch => "尚无批次：请先建立批次", "No batch yet: create one first";
    ErrPlExportWrite => "无法写入 {path}：{detail}", "Cannot write {path}: {detail}";
    HomePositiveList => "正面清单", "Positive list";
    TaskPlReviewsDue => "30 天内到期复核", "Reviews due within 30 days";
    TaskPlNoticesEnding => "公示即将期满（7 天内）", "Notices ending within 7 days";
    TaskPlRemovalProposals => "待确认的移出提议", "Removal proposals to confirm";
    KeyPlNotice => "开始公示", "Start notice";
    KeyPlAdmit => "纳入", "Admit";
    KeyPlObjection => "异议成立", "Uphold objection";
    KeyPlReview => "开始复核", "Start review";
    KeyPlPass => "复核合格", "Review passed";
    KeyPlFail => "复核不合格", "Review failed";
    KeyPlRemove => "移出", "Remove";
    PositiveListCauseHint => "（Up/Down 选择）", "(Up/Down to choose)";
    KeyPlNewBatch => "新建批次", "New batch";
    MsgPlBatchCreated => "已新建批次 {name}", "Batch {name} opened";
    PositiveListBatchName => "{year}年第{n}批", "{year}年第{n}批";
    KeyPlTrigger => "登记触发事件", "Record trigger";
    PositiveListFieldKind => "事件类型", "Kind";
    PositiveListFieldHandling => "处理方式", "Handling";
    PositiveListButtonRecord => "登记", "Record";
    MsgPlTriggerRecorded => "已登记触发事件 {reference}", "Trigger {reference} recorded";
    KeyPlBatches => "批次", "Batches";
    KeyPlRegion => "切换区域", "Cycle region";
    ScreenPlBatches => "正面清单批次", "Positive-list batches";
    PositiveListCaseFiledReason => "检查结果立案（{reference}），提议移出", "Inspection ended in a filed case ({reference}): removal proposed";

    // ---- 点单式帮扶 (assistance)
    AssistanceStateDraft => "草稿", "Draft";
    AssistanceStateSubmitted => "待受理", "Awaiting acceptance";
    AssistanceStateAccepted => "待派单", "Awaiting assignment";
    AssistanceStateInProgress => "办理中", "In progress";
    AssistanceStateSuspended => "挂起", "Suspended";
    AssistanceStateAwaitingRating => "待评价", "Awaiting rating";
    AssistanceStateClosed => "已关闭", "Closed";
    AssistanceChannelSelf => "自助", "Self-service";
    AssistanceChannelPhone => "电话", "Phone";
    AssistanceChannelWindow => "窗口", "Service window";
    AssistanceChannelRoundtable => "圆桌座谈", "Round-table";
    AssistanceChannelBranch => "分局上报", "Branch referral";
    AssistanceChannelVisit => "走访发现", "Found on a visit";
    AssistanceUrgencyNormal => "一般", "Normal";
    AssistanceUrgencyUrgent => "较急", "Urgent";
    AssistanceUrgencyCritical => "紧急", "Critical";
    AssistanceResultSolved => "已解决", "Solved";
    AssistanceResultPartly => "部分解决", "Partly solved";
    AssistanceResultUnsolved => "无法解决", "Cannot be solved";
    AssistanceResultTransferred => "已转办", "Transferred";
    AssistanceRatingVerySatisfied => "非常满意", "Very satisfied";
    AssistanceRatingSatisfied => "满意", "Satisfied";
    AssistanceRatingFair => "基本满意", "Fairly satisfied";
    AssistanceRatingDissatisfied => "不满意", "Dissatisfied";
    AssistanceRatingVeryDissatisfied => "非常不满意", "Very dissatisfied";
    AssistanceRatingUnrated => "未评价", "Not rated";
    AssistanceModePhone => "电话", "Phone";
    AssistanceModeOnline => "线上", "Online";
    AssistanceModeOnsite => "上门", "On site";
    AssistanceModeRoundtable => "圆桌座谈", "Round-table";
    AssistanceModeExperts => "专家会诊", "Expert consultation";
    AssistanceCloseRated => "已评价", "Rated";
    AssistanceCloseUnrated => "超期未评价", "Not rated in time";
    AssistanceCloseRefused => "不予受理", "Refused";
    AssistanceCloseForwarded => "转办", "Forwarded";
    AssistanceCloseWithdrawn => "企业撤回", "Withdrawn";
    AssistanceEventSubmit => "提交", "submit";
    AssistanceEventAccept => "受理", "accept";
    AssistanceEventRefuse => "不予受理", "refuse";
    AssistanceEventForward => "转办", "forward";
    AssistanceEventAssign => "派单", "assign";
    AssistanceEventSuspend => "挂起", "suspend";
    AssistanceEventResume => "恢复办理", "resume";
    AssistanceEventComplete => "办结", "complete";
    AssistanceEventRate => "评价", "rate";
    AssistanceEventAutoClose => "超期未评价关闭", "close unrated";
    AssistanceEventWithdraw => "撤回", "withdraw";
    AssistanceFieldReason => "原因", "Reason";
    AssistanceFieldOpinion => "办结意见", "Closing opinion";
    AssistanceFieldOutcome => "办理结果", "Result";
    AssistanceFieldHandler => "承办人", "Handler";
    AssistanceFieldRating => "评价", "Rating";
    AssistanceFieldRevisit => "回访记录", "Return-visit record";
    AssistanceFieldEnterprise => "企业", "Enterprise";
    AssistanceFieldServices => "服务事项", "Services";
    AssistanceFieldDescription => "需求描述", "Description";
    AssistanceFieldUrgency => "紧急程度", "Urgency";
    AssistanceFieldChannel => "来源渠道", "Channel";
    AssistanceFieldWishedDate => "期望日期", "Wished-for date";
    AssistanceFieldContent => "服务内容", "Content";
    AssistanceFieldServiceDate => "服务日期", "Service date";
    AssistanceFieldFiledOn => "申请提交日期", "Filing date";
    ErrAssistTransition => "当前状态为“{state}”，不能执行“{event}”", "Cannot {event} a request that is \"{state}\"";
    ErrAssistRevisitRequired => "电话回访评价为不满意时必须填写回访记录", "A dissatisfied rating taken by phone needs the return-visit record";
    ErrAssistNoService => "请至少选择一项服务事项", "Choose at least one service";
    ErrAssistUnknownService => "服务事项 {code} 不在服务清单中或已停用", "Service {code} is not on the service menu or is inactive";
    ErrAssistDateFormat => "{field}格式应为 YYYY-MM-DD", "{field} must be YYYY-MM-DD";
    ErrAssistWishedPast => "期望日期不能早于今天", "The wished-for date cannot be before today";
    ErrAssistNotHandler => "只有承办人或协办人可以办理此请求", "Only the handler or a co-handler may work on this request";
    ErrAssistBadHandler => "承办人必须是本区域的工作人员或执法人员", "The handler must be staff or an inspector of the request's region";
    ErrAssistEnterpriseOnly => "企业账户只能为本企业提交请求", "An enterprise account files requests for its own enterprise only";
    AssistanceActionRecord => "记录服务", "record a service";
    AssistanceSlaOnTrack => "正常", "on track";
    AssistanceSlaNearDue => "临期", "near due";
    AssistanceSlaOverdue => "超期", "overdue";
    CliAssistNumber => "编号", "Number";
    CliAssistState => "状态", "State";
    CliAssistDue => "期限", "Due";
    CliAssistSla => "时限", "SLA";
    CliAssistAutoClosed => "已关闭超期未评价的请求 {n} 件", "Closed {n} request(s) not rated in time";
    HelpAssist => "点单式帮扶请求", "On-demand assistance requests";
    HelpAssistList => "列出帮扶请求（仅限账户可见范围）", "List assistance requests (within the account's scope)";
    HelpAssistState => "只列出该状态：草稿/待受理/待派单/办理中/挂起/待评价/已关闭，或其代码", "Only this state: draft/submitted/accepted/in_progress/suspended/awaiting_rating/closed (or the Chinese name)";
    HelpAssistOverdue => "只列出已超期的请求", "Only requests past their due date";
    HelpAssistFormat => "输出格式：table（表格）、csv 或 json", "Output format: table, csv or json";
    HelpAssistAutoClose => "关闭超过评价期限仍未评价的请求（评价记为“未评价”）", "Close requests not rated within the rating period (rated \"not rated\")";
    AssistanceFieldMode => "服务方式", "Mode";
    AssistanceFieldParticipants => "参加人员", "Participants";
    AssistanceFieldProblems => "发现问题", "Problems found";
    AssistanceFieldAdvice => "意见建议", "Advice";
    AssistanceFieldComment => "评价意见", "Comment";
    AssistanceFieldReopened => "重新办理次数", "Reopened";
    AssistanceFieldClosed => "关闭方式", "Closed as";
    AssistanceScreenQueue => "帮扶请求", "Assistance";
    AssistanceScreenNew => "提交帮扶请求", "New assistance request";
    AssistanceTabSubmitted => "待受理", "New";
    AssistanceTabAccepted => "待派单", "To assign";
    AssistanceTabInProgress => "办理中", "Working";
    AssistanceTabSuspended => "挂起", "Paused";
    AssistanceTabAwaitingRating => "待评价", "To rate";
    AssistanceTabNearDue => "临期", "Near due";
    AssistanceTabOverdue => "超期", "Overdue";
    AssistanceQueueEmpty => "此队列中没有请求", "No requests in this queue";
    AssistanceSlaResponse => "受理期限", "Accept by";
    AssistanceSlaCompletion => "办结期限", "Complete by";
    AssistanceSlaLine => "{phase} {due}（已用 {elapsed}/{budget} 个工作日，{level}）", "{phase} {due} ({elapsed}/{budget} working days used, {level})";
    AssistanceSlaPaused => "，挂起 {n} 个工作日", ", {n} working days suspended";
    AssistanceSectionRecords => "服务记录", "Service records";
    AssistanceSectionTimeline => "办理过程", "Timeline";
    AssistanceActions => "操作：", "Actions:";
    AssistanceNoActions => "（无可执行的操作）", "(nothing to do)";
    AssistanceTickHint => "Space 勾选/取消服务事项，Left/Right 移动", "Space ticks a service, Left/Right move";
    AssistanceMsgFiled => "已提交帮扶请求 {number}", "Filed request {number}";
    AssistanceMsgDone => "已{event}：{number}，当前状态“{state}”", "Done ({event}): {number} is now \"{state}\"";
    AssistanceMsgRecorded => "已记录服务", "Service recorded";
    AssistanceMsgIssues => "{first}；{second}", "{first}; {second}";
    AssistanceHomeLine => "帮扶：待受理 {submitted}，待派单 {accepted}，办理中 {working}，待评价 {rating}", "Assistance: new {submitted}, to assign {accepted}, working {working}, to rate {rating}";
    AssistanceHomeAlerts => "帮扶时限：临期 {near}，超期 {overdue}（按 b 打开）", "Assistance SLA: near due {near}, overdue {overdue} (b opens)";
    KeyAssist => "帮扶请求", "Assistance";
    KeyAssistNextTab => "下一队列", "Next queue";
    KeyAssistPrevTab => "上一队列", "Previous queue";
    KeyAssistNew => "提交请求", "New request";
    KeyAssistNextAction => "下一操作", "Next action";
    KeyAssistPrevAction => "上一操作", "Previous action";
    KeyAssistDo => "执行操作", "Do action";
    KeyAssistNextChoice => "下一选项", "Next choice";
    KeyAssistPrevChoice => "上一选项", "Previous choice";
    AuditActTransition => "状态变更", "transition";
    AuditEntAssistRequest => "帮扶请求", "assistance request";
    AuditEntAssistRecord => "帮扶服务记录", "assistance service record";
    ActAssistRead => "查看帮扶请求", "view assistance requests";
    ActAssistFile => "提交帮扶请求", "file assistance requests";
    ActAssistTriage => "受理和派单帮扶请求", "accept and assign assistance requests";
    ActAssistHandle => "办理帮扶请求", "handle assistance requests";
    ActAssistRate => "评价帮扶请求", "rate assistance requests";
    ActAssistWithdraw => "撤回帮扶请求", "withdraw assistance requests";
    SettingAssistResponseDays => "帮扶请求受理时限（工作日）", "Assistance: days to accept (working days)";
    SettingAssistCompleteNormal => "帮扶办结时限：一般（工作日）", "Assistance: days to complete, normal (working days)";
    SettingAssistCompleteUrgent => "帮扶办结时限：较急（工作日）", "Assistance: days to complete, urgent (working days)";
    SettingAssistCompleteCritical => "帮扶办结时限：紧急（工作日）", "Assistance: days to complete, critical (working days)";
    SettingAssistRatingDays => "帮扶评价期限，逾期自动关闭（工作日）", "Assistance: days to rate before closing unrated (working days)";
    // ---- 报表 (reports)
    ActReportSummary => "生成业务汇总报表", "produce summary reports";
    ActDossierExport => "导出企业档案", "export enterprise dossiers";
    ErrReportPeriod => "报表期间“{value}”无效：请写 2026-11（月）、2026-Q3（季度）、2026（年）或 2026-07-01..2026-09-30", "Invalid report period '{value}': write 2026-11 (month), 2026-Q3 (quarter), 2026 (year) or 2026-07-01..2026-09-30";
    ErrReportPeriodOrder => "报表期间的结束日期 {to} 早于开始日期 {from}", "The report period ends ({to}) before it starts ({from})";
    ErrReportRegion => "区域代码 {code} 不存在：请用 ecocase 的区域代码，例如 371525（冠县）", "Region code {code} does not exist: use an ecocase region code, e.g. 371525 (Guanxian)";
    ErrReportTemplate => "报表模板有误：{detail}", "The report template is wrong: {detail}";
    ReportPeriodMonth => "{year}年{month}月", "{year}-{month}";
    ReportPeriodQuarter => "{year}年第{quarter}季度", "{year} Q{quarter}";
    ReportPeriodYear => "{year}年", "Year {year}";
    ReportPeriodDates => "{from} 至 {to}", "{from} to {to}";
    ReportDays => "{days} 个工作日", "{days} working days";
    ReportPoints => "{points} 个百分点", "{points} points";
    ReportWholeCity => "全市", "Whole city";
    ReportTitle => "业务汇总报表", "Summary report";
    ReportUnit => "聊城市生态环境局", "Liaocheng Municipal Bureau of Ecology and Environment";
    ReportPeriod => "报表期间", "Period";
    ReportCompared => "对比期间", "Compared with";
    ReportRegion => "区域", "Region";
    ReportGenerated => "生成时间", "Generated";
    ReportSheetOverview => "概况", "Overview";
    HelpExportSummary => "导出业务汇总报表：期间、区域，本期与上期对比（XLSX、CSV、HTML、JSON）", "Export the summary report for a period and region, compared with the period before (XLSX, CSV, HTML, JSON)";
    HelpSummaryPeriod => "报表期间：2026-11（月）、2026-Q3（季度）、2026（年）或 2026-07-01..2026-09-30", "Report period: 2026-11 (month), 2026-Q3 (quarter), 2026 (year) or 2026-07-01..2026-09-30";
    HelpSummaryFrom => "期间第一天 YYYY-MM-DD（与 --to 一起使用，代替 --period）", "First day YYYY-MM-DD (with --to, instead of --period)";
    HelpSummaryTo => "期间最后一天 YYYY-MM-DD（含当天）", "Last day YYYY-MM-DD (included)";
    HelpSummaryRegion => "只汇总该区域（代码或名称）；分局账户固定为本区域", "Only this region (code or name); branch accounts always report their own region";
    HelpSummaryFormat => "文件格式；省略时按文件扩展名，默认 xlsx", "File format; taken from the file extension when omitted, xlsx by default";
    HelpSummaryTemplate => "HTML 报表模板（复制 templates/summary.html 修改抬头和样式）", "HTML template (copy templates/summary.html to change the letterhead and styles)";
    ErrReportWrite => "无法写入报表文件 {path}：{detail}（请检查目录是否存在、是否有写权限）", "Cannot write the report file {path}: {detail} (check that the directory exists and is writable)";
    ReportHint => "选择期间、区域和格式，Enter 生成；文件写在当前目录，也可输入完整路径", "Choose period, region, format; Enter writes it (to the current directory)";
    ReportFieldFormat => "格式", "Format";
    ReportFieldFile => "文件", "File";
    ReportRunning => "正在生成汇总报表...", "Writing the summary...";
    ReportPreview => "{period}（对比 {previous}）", "{period} (compared with {previous})";
    ReportPeriodHint => "格式：2026-11、2026-Q3、2026 或 2026-07-01..2026-09-30", "Write 2026-11, 2026-Q3, 2026 or 2026-07-01..2026-09-30";
    // list exports (as shown on screen)
    ExpColNumber => "编号", "Number";
    ExpColState => "状态", "State";
    ExpColPhase => "时限阶段", "Time-limit phase";
    ExpColDue => "时限截止", "Due";
    ExpColLevel => "时限状态", "Time-limit state";
    ExpPhaseResponse => "受理", "Acceptance";
    ExpPhaseCompletion => "办结", "Completion";
    ExpLevelOnTrack => "正常", "On track";
    ExpSheetAssist => "帮扶请求", "Assistance requests";
    ExpSheetInspections => "执法检查", "Inspections";
    MsgQueueExported => "已导出 {n} 条：{stem}.csv 和 .xlsx（目录 {dir}）", "Exported {n} rows: {stem}.csv and .xlsx (in {dir})";
    // reload after a conflict, keeping what was typed
    MsgVersionReloaded => "已重新加载：记录现为“{state}”；已输入的内容保留，核对后按 Ctrl-S 再次提交", "Reloaded: the record is now '{state}'; what you typed is kept: check, then Ctrl-S to submit again";
    KeyReloadKeep => "重新加载（保留输入）", "Reload (keep typing)";
    MsgReloadedKept => "已重新加载最新内容；你修改的 {n} 项已保留，核对后按 Ctrl-S 保存", "Reloaded the current record; your {n} changed field(s) are kept: check, then Ctrl-S to save";
    ReportCancelled => "已取消汇总报表，未写入文件", "The summary was cancelled; no file was written";
    ReportCancelling => "正在取消...", "Cancelling...";
    ReportStep => "正在计算 {done}/{total}：{module}（Esc 取消）", "Computing {done}/{total}: {module} (Esc cancels)";
    ReportWriting => "正在写入文件...", "Writing the file...";
    KeyReport => "业务汇总报表", "Summary report";
    KeyReportWrite => "生成报表", "Write the report";
    DossierTitle => "企业档案", "Enterprise dossier";
    DossierProfile => "基本信息", "Profile";
    DossierNone => "无记录", "No records";
    DossierFormerNames => "曾用名", "Former names";
    DossierPlEntries => "正面清单", "Positive list";
    DossierPlTimeline => "正面清单过程", "Positive-list timeline";
    DossierPlTriggers => "触发事件", "Trigger events";
    DossierRequests => "帮扶请求", "Assistance requests";
    DossierRequestSteps => "帮扶办理过程", "Assistance timeline";
    DossierRecords => "服务记录", "Service records";
    DossierAudit => "变更记录", "Change history";
    DossierManifests => "危险废物转移联单", "Hazardous waste manifests";
    DossierInspections => "执法检查", "Inspections";
    DossierRectifications => "责令改正", "Rectification orders";
    DossierCases => "立案移交", "Cases";
    DossierColRole => "本企业身份", "This enterprise as";
    DossierColCounterpart => "对方单位", "Other party";
    DossierRoleGenerator => "移出人", "Generator";
    DossierRoleReceiver => "接受人", "Receiver";
    DossierColServed => "送达日期", "Served";
    DossierColDeadline => "整改期限", "Deadline";
    DossierColReport => "整改报告提交", "Report submitted";
    DossierColPenalty => "处罚（元）", "Penalty (yuan)";
    DossierColField => "项目", "Field";
    DossierColValue => "内容", "Value";
    DossierColName => "名称", "Name";
    DossierColValidTo => "使用至", "Used until";
    DossierColBatch => "批次", "Batch";
    DossierColState => "状态", "State";
    DossierColNoticeStart => "公示开始", "Notice from";
    DossierColNoticeEnd => "公示结束", "Notice until";
    DossierColListedOn => "纳入日期", "Listed on";
    DossierColReviewDue => "复核到期", "Review due";
    DossierColCause => "移出原因", "Removal cause";
    DossierColReason => "理由", "Reason";
    DossierColTime => "时间", "Time";
    DossierColFrom => "原状态", "From";
    DossierColTo => "新状态", "To";
    DossierColBy => "经办人", "By";
    DossierColDate => "日期", "Date";
    DossierColKind => "类型", "Kind";
    DossierColReference => "来源编号", "Reference";
    DossierColHandling => "处理方式", "Handling";
    DossierColNote => "说明", "Note";
    DossierColNumber => "编号", "Number";
    DossierColSubmitted => "提交时间", "Submitted";
    DossierColServices => "服务事项", "Services";
    DossierColUrgency => "紧急程度", "Urgency";
    DossierColResult => "办理结果", "Result";
    DossierColRating => "评价", "Rating";
    DossierColEvent => "环节", "Step";
    DossierColMode => "方式", "Mode";
    DossierColContent => "服务内容", "Content";
    DossierColProblems => "发现问题", "Problems";
    DossierColAdvice => "建议", "Advice";
    DossierColAction => "操作", "Action";
    DossierColChanged => "变更的字段", "Fields changed";
    HelpExportDossier => "导出企业档案（基本信息、正面清单、帮扶、变更记录），HTML 或 XLSX；企业用户只能导出本企业", "Export an enterprise dossier (profile, positive list, assistance, change history) as HTML or XLSX; enterprise accounts only their own";
    HelpDossierUscc => "企业的统一社会信用代码", "The enterprise's unified social credit code";
    HelpDossierFormat => "html 或 xlsx；省略时按文件扩展名", "html or xlsx; taken from the file extension when omitted";
    CliDossierDone => "已写入 {name} 的企业档案：{path}", "Wrote the dossier of {name}: {path}";
    KeyDossier => "导出企业档案", "Export dossier";
    MsgWritingFile => "正在写入文件...", "Writing the file...";
    KeyExportList => "导出当前列表", "Export this list";
    MsgListExported => "已导出 {n} 家企业（按当前筛选和排序）：{csv} 和 {xlsx}", "Exported {n} enterprises (current filters and order): {csv} and {xlsx}";
    MsgDossierWritten => "已写入 {name} 的企业档案：{html} 和 {xlsx}", "Wrote the dossier of {name}: {html} and {xlsx}";
    CliSummaryNeedsPeriod => "请给出报表期间：--period 2026-Q3，或 --from YYYY-MM-DD --to YYYY-MM-DD", "Give the report period: --period 2026-Q3, or --from YYYY-MM-DD --to YYYY-MM-DD";
    CliSummaryDone => "已写入 {region} {period} 的汇总报表：{path}", "Wrote the summary for {region}, {period}: {path}";
    ReportColSection => "模块", "Module";
    ReportColMeasure => "指标", "Measure";
    ReportColValue => "本期", "This period";
    ReportColPrevious => "上期", "Previous period";
    ReportColChange => "变化", "Change";
    ReportColItem => "项目", "Item";
    ReportSecRegister => "企业名录", "Enterprise register";
    ReportSecAssist => "点单式帮扶", "On-demand assistance";
    ReportSecPlist => "正面清单", "Positive list";
    RepEntAtEnd => "期末登记企业数", "Enterprises registered at the end of the period";
    RepEntRegistered => "本期新登记企业", "Enterprises newly registered in the period";
    RepAssistSubmitted => "本期提交的帮扶申请", "Requests submitted";
    RepAssistCompleted => "本期办结", "Requests completed";
    RepAssistResponse => "平均响应时间（提交至受理）", "Mean response (submitted to accepted)";
    RepAssistCompletion => "平均办理时间（受理至办结，扣除挂起）", "Mean completion (accepted to completed, less suspensions)";
    RepAssistOnTime => "按时办结率", "Completed on time";
    RepAssistSatisfaction => "满意率（评价中满意及以上）", "Satisfaction (rated satisfied or better)";
    RepAssistReopen => "重新办理率", "Reopened";
    RepByService => "按服务事项（本期提交）", "By service (submitted in the period)";
    RepByState => "按当前状态（本期提交）", "By current state (submitted in the period)";
    RepByChannel => "按来源渠道（本期提交）", "By channel (submitted in the period)";
    RepPlAdmitted => "本期纳入", "Admitted in the period";
    RepPlRemoved => "本期移出", "Removed in the period";
    RepPlTriggers => "本期触发事件", "Trigger events in the period";
    RepPlOnsite => "在册企业现场检查", "On-site checks of listed enterprises";
    RepPlByStateNow => "当前各状态企业数", "Entries by state now";
    RepPlByCause => "移出原因", "Removals by cause";
    ReportTonnes => "{t} 吨", "{t} t";
    ReportSecManifests => "危险废物转移联单", "Hazardous waste manifests";
    ReportSecInspections => "执法检查", "Inspections";
    RepMfCount => "本期转移联单（不含草稿、作废）", "Manifests transferred (drafts and cancelled left out)";
    RepMfTonnes => "申报转移量", "Declared quantity";
    RepMfCross => "跨省转移联单", "Cross-province manifests";
    RepMfDiscrepancies => "有差异的联单", "Manifests with a discrepancy";
    RepMfByCategory => "按废物类别（千克）", "By waste category (kg)";
    RepMfByState => "本期联单的当前状态", "Current state of the period's manifests";
    RepInCount => "本期实施的检查", "Inspections carried out";
    RepInFindings => "发现问题的检查", "Inspections with findings";
    RepInOrders => "下达责令改正", "Rectification orders served";
    RepInOrdersOverdue => "其中逾期未整改（截至今日）", "Of those, overdue without a result (as of today)";
    RepInCases => "移交立案", "Cases transferred (立案)";
    RepInPenalties => "罚款金额（元）", "Penalties (yuan)";
    RepInByCategory => "按检查类别", "By category";
    RepInByMode => "按检查方式", "By mode";
    RepPlOnsiteByCategory => "在册企业现场检查（按检查事由）", "On-site checks of listed enterprises by reason";
    RepPlTriggersByKind => "触发事件（按类型）", "Trigger events by kind";
    // ---- 圆桌座谈 and assistance fixes (assistfix)
    ActAssistMeetingRead => "查看圆桌座谈", "read round-table meetings";
    ActAssistMeetingRecord => "记录圆桌座谈", "record round-table meetings";
    MeetingFieldDate => "座谈日期", "Meeting date";
    MeetingFieldPlace => "地点", "Place";
    MeetingFieldHost => "主持人", "Host";
    MeetingFieldTopic => "主题", "Topic";
    MeetingFieldNote => "备注", "Note";
    MeetingFieldPerson => "参会人", "Person";
    MeetingFieldRole => "职务/身份", "Role";
    MeetingFieldEnterpriseQuery => "企业(名称/代码)", "Ent. name/USCC";
    MeetingFieldRequestNumber => "帮扶编号", "Request number";
    MeetingFieldProblemEnterprise => "提出企业", "Raised by";
    MeetingGuest => "（局内/专家）", "(bureau/expert)";
    ErrTimeFuture => "{field} {value} 晚于当前时间 {now}：已发生的事不能记在将来", "{field} {value} is later than now ({now}): what happened cannot be in the future";
    ErrTimePast => "{field} {value} 早于今天 {today}：计划不能从过去开始", "{field} {value} is before today ({today}): a plan cannot start in the past";
    ErrTimeOrder => "{later} {lv} 早于{earlier} {ev}", "{later} {lv} is before {earlier} {ev}";
    CalendarUncovered => "{years} 年工作日历未导入，期限按周一至周五估算", "No working-day calendar imported for {years}: the deadline is estimated on Monday–Friday";
    CliCheckWarnings => "警告 {n} 条（不影响检查结果）：", "{n} warning(s) (the check does not fail on them):";
    CliCheckTimeWarning => "  警告：联单 {number}：{detail}", "  warning: manifest {number}: {detail}";
    CliCheckCalendarWarning => "  警告：{detail}", "  warning: {detail}";
    CalendarEstimatedTag => "估", "~";
    CalendarEstimatedMark => "(估)", "(est.)";
    CalendarNextYearMissing => "{year} 年工作日历尚未导入：请在年底前导入，否则期限按周一至周五估算", "The {year} working-day calendar is not imported yet: import it before the year ends, or deadlines are estimated on Monday–Friday";
    SettingTimeSkewMinutes => "时间校验允许的时钟误差（分钟）", "Time checks: clock-skew allowance (minutes)";
    ErrMeetingFuture => "座谈日期不能晚于今天：座谈结束后再记录", "The meeting date cannot be after today: record a meeting once it is held";
    ErrMeetingNoRequest => "找不到帮扶编号 {number}：请检查编号（如 BF-371525-2026-00001）", "No request numbered {number}: check the number (e.g. BF-371525-2026-00001)";
    ErrMeetingDraftRequest => "草稿状态的请求不能关联：请企业先提交", "A draft request cannot be linked: the enterprise must submit it first";
    ErrMeetingAlreadyLinked => "{number} 已关联到本次座谈", "{number} is already linked to this meeting";
    ErrMeetingNoEnterprise => "没有找到匹配“{query}”的企业：请输入名称、信用代码或拼音首字母", "No enterprise matches '{query}': type a name, USCC or pinyin initials";
    ErrMeetingManyEnterprises => "“{query}”匹配 {n} 家企业：请输入更完整的名称或信用代码", "'{query}' matches {n} enterprises: type more of the name or the USCC";
    ErrMeetingNoParticipant => "请先添加参会企业，再登记它提出的问题", "Add the participating enterprise first, then the problem it raised";
    MeetingScreenList => "圆桌座谈", "Round-tables";
    MeetingScreenNew => "记录圆桌座谈", "Record a round-table";
    MeetingScreenParticipant => "添加参会人", "Add a participant";
    MeetingScreenProblem => "登记问题（新建帮扶请求）", "Raise a problem (new request)";
    MeetingScreenLink => "关联已有帮扶请求", "Link an existing request";
    MeetingListEmpty => "暂无圆桌座谈记录。按 Ctrl-N 记录一次座谈", "No round-table meetings yet. Press Ctrl-N to record one";
    MeetingColParticipants => "参会", "People";
    MeetingColProblems => "问题(未结)", "Problems (open)";
    MeetingSectionParticipants => "参会人员", "Participants";
    MeetingSectionProblems => "提出的问题及办理状态", "Problems raised and their state";
    MeetingNoProblems => "（尚无问题）", "(no problems yet)";
    MeetingNoParticipants => "（尚无参会人员）", "(no participants yet)";
    MeetingProblemLinked => "关联", "linked";
    MeetingProblemNew => "新建", "new";
    MeetingMsgRecorded => "已记录圆桌座谈：{topic}", "Round-table recorded: {topic}";
    MeetingMsgParticipant => "已添加参会人 {person}", "Participant {person} added";
    MeetingMsgProblem => "已登记问题，生成帮扶请求 {number}", "Problem raised as request {number}";
    MeetingMsgLinked => "已关联帮扶请求 {number}", "Request {number} linked";
    KeyMeetings => "圆桌座谈", "Round-tables";
    KeyMeetingNew => "记录座谈", "Record meeting";
    KeyMeetingOpenRequest => "打开所选请求", "Open request";
    MeetingActionParticipant => "添加参会人", "Add participant";
    MeetingActionProblem => "登记问题", "Raise problem";
    MeetingActionLink => "关联请求", "Link request";
    AssistanceEventReassign => "改派", "Reassign";
    AssistanceEventPhoneRate => "电话评价", "Rating by phone";
    AssistanceFieldCohandlers => "协办人", "Co-handlers";
    AssistanceFieldEnterpriseQuery => "企业(名称/代码)", "Ent. name/USCC";
    PositiveListFieldTriggerDate => "日期(空=今天)", "Date (or today)";
    PositiveListFieldOccurredOn => "触发日期", "Trigger date";
    ErrPlOffsiteClosed => "已移出或未纳入的记录不能修改非现场监管方式", "A removed or rejected entry's off-site supervision cannot be changed";
    PositiveListFieldBatchName => "名称(空=自动)", "Name (or next)";
    PositiveListFieldBatchNote => "批次说明", "Batch note";
    PositiveListScreenNewBatch => "新建批次", "New batch";
    PositiveListScreenOffsite => "非现场监管方式", "Off-site supervision";
    KeyPlOffsite => "监管方式", "Off-site means";
    MsgPlOffsiteSaved => "已保存非现场监管方式", "Off-site supervision saved";

    // ---- 危险废物转移联单 (manifests)
    ManifestStateDraft => "草稿", "Draft";
    ManifestStatePendingTransport => "待运输", "Awaiting transport";
    ManifestStateInTransit => "运输中", "In transit";
    ManifestStateAwaitingReceipt => "待接收确认", "Awaiting receipt";
    ManifestStateDiscrepancy => "差异处理中", "Discrepancy";
    ManifestStateReceived => "已接收", "Received";
    ManifestStateCompleted => "已完成", "Completed";
    ManifestStateRejected => "已拒收", "Rejected";
    ManifestStateCancelled => "已作废", "Cancelled";
    ManifestStatePendingBackfill => "待补录", "Awaiting back-fill";
    ManifestStateBackfilled => "已补录", "Back-filled";
    ManifestOriginLocal => "本系统", "ecocase";
    ManifestOriginNational => "全国系统", "National system";
    ManifestOriginPaper => "纸质联单", "Paper";
    ManifestModeCollect => "收集", "Collection";
    ManifestModeStore => "贮存", "Storage";
    ManifestModeUtilize => "利用", "Utilisation";
    ManifestModeDispose => "处置", "Disposal";
    ManifestFormSolid => "固态", "Solid";
    ManifestFormSemiSolid => "半固态", "Semi-solid";
    ManifestFormLiquid => "液态", "Liquid";
    ManifestFormGas => "气态", "Gas";
    ManifestDecisionAccept => "接受", "Accept";
    ManifestDecisionPartial => "部分接受", "Accept in part";
    ManifestDecisionReject => "拒收", "Reject";
    ManifestDiffName => "名称", "Name";
    ManifestDiffQuantity => "数量", "Quantity";
    ManifestDiffHazard => "危险特性", "Hazard";
    ManifestDiffForm => "形态", "Form";
    ManifestDiffPackaging => "包装", "Packaging";
    ManifestEventSubmit => "提交", "Submit";
    ManifestEventDepart => "起运", "Depart";
    ManifestEventHandover => "交接", "Hand over";
    ManifestEventArrive => "运抵", "Arrive";
    ManifestEventConfirm => "确认接收", "Confirm receipt";
    ManifestEventDiscrepancy => "登记差异", "Record discrepancy";
    ManifestEventDecide => "差异决定", "Decide discrepancy";
    ManifestEventComplete => "处置结果回告", "Report handling";
    ManifestEventCancel => "作废", "Cancel";
    ManifestEventBackfill => "补录完成", "Back-filled";
    ManifestAlertReceiptOverdue => "接收确认逾期", "Receipt overdue";
    ManifestAlertBackfillOverdue => "补录逾期", "Back-fill overdue";
    ManifestAlertTransitLong => "运输超时", "In transit too long";
    ManifestAlertStockAging => "贮存将满一年", "Stock nearly a year old";
    ManifestAlertStockOverdue => "贮存超过一年", "Stored over a year";
    ManifestRejectNotAsDeclared => "与联单申报不符", "Not as declared on the manifest";
    ManifestRejectOutsideLicence => "超出经营许可范围", "Outside the licence's scope";
    ManifestRejectPackaging => "包装破损或不符合要求", "Packaging damaged or unfit";
    ManifestRejectOverCapacity => "超出经营能力", "Beyond the receiver's capacity";
    ManifestRejectOther => "其他原因", "Other reason";
    ManifestLicenceComprehensive => "综合经营", "Comprehensive";
    ManifestLicenceCollect => "收集经营", "Collection only";
    ManifestFieldLicenceKind => "许可证类别", "Licence kind";
    ReasonHandlingCode => "代码应为 R、D 或 C 加 1-2 位数字（如 R9、D10）", "The code is R, D or C and 1-2 digits (e.g. R9, D10)";
    ReasonHandlingKind => "类别应为 utilize、dispose 或 store", "The kind is utilize, dispose or store";
    HelpImportHandlingCodes => "导入危险废物利用处置方式代码表（替换现有清单）", "Import the hazardous waste handling-code list (replaces the current one)";
    ManifestFieldApprovalMode => "批准经营方式", "Approved handling mode";
    ManifestFieldRejectReason => "拒收原因", "Rejection reason";
    ManifestFieldRejectNote => "拒收说明", "Rejection explanation";
    ManifestFieldFollowUps => "后续联单", "Follow-up manifests";
    ManifestFieldFollowUpOf => "接续被拒收联单", "Follows rejected manifest";
    ManifestErrLicenceTerm => "{kind}许可证有效期最长 {years} 年：自 {from} 起最晚至 {limit}，当前至 {to}：请核对有效期", "A {kind} licence runs at most {years} years: from {from} it ends by {limit}, not {to}: check the dates";
    ManifestErrLicenceKindModes => "收集经营许可证只能包含“收集”经营方式：请改为综合经营或去掉其他方式", "A collection-only licence covers collection only: choose comprehensive or remove the other modes";
    ManifestErrApprovalMode => "跨省转移审批 {number} 批准的经营方式为“{approved}”，本联单为“{mode}”：改变经营方式须重新申请（部令第23号第二十八条）", "Approval {number} is for {approved}, this manifest is {mode}: a change of handling mode needs a new application (Order 23 Art. 28)";
    ManifestErrHandlingCodeUnknown => "处置利用方式代码 {value} 不在参考表中：请从清单选择（如 R9、D10、C1），管理员可导入新表", "Handling code {value} is not in the reference list: choose one of it (e.g. R9, D10, C1); an administrator can import a new list";
    ManifestErrRejectReason => "拒收须选择原因并说明：请选择拒收原因并填写说明", "A rejection needs a reason and an explanation: choose the reason and describe it";
    ManifestWarnContainerPlausible => "第 {n} 行 {qty} 吨装 {containers} 个容器，每个约 {each} 吨，超过合理上限 {max} 吨：请核对数量与容器数", "Line {n}: {qty} t in {containers} containers is about {each} t each, above the plausible {max} t: check the quantity and the count";
    ManifestWarnLicenceCapacity => "接收单位许可证 {number} 年经营能力 {capacity} 吨，{year} 年已接收 {used} 吨，剩余 {left} 吨，本联单 {this} 吨将超出：请核对", "Receiver licence {number} may take {capacity} t a year; {used} t received in {year}, {left} t left; this manifest's {this} t would exceed it: check";
    ManifestErrPlate => "车牌号 {value} 不是中国车牌格式（如 鲁P12345、鲁PD12345 新能源、鲁P1234挂）：请核对", "Plate {value} is not a Chinese plate (e.g. 鲁P12345, 鲁PD12345 new-energy, 鲁P1234挂): check it";
    ManifestErrNumberEmpty => "联单编号不能为空：请填写 14 位联单编号", "Manifest number is empty: enter the 14-digit number";
    ManifestErrNumberDigits => "联单编号只能包含数字，当前为 {value}", "Manifest number must be digits only, not {value}";
    ManifestErrNumberLength => "联单编号应为 14 位数字，当前 {n} 位", "Manifest number must have 14 digits, it has {n}";
    ManifestErrNumberYear => "联单编号前 4 位应为年份（{first}–{last}），{year} 不在此范围：请核对编号", "The first 4 digits of a manifest number are the year ({first}-{last}); {year} is outside it: check the number";
    ManifestErrNumberArea => "联单编号第 5-8 位应为 GB/T 2260 的省市代码，{area} 不是：请核对编号", "Digits 5-8 of a manifest number are a GB/T 2260 province and city; {area} is not one: check the number";
    ManifestErrNumberCity => "联单编号第 5-8 位是移出地（部令第23号第十五条），应为移出人所在市 {city}，当前为 {area}：请核对编号或移出人", "Digits 5-8 of a manifest number are the place of origin (Order 23 Art. 15) and must be the generator's city {city}, not {area}: check the number or the generator";
    ManifestErrNumberLocal => "本系统创建的联单编号应以 {prefix} 开头", "Manifests created here are numbered {prefix}...";
    ManifestErrNumberTaken => "联单编号 {number} 已存在", "Manifest number {number} already exists";
    ManifestErrQtyEmpty => "数量不能为空：请填写吨数，最多 3 位小数", "Quantity is empty: enter tonnes with at most 3 decimals";
    ManifestErrQtyPositive => "数量必须大于 0", "Quantity must be greater than 0";
    ManifestErrQtyNumber => "数量 {value} 不是数字：请填写吨数，如 1.250", "Quantity {value} is not a number: enter tonnes, e.g. 1.250";
    ManifestErrQtyDecimals => "数量 {value} 超过 3 位小数：请精确到千克（0.001 吨）", "Quantity {value} has more than 3 decimals: round to the kilogram (0.001 t)";
    ManifestErrQtyTooLarge => "数量过大：单行不超过 1000000 吨", "Quantity too large: at most 1000000 t per line";
    ManifestErrLine => "第 {n} 行：{msg}", "Line {n}: {msg}";
    ManifestErrLeg => "第 {n} 段运输：{msg}", "Carrier leg {n}: {msg}";
    ManifestErrNoLines => "至少填写一行危险废物", "Enter at least one waste line";
    ManifestErrCodeFormat => "废物代码 {value} 格式应为 ddd-ddd-dd，如 900-249-08", "Waste code {value} must look like ddd-ddd-dd, e.g. 900-249-08";
    ManifestErrCodeCategory => "废物类别 {cat} 不存在（名录无 HW41-HW44，最大 HW50）", "Waste category {cat} does not exist (no HW41-HW44; the last is HW50)";
    ManifestErrCodeUnknown => "废物代码 {code} 不在名录 {edition} 中：请用代码查找选择", "Waste code {code} is not in the {edition} list: pick one with the code search";
    ManifestErrCodeMismatch => "废物代码 {code} 在名录中属于 {cat}，与代码末两位不符", "Waste code {code} is listed under {cat}, not the category its last digits say";
    ManifestErrNoEdition => "转移日期 {day} 没有生效的危险废物名录：请管理员导入名录", "No waste list is in force on {day}: ask an administrator to import one";
    ManifestErrNameRequired => "废物名称不能为空", "Waste name is required";
    ManifestErrHazard => "危险特性 {value} 无效：只能是 T、C、I、R、In", "Hazard {value} is not valid: use T, C, I, R, In";
    ManifestWarnHazardNarrower => "危险特性少于名录默认的 {default}（缺 {missing}），请确认", "Hazards are narrower than the list default {default} (missing {missing}): please confirm";
    ManifestErrForm => "形态 {value} 无效：请选固态 S、半固态 SS、液态 L 或气态 G", "Form {value} is not valid: choose S, SS, L or G";
    ManifestErrContainers => "容器数量 {value} 无效：请填写 0 或正整数", "Container count {value} is not valid: enter 0 or a whole number";
    ManifestErrTime => "{field} {value} 无效：格式为 YYYY-MM-DD HH:MM", "{field} {value} is not valid: use YYYY-MM-DD HH:MM";
    ManifestErrHandlingCode => "处置方式代码 {value} 无效：应为 R、D 或 C 加数字，如 R9、D10", "Handling code {value} is not valid: R, D or C and a number, e.g. R9, D10";
    ManifestErrDecisionRequired => "请选择差异处理决定：接受、部分接受或拒收", "Choose a decision: accept, accept in part or reject";
    ManifestErrCancelAfterDeparture => "联单已起运，不能作废：到达后由接受单位拒收或登记差异", "The waste has left: a manifest cannot be cancelled after departure; the receiver may reject it";
    ManifestErrBadTransition => "联单当前为{state}，不能{event}", "The manifest is {state}: cannot {event}";
    ManifestErrLicenceValidity => "许可证 {number} 在 {day} 不在有效期内（{from} 至 {to}）", "Licence {number} is not valid on {day} ({from} to {to})";
    ManifestErrLicenceMode => "许可证 {number} 不含经营方式 {mode}", "Licence {number} does not cover {mode}";
    ManifestErrLicenceScope => "许可证 {number} 的经营范围不含 {code}", "Licence {number} does not cover waste code {code}";
    ManifestErrLicenceUnknown => "找不到许可证 {number}：请先在许可证列表中登记", "Licence {number} not found: register it in the licence list first";
    ManifestErrApprovalRequired => "接受单位在外省（{province}），须填写跨省转移审批编号", "The receiver is in another province ({province}): a cross-province approval is required";
    ManifestErrApprovalUnknown => "找不到跨省转移审批 {number}", "Cross-province approval {number} not found";
    ManifestErrApprovalOrder => "审批有效期截止日早于起始日", "The approval ends before it starts";
    ManifestErrApproval12Months => "审批有效期最长 12 个月：{from} 起最迟 {limit}，当前至 {to}", "An approval is valid at most 12 months: from {from} no later than {limit}, not {to}";
    ManifestErrApprovalBeyondLicence => "审批有效期至 {to}，超过接受单位许可证 {licence} 的有效期 {licence_to}", "The approval runs to {to}, beyond licence {licence} which ends {licence_to}";
    ManifestErrApprovalDate => "转移日期 {day} 不在审批 {number} 的有效期内（{from} 至 {to}）", "Transfer date {day} is outside approval {number} ({from} to {to})";
    ManifestErrApprovalReceiver => "审批 {number} 批准的接受单位许可证为 {licence}，与本联单不符", "Approval {number} is for licence {licence}, not this receiver";
    ManifestErrApprovalCode => "审批 {number} 批准的废物代码为 {approved}，不含 {code}", "Approval {number} is for {approved}, not {code}";
    ManifestErrApprovalQuantity => "超过审批 {number} 的批准数量 {approved} 吨：已转移 {used} 吨，本联单 {this} 吨", "Exceeds approval {number}: approved {approved} t, already {used} t, this manifest {this} t";
    ManifestWarnNotAdjacent => "接受单位所在省份 {province} 与山东不相邻，请说明是否符合就近原则", "The receiver's province {province} does not border Shandong: confirm the nearest-facility principle";
    ManifestErrNotParty => "您的企业不是本联单的{party}，不能办理此环节", "Your enterprise is not this manifest's {party}: this step is not yours";
    ManifestErrMustDiscrepancy => "第 {n} 行实收 {measured} 吨/{mc} 件，申报 {declared} 吨/{dc} 件，超出容差：请登记差异", "Line {n}: received {measured} t/{mc}, declared {declared} t/{dc}, beyond tolerance: record a discrepancy";
    ManifestErrOneGenerator => "一张联单只能有一个移出人", "A manifest has exactly one generator";
    ManifestPartyGenerator => "移出人", "generator";
    ManifestPartyReceiver => "接受人", "receiver";
    ManifestFieldNumber => "联单编号", "Manifest number";
    ManifestFieldGenerator => "移出人", "Generator";
    ManifestFieldReceiver => "接受人", "Receiver";
    ManifestFieldLicence => "经营许可证", "Licence";
    ManifestFieldMode => "经营方式", "Handling mode";
    ManifestFieldTransferDate => "转移日期", "Transfer date";
    ManifestFieldApproval => "跨省审批编号", "Cross-province approval";
    ManifestFieldCode => "废物代码", "Waste code";
    ManifestFieldWasteName => "废物名称", "Waste name";
    ManifestFieldHazard => "危险特性", "Hazards";
    ManifestFieldForm => "形态", "Form";
    ManifestFieldComponents => "主要成分", "Main components";
    ManifestFieldHarmful => "有害成分", "Harmful components";
    ManifestFieldPackaging => "包装方式", "Packaging";
    ManifestFieldContainers => "容器数", "Containers";
    ManifestFieldQuantity => "数量（吨）", "Quantity (t)";
    ManifestFieldCarrier => "承运单位", "Carrier";
    ManifestFieldCarrierUscc => "承运单位信用代码", "Carrier USCC";
    ManifestFieldTransportLicence => "道路运输许可证", "Transport licence";
    ManifestFieldPlate => "车牌号", "Vehicle plate";
    ManifestFieldDriver => "驾驶员", "Driver";
    ManifestFieldEscort => "押运员", "Escort";
    ManifestFieldDepartedAt => "起运时间", "Departed at";
    ManifestFieldHandoverAt => "交接时间", "Handed over at";
    ManifestFieldHandoverPlace => "交接地点", "Hand-over place";
    ManifestFieldArrivedAt => "运抵时间", "Arrived at";
    ManifestFieldReceivedAt => "接收时间", "Received at";
    ManifestFieldReceivedQty => "实收数量（吨）", "Received (t)";
    ManifestFieldReceivedContainers => "实收容器数", "Containers received";
    ManifestFieldToldGenerator => "告知移出人时间", "Generator told at";
    ManifestFieldToldBureau => "报告接受地部门时间", "Receiving-area bureau told at";
    ManifestFieldDiffKind => "差异类型", "Discrepancy kind";
    ManifestFieldDeclared => "申报值", "Declared";
    ManifestFieldMeasured => "实际值", "Measured";
    ManifestFieldDecision => "处理决定", "Decision";
    ManifestFieldHandlingCode => "处置方式代码", "Handling code";
    ManifestFieldReason => "作废原因", "Reason";
    ManifestFieldPaperCompleted => "纸质联单完成日期", "Paper transfer completed on";
    SettingMfReceiptDays => "联单接收确认时限（工作日）", "Manifests: days to confirm receipt (working days)";
    SettingMfBackfillDays => "纸质联单补录时限（工作日）", "Manifests: days to enter a paper manifest (working days)";
    SettingMfTransitDays => "联单运输时限（天），超时提醒", "Manifests: days in transit before an alert";
    SettingMfTolerancePct => "联单数量差异容差（%）", "Manifests: quantity tolerance (%)";
    SettingMfExtendMaxMonths => "延期贮存一次最多延长（月）", "Manifests: longest storage extension (months)";
    SettingMfContainerMaxKg => "每个容器的合理上限（千克），超过须确认", "Manifests: plausible maximum per container (kg), above asks to confirm";
    ActManifestRead => "查看转移联单", "view manifests";
    ActManifestDraft => "填报和提交转移联单", "draft and submit manifests";
    ActManifestTransport => "登记联单运输", "record manifest transport";
    ActManifestReceive => "确认联单接收", "confirm manifest receipt";
    ActManifestOversee => "监管转移联单", "oversee manifests";
    ActManifestExport => "导出转移联单", "export manifests";
    ActLicenceManage => "管理经营许可证和跨省审批", "manage licences and approvals";
    ManifestErrProvince => "省份代码 {value} 无效：请填写 2 位数字，如山东 37、河北 13", "Province code {value} is not valid: 2 digits, e.g. 37 Shandong, 13 Hebei";
    ManifestErrScope => "经营范围 {value} 无效：填写类别（HW08）或代码（900-249-08），用逗号分隔", "Licence scope {value} is not valid: categories (HW08) or codes (900-249-08), comma separated";
    ManifestErrLicenceTaken => "许可证 {number} 已登记", "Licence {number} is already registered";
    ManifestErrApprovalTaken => "审批 {number} 已登记", "Approval {number} is already registered";
    ManifestErrGeneratorUnknown => "找不到移出人 {uscc}：请先在企业名录中登记", "Generator {uscc} not found: register the enterprise first";
    ManifestErrImportNotOwnGenerator => "移出人 {uscc} 不是本企业：企业账户只能导入本企业作为移出人的联单，接收的联单由移出人或生态环境局导入", "Generator {uscc} is not your enterprise: an enterprise account imports only manifests it generated; received ones are imported by the generator or the bureau";
    ManifestErrImportOutOfScope => "移出人 {uscc} 不在本账户的辖区内：请由其所在辖区的工作人员导入", "Generator {uscc} is outside this account's region: staff of its region import it";
    ManifestFieldValidFrom => "有效期起", "Valid from";
    ManifestFieldValidTo => "有效期至", "Valid to";
    KeyMfEdit => "修改", "edit";
    KeyMfFollowUp => "新建后续联单", "create a follow-up manifest";
    KeyManifests => "转移联单", "Manifests";
    KeyMfNextFilter => "下一筛选", "Next filter";
    KeyMfPrevFilter => "上一筛选", "Previous filter";
    KeyMfNew => "新建联单", "New manifest";
    KeyMfRef => "审批和许可证", "Approvals & licences";
    KeyMfPickCode => "查找废物代码", "Find waste code";
    KeyMfAddLine => "增加废物行", "Add waste line";
    KeyMfAddLeg => "增加运输段", "Add carrier leg";
    KeyMfRemoveBlock => "删除当前行/段", "Remove this line/leg";
    KeyMfRefTab => "切换列表", "Switch list";
    ManifestScreenList => "危险废物转移联单", "Hazardous waste manifests";
    ManifestScreenNew => "新建转移联单", "New manifest";
    ManifestScreenEdit => "修改联单草稿", "Edit manifest draft";
    ManifestScreenRef => "跨省审批与经营许可证", "Approvals and licences";
    ManifestScreenApprovals => "跨省转移审批", "Cross-province approvals";
    ManifestScreenLicences => "经营许可证", "Licences";
    ManifestListFilter => "筛选：{filter}（{pos}/{of}）  共 {n} 张", "Filter: {filter} ({pos}/{of})  {n} manifests";
    ManifestListEmpty => "没有符合条件的联单", "No manifests match";
    ManifestColState => "状态", "State";
    ManifestColTonnes => "数量(吨)", "Tonnes";
    ManifestColAlert => "提醒", "Alert";
    ManifestEdition => "名录", "List";
    ManifestReceiptDue => "接收确认期限", "Confirm receipt by";
    ManifestBackfillDue => "补录期限", "Back-fill by";
    ManifestWarningsAcked => "已确认警告", "Warnings acknowledged";
    ManifestSectionLines => "危险废物（合计 {total} 吨）", "Waste (total {total} t)";
    ManifestSectionLegs => "运输", "Carriers";
    ManifestSectionDiscrepancies => "差异", "Discrepancies";
    ManifestSectionTimeline => "办理记录", "Timeline";
    ManifestSectionLine => "危险废物 第 {n} 行", "Waste line {n}";
    ManifestSectionLeg => "运输 第 {n} 段", "Carrier leg {n}";
    ManifestToldLine => "   告知移出人 {generator}，报告接受地部门 {bureau}", "   generator told {generator}, bureau told {bureau}";
    ManifestEventCreate => "创建", "Created";
    ManifestActionEdit => "修改", "Edit";
    ManifestActionFollowUp => "新建后续联单", "Follow-up manifest";
    ManifestFieldGeneratorUscc => "移出人信用代码", "Generator USCC";
    ManifestFormHint => "F4/Ctrl-O 查找代码  Ctrl-N 加废物行  Ctrl-T 加运输段  F2 保存", "F4/Ctrl-O find code  Ctrl-N add line  Ctrl-T add leg  F2 save";
    ManifestActionHint => "填写后按 F2 或 Ctrl-S 提交", "Fill in, then F2 or Ctrl-S";
    ManifestPickerTitle => "查找废物代码", "Find waste code";
    ManifestPickerPrompt => "代码/类别/名称：", "Code/category/text:";
    ManifestPickerNone => "没有匹配的代码", "No matching code";
    ManifestMsgSaved => "已保存联单 {number}", "Manifest {number} saved";
    ManifestMsgAckWarnings => "{warning}。确认无误请再提交一次", "{warning}. Submit again to confirm";
    ManifestTaskApprovalsExpiring => "跨省审批 30 天内到期", "Approvals ending within 30 days";
    ManifestHomeLine => "转移联单：草稿 {drafts}  待接收确认 {receipt}  差异 {discrepancy}  提醒 {alerts}（按 m 查看）", "Manifests: drafts {drafts}  awaiting receipt {receipt}  discrepancy {discrepancy}  alerts {alerts} (m to open)";
    ManifestSent => "移出", "sent";
    ManifestReceivedDir => "接收", "received";
    ManifestColNumber => "联单编号", "Number";
    ManifestColGeneratorUscc => "移出人信用代码", "Generator USCC";
    ManifestErrImportEmpty => "文件为空或没有表头：第一行应为列名，如 联单编号、移出人信用代码", "The file is empty or has no header: the first line names the columns, e.g. Manifest number, Generator USCC";
    ManifestErrImportColumn => "文件缺少“{column}”列", "The file has no \"{column}\" column";
    ManifestErrImportRow => "这一行无法读取（引号不配对或列数不对）", "This row cannot be read (unbalanced quotes or wrong number of cells)";
    ManifestErrImportNotDraft => "联单 {number} 已是“{state}”，导入不会修改已提交的联单", "Manifest {number} is already {state}: an import never changes a submitted manifest";
    HelpExportManifests => "导出转移联单（每个废物行一行）：CSV、XLSX 或 JSON，限本账户可见范围", "Export manifests (one row per waste line) as CSV, XLSX or JSON, within the account's scope";
    HelpImportManifests => "导入全国系统导出的转移联单（CSV 或 XLSX），按联单编号新建或更新草稿", "Import manifests exported by the national system (CSV or XLSX): create, or update drafts, by number";
    HelpImportManifestFile => "CSV 或 XLSX 文件（按内容识别，XLSX 读第一个工作表）", "CSV or XLSX file (recognised by content; XLSX: the first sheet)";
    HelpMfFrom => "转移日期自（含），YYYY-MM-DD", "Transfer date from (inclusive), YYYY-MM-DD";
    HelpMfTo => "转移日期至（含），YYYY-MM-DD", "Transfer date to (inclusive), YYYY-MM-DD";
    HelpMfState => "只导出该状态：draft、in_transit、awaiting_receipt、completed 等", "Only this state: draft, in_transit, awaiting_receipt, completed, ...";
    ManifestErrCliDate => "{flag} 的值 {value} 不是日期：请写成 YYYY-MM-DD", "{flag} {value} is not a date: use YYYY-MM-DD";
    ManifestErrCliRange => "--from {from} 晚于 --to {to}：请交换两个日期", "--from {from} is after --to {to}: swap the two dates";
    CliExportFormatMismatch => "--format {format} 与文件名 {path} 的扩展名不符：请去掉 --format 或把文件改名为 .{format}", "--format {format} does not match the file name {path}: drop --format or name the file .{format}";
    ManifestCliExported => "已导出 {n} 行转移联单到 {path}", "Exported {n} manifest rows to {path}";
    ManifestCliImported => "读取联单 {n} 张：新建 {created}，更新 {updated}，拒绝 {refused}", "Read {n} manifests: {created} created, {updated} updated, {refused} refused";
    ManifestCliImportIssue => "联单 {number}（文件第 {line} 行起）：{reason}", "Manifest {number} (from file line {line}): {reason}";
    ManifestCliImportNothing => "有联单未通过检查，未导入任何内容（用 --lenient 导入通过检查的联单）", "Some manifests failed the checks, nothing was imported (--lenient imports the ones that pass)";
    KeyMfRegister => "登记", "Register";
    ManifestScreenNewLicence => "登记经营许可证", "Register a licence";
    ManifestScreenNewApproval => "登记跨省转移审批", "Register an approval";
    ManifestFieldHolderUscc => "持证单位信用代码", "Holder USCC";
    ManifestFieldProvince => "所在省份代码", "Province code";
    ManifestFieldScope => "经营范围（类别/代码）", "Scope (categories/codes)";
    ManifestFieldModes => "经营方式（如 贮存,利用）", "Modes (e.g. store,utilize)";
    ManifestFieldCapacity => "年经营规模（吨）", "Annual capacity (t)";
    ManifestFieldApprovedQty => "批准数量（吨）", "Approved quantity (t)";
    ManifestMsgRegistered => "已登记 {number}", "{number} registered";
    ManifestColUsedApproved => "已用/批准(吨)", "Used/approved t";
    ManifestColProvince => "省份", "Prov";
    ManifestColScope => "经营范围", "Scope";

    // ---- 执法检查 and 双随机 (inspections)
    InspectionCatRandom => "日常-双随机", "Routine: random";
    InspectionCatPlanned => "日常-计划", "Routine: planned";
    InspectionCatComplaint => "个案-投诉举报", "Case: complaint";
    InspectionCatAssigned => "个案-交办督办", "Case: assigned";
    InspectionCatMonitoring => "个案-监测预警", "Case: monitoring alert";
    InspectionCatListTrigger => "个案-正面清单触发", "Case: positive-list trigger";
    InspectionCatRecheck => "复查", "Re-check";
    InspectionCatSpecial => "专项", "Special";
    InspectionModeOnsite => "现场", "On-site";
    InspectionModeOffsite => "非现场", "Off-site";
    InspectionStPlanned => "计划中", "Planned";
    InspectionStPending => "待检查", "Pending";
    InspectionStInProgress => "检查中", "In progress";
    InspectionStRecordPending => "待完善笔录", "Record to complete";
    InspectionStCompleted => "已完成", "Completed";
    InspectionStRectifying => "整改中", "Rectifying";
    InspectionStRecheck => "复查", "Re-check";
    InspectionStCaseProposed => "拟立案", "Case proposed";
    InspectionStCaseTransferred => "已移交立案", "Case transferred";
    InspectionStArchived => "已归档", "Archived";
    InspectionStCancelled => "已取消", "Cancelled";
    InspectionConNoIssue => "未发现问题", "No issue found";
    InspectionConFixedOnSpot => "当场整改", "Fixed on the spot";
    InspectionConOrder => "责令改正", "Order to rectify";
    InspectionConCase => "立案", "File a case";
    InspectionConTransfer => "移送", "Transfer to another authority";
    InspectionAnsPass => "符合", "Pass";
    InspectionAnsFail => "不符合", "Fail";
    InspectionAnsNa => "不适用", "N/A";
    InspectionSevMinor => "轻微", "Minor";
    InspectionSevGeneral => "一般", "General";
    InspectionSevSerious => "严重", "Serious";
    InspectionEvdPhoto => "照片", "Photo";
    InspectionEvdVideo => "视频", "Video";
    InspectionEvdAudio => "录音", "Audio";
    InspectionEvdRecord => "笔录", "Record";
    InspectionEvdInterview => "询问笔录", "Interview record";
    InspectionEvdDocument => "书证", "Document";
    InspectionEvdSample => "样品", "Sample";
    InspectionEvdMonitoring => "监测数据", "Monitoring data";
    InspectionRecDone => "已整改", "Rectified";
    InspectionRecPartial => "部分整改", "Partly rectified";
    InspectionRecNotDone => "未整改", "Not rectified";
    InspectionCaseFiled => "立案", "Filed";
    InspectionCaseInvestigating => "调查", "Investigating";
    InspectionCaseNotified => "告知", "Notified";
    InspectionCaseDecided => "决定", "Decided";
    InspectionCaseExecuting => "执行", "Executing";
    InspectionCaseClosed => "结案", "Closed";
    InspectionSigSigned => "已签字", "Signed";
    InspectionSigRefused => "拒签（见证人签字）", "Refused (witness signed)";
    InspectionEvSchedule => "排期", "Schedule";
    InspectionEvStart => "开始检查", "Start";
    InspectionEvEndVisit => "结束现场检查", "End visit";
    InspectionEvSign => "签署笔录", "Sign record";
    InspectionEvRecheck => "登记复查", "Record re-check";
    InspectionEvTransferCase => "移交立案", "Transfer case";
    InspectionEvArchive => "归档", "Archive";
    InspectionEvCancel => "取消", "Cancel";
    InspectionFieldConclusion => "检查结论", "Conclusion";
    InspectionFieldReason => "原因", "Reason";
    InspectionFieldRecheckResult => "复查结果", "Re-check result";
    InspectionFieldRecord => "现场检查笔录", "Inspection record";
    InspectionFieldSignature => "签字情况", "Signature";
    InspectionFieldWitness => "见证人", "Witness";
    InspectionErrRequired => "请填写：{field}", "Required: {field}";
    InspectionErrTransition => "当前状态为“{state}”，不能执行“{event}”", "Cannot {event} in state {state}";
    InspectionErrTwoOfficers => "执法人员不得少于两人（《行政处罚法》第四十二条）", "At least two officers are required (Administrative Penalty Law, art. 42)";
    InspectionErrSamePerson => "两名执法人员不能是同一人（《行政处罚法》第四十二条）", "The two officers must be different people (Administrative Penalty Law, art. 42)";
    InspectionErrSameCertificate => "执法证号重复：每名执法人员须出示本人执法证（《行政处罚法》第五十五条）", "Duplicate certificate number: each officer shows their own certificate (Administrative Penalty Law, art. 55)";
    InspectionErrCertificateExpired => "{name} 的执法证 {number} 在 {date} 无效，检查时须出示有效执法证（《行政处罚法》第五十五条）", "{name}'s certificate {number} is not valid on {date}: a valid certificate is shown at the check (Administrative Penalty Law, art. 55)";
    InspectionErrNoCertificate => "{name} 没有执法证，不具备执法资格（《行政处罚法》第四十二条）", "{name} holds no enforcement certificate and is not qualified to act as an officer (Administrative Penalty Law, art. 42)";
    InspectionErrAuxiliary => "{name} 是辅助人员或已停用，不能担任执法人员", "{name} is auxiliary staff or inactive and cannot act as an officer";
    InspectionErrRecusal => "{name} 与该企业有登记的利害关系，应当回避（《行政处罚法》第四十三条）：请另选执法人员，或由监管负责人作出回避决定并写明理由", "{name} has a recorded relation to this enterprise and must step aside (Administrative Penalty Law, art. 43): pick another officer, or a supervisor records a recusal decision with its reason";
    InspectionErrRecusalNotSupervisor => "只有监管负责人可以作出回避决定；请清空回避决定理由并另选执法人员", "Only a supervisor may record a recusal decision: clear the decision reason and pick another officer";
    InspectionErrCap => "本年度日常检查已达上限 {cap} 次（已 {done} 次，国办发〔2024〕54号）", "Annual cap of {cap} routine checks reached ({done} done; State Council 2024 No. 54)";
    InspectionErrReference => "个案、交办和专项检查须填写依据文号（投诉编号、交办文件等）", "Case-driven, assigned and special checks need their reference (complaint number, assignment document)";
    InspectionErrDeadline => "整改期限 {deadline} 必须晚于送达日期 {served}", "The deadline {deadline} must be after the served date {served}";
    InspectionErrLimitation => "违法行为发生于 {act}，至发现之日 {discovered} 已超过{years}年，不再给予行政处罚，不得立案（《行政处罚法》第三十六条，适用{years}年期限）", "The act of {act} was discovered on {discovered}, more than {years} years later: it is no longer penalised and no case may be filed (Administrative Penalty Law, art. 36, {years}-year period)";
    InspectionErrLimitationContinuing => "连续或继续的违法行为终了于 {act}，至发现之日 {discovered} 已超过{years}年，不再给予行政处罚，不得立案（《行政处罚法》第三十六条，适用{years}年期限，自行为终了之日起算）", "The continuing act ended on {act} and was discovered on {discovered}, more than {years} years later: no case may be filed (Administrative Penalty Law, art. 36, {years}-year period from the end of the act)";
    InspectionErrActMissing => "请先在检查记录中填写违法行为日期（连续或继续的填终了之日）：立案前须按《行政处罚法》第三十六条核对时效", "Fill in the date of the act (for a continuing act, the day it ended) on the inspection first: the limitation of Administrative Penalty Law art. 36 is checked before a case is filed";
    InspectionErrDiscoveredBeforeAct => "发现日期 {discovered} 早于违法行为日期 {act}：请检查两个日期", "The discovery date {discovered} is before the act's date {act}: check both dates";
    InspectionErrApprovedBeforeDiscovery => "立案日期不能早于发现日期", "The approval date cannot be before the discovery date";
    InspectionErrUnanswered => "检查清单还有 {n} 项未作答（共 {total} 项）：每项须选 符合 / 不符合 / 不适用 后才能签署", "{n} of {total} checklist items are unanswered: answer each pass / fail / n.a. before signing";
    InspectionErrNoIssueContradicts => "结论“未发现问题”与记录不符：{failed} 项不符合、{findings} 条问题。请选择其他结论", "The conclusion \"no issue found\" contradicts the record: {failed} failed items, {findings} findings. Choose another conclusion";
    InspectionErrConclusionNeedsFinding => "结论“{conclusion}”须有至少一条问题记录：请先记录问题，或选择“未发现问题”", "The conclusion \"{conclusion}\" needs at least one finding: record it first, or conclude \"no issue found\"";
    InspectionErrNobodyPresent => "请记录企业在场人员；企业拒绝签字的，选择“拒签”并填写见证人", "Record the enterprise's people present; if the enterprise refuses to sign, choose refused and name the witness";
    InspectionConfirmSign => "签署后将锁定：检查项 {answered} 项、问题 {findings} 条、证据 {evidence} 件、在场人员 {present} 人及笔录；结论：{conclusion}。此后只能以更正方式补充", "Signing locks {answered} checklist answers, {findings} findings, {evidence} evidence items, {present} people present and the record; conclusion: {conclusion}. Afterwards only corrections can be added";
    InspectionGuardTrigger => "触发事件：{kind} {reference}（{date}）", "Trigger: {kind} {reference} ({date})";
    InspectionGuardPlan => "专项计划：{name} {doc}（{by} 批准）", "Special plan: {name} {doc} (approved by {by})";
    InspectionErrGuardNotOwn => "所选依据不是该企业（或其类别）已登记的触发事件或专项计划：请从列出的依据中选择", "The chosen basis is not a trigger or special plan recorded for this enterprise (or its class): pick one of those listed";
    InspectionErrGuardTriggerNeeded => "正面清单企业现场检查须选择该企业已登记的触发事件，或改为非现场检查", "A listed enterprise is checked on site only on a trigger recorded for it: pick one, or check off-site";
    InspectionErrGuardPlanNeeded => "正面清单企业专项现场检查须选择负责人批准、指明该企业或其类别的专项计划", "A special on-site check of a listed enterprise needs an approved special plan naming it or its class";
    InspectionFieldGuard => "检查依据（已登记）", "Recorded basis";
    InspectionGuardNone => "（无已登记的依据）", "(no recorded basis)";
    InspectionFieldPlanName => "专项计划名称", "Special plan name";
    InspectionErrPlanTarget => "专项计划须指明企业（统一社会信用代码）或企业类别（key 重点 / general 一般 / all 全部）", "A special plan names an enterprise (USCC) or a class (key / general / all)";
    InspectionScreenSpecialPlan => "新建专项计划（负责人批准）", "New special plan (supervisor approval)";
    InspectionMsgSpecialPlan => "专项计划“{name}”已批准", "Special plan \"{name}\" approved";
    InspectionActAct => "填写违法行为日期", "Record the act's date";
    InspectionFieldActOn => "违法行为日期", "Act date";
    InspectionFieldActContinuing => "连续或继续", "Continuing act";
    InspectionFieldFiveYear => "适用五年时效", "5-year case";
    InspectionFieldAct => "违法行为", "Act";
    InspectionActLine => "{date}{continuing}，时效 {years} 年（第三十六条）", "{date}{continuing}, limitation {years} years (art. 36)";
    InspectionActContinuingMark => "（终了）", " (ended)";
    InspectionActMissingMark => "待补录（本版本之前的记录）：移交立案前须填写", "To be filled in (recorded before this version): required before transfer to a case";
    InspectionErrActFuture => "违法行为日期 {date} 在今天之后：请检查日期", "The act's date {date} is after today: check the date";
    InspectionMsgAct => "已记录违法行为日期", "The act's date is recorded";
    InspectionFieldRecusalDecision => "回避决定理由", "Recusal decision";
    InspectionRecusalLine => "{officer}：{by} 于 {at} 决定不回避，理由：{reason}", "{officer}: {by} decided on {at} they need not step aside: {reason}";
    InspectionErrReportReason => "已提交 {n} 版整改报告：新版本须写明修改原因，原版本保留", "{n} version(s) already submitted: a new version needs its reason; earlier versions are kept";
    InspectionFieldReportReason => "新版本原因", "New version reason";
    InspectionFieldOrderAnswered => "答复的通知", "Order answered";
    InspectionOrderLine => "{doc}（期限 {deadline}）{requirements}", "{doc} (deadline {deadline}) {requirements}";
    InspectionReportVersionLine => "第 {v} 版 {at} {by}{late}{reason}", "v{v} {at} {by}{late}{reason}";
    InspectionDaysLate => "，逾期 {n} 天", ", {n} days late";
    InspectionFieldEvidenceFinding => "支持问题 #", "Finding no. (#)";
    InspectionErrFindingNumber => "本检查没有编号为 #{no} 的问题：请填写问题列表中的编号", "This inspection has no finding #{no}: use a number from its findings";
    InspectionErrFindingNumberText => "问题编号须为数字（如 1 表示 #1）", "A finding number is a number (1 for #1)";
    InspectionSectionBasis => "依据与回避", "Basis and recusal";
    InspectionErrLocked => "笔录已签署，问题和证据已锁定：只能以更正方式新增，并注明被更正项和原因", "The record is signed: findings and evidence are locked; add a correction naming the item and a reason";
    InspectionErrCorrectionReason => "更正须填写原因", "A correction needs a reason";
    ActInspectRead => "查看执法检查", "View inspections";
    ActInspectPlan => "新建执法检查", "Plan inspections";
    ActInspectRecord => "记录执法检查", "Record inspections";
    ActInspectApprove => "审批执法检查", "Approve inspections";
    ActRectifyReport => "提交整改报告", "Submit rectification reports";
    ActDrawManage => "双随机抽取", "Run random draws";
    ActDrawRead => "查看双随机抽取", "View random draws";
    SettingInspectCap => "日常检查年度上限（每企业）", "Routine checks per enterprise per year";
    SettingInspectCapBlue => "日常检查年度上限（信用蓝色企业）", "Routine checks per year, credit blue";
    SettingInspectListedOffsite => "抽中正面清单企业：1 转为非现场，0 排除", "Listed enterprise drawn: 1 switch to off-site, 0 exclude";
    InspectionErrNotOfficer => "只有本次检查的执法人员或监管负责人可以记录", "Only the officers of this inspection or a supervisor may record it";
    InspectionErrChecklistItem => "检查事项 {item} 不在已公布的检查清单中", "Item {item} is not in the published checklist";
    InspectionFieldRepresentative => "企业在场人员", "Enterprise representative";
    InspectionFieldFinding => "问题描述", "Finding";
    InspectionFieldSeverity => "严重程度", "Severity";
    InspectionFieldEvidencePath => "证据文件路径", "Evidence file path";
    InspectionErrEvidenceFile => "无法读取证据文件 {path}：{detail}。请检查路径", "Cannot read evidence file {path}: {detail}. Check the path";
    InspectionActOrder => "下达整改通知", "Order rectification";
    InspectionErrOrderExists => "该检查已下达整改通知", "This inspection already has a rectification order";
    InspectionFieldDocNumber => "文书编号", "Document number";
    InspectionFieldRequirements => "整改要求", "Requirements";
    InspectionErrRecheckDone => "已登记复查结果，不能再提交整改报告", "The re-check is recorded: the report can no longer be submitted";
    InspectionFieldReport => "整改报告", "Rectification report";
    InspectionErrNoOrder => "尚未下达整改通知，不能登记复查", "No rectification order yet: record the order before the re-check";
    InspectionFieldCaseNumber => "案件编号", "Case number";
    InspectionFieldHandler => "承办人", "Handler";
    InspectionErrPenalty => "罚款金额不能为负数", "The penalty amount cannot be negative";
    DrawErrSeed => "无法从操作系统取得随机种子：{detail}", "Cannot get a random seed from the operating system: {detail}";
    DrawErrStoredSeed => "抽取记录中的种子已损坏", "The stored seed of this draw is damaged";
    DrawFieldName => "抽取计划名称", "Plan name";
    DrawErrClass => "企业类别须为 all（全部）、key（重点）或 general（一般）", "Class must be all, key or general";
    DrawErrSize => "请填写抽取比例（1-100%）或抽取数量", "Give a ratio (1-100%) or a count to draw";
    DrawErrRegion => "未知的区域代码 {region}", "Unknown region code {region}";
    HelpDraw => "双随机抽取：列出、复核、导出公示", "Random draws: list, verify, export for publication";
    HelpDrawList => "列出本账号可见的抽取记录及其编号", "List the draws this account may see, with their ids";
    HelpDrawVerify => "按存储的种子和候选清单重新计算一次抽取；不一致时以非零状态退出", "Recompute a draw from its stored seed and candidate list; exits non-zero on any mismatch";
    HelpDrawId => "抽取编号（见 draw list）", "Draw id (see draw list)";
    HelpDrawVerifyAs => "以该账号复核（可省略：持有数据库文件即可复核）", "Verify as this account (optional: anyone with the database file may verify)";
    HelpDrawExport => "导出抽取结果供公示（CSV、XLSX 或 JSON，按文件扩展名）", "Export a draw and its results for publication (CSV, XLSX or JSON by file extension)";
    HelpDrawOut => "输出文件；省略时以 CSV 输出到标准输出", "Output file; CSV to standard output when omitted";
    DrawColId => "编号", "Id";
    DrawColPlan => "抽取计划", "Plan";
    DrawColAt => "抽取时间", "Drawn at";
    DrawColCandidates => "候选数", "Candidates";
    DrawColDrawn => "抽中数", "Drawn";
    DrawColHash => "候选清单 SHA-256", "Candidate list SHA-256";
    DrawColOperator => "操作人", "Operator";
    DrawColDraw => "抽取", "Draw";
    DrawColRank => "抽中顺序", "Rank";
    DrawColMode => "检查方式", "Mode";
    DrawColOfficers => "执法人员", "Officers";
    DrawColInspection => "检查编号", "Inspection";
    DrawColState => "检查状态", "Inspection state";
    DrawColSeed => "随机种子", "Seed";
    DrawSheetName => "双随机抽取结果", "Random draw";
    DrawOk => "一致", "match";
    DrawMismatch => "不一致", "MISMATCH";
    DrawVerifyReport => "抽取 {id}：候选数 {count}，候选清单哈希 {hash}，抽取结果 {results}，与审计的创建记录 {audit}", "Draw {id}: candidate count {count}, candidate hash {hash}, results {results}, against its audited creation {audit}";
    DrawVerified => "复核通过：按存储的种子可重现同一结果", "Verified: the stored seed reproduces the same result";
    DrawVerifyFailed => "复核失败：抽取记录被改动（第 {rank} 位起不一致）", "Verification failed: the draw was altered (differs from rank {rank})";
    DrawExported => "已导出 {n} 行", "Exported {n} rows";
    KeyInspect => "执法检查", "Inspections";
    KeyInspectNew => "新建检查", "New inspection";
    KeyInspectReport => "提交整改报告", "Submit report";
    KeyDraws => "双随机抽取", "Random draws";
    KeyDrawNew => "新建抽取", "New draw";
    KeyDrawVerify => "复核", "Verify";
    KeyDrawExport => "导出公示", "Export";
    InspectionTabMine => "我的检查", "Mine";
    InspectionTabOverdue => "逾期复查", "Overdue re-checks";
    InspectionColNumber => "检查编号", "Number";
    InspectionColState => "状态", "State";
    InspectionFieldCategory => "检查类别", "Category";
    InspectionFieldMode => "检查方式", "Mode";
    InspectionFieldReference => "依据文号", "Reference";
    InspectionFieldPlace => "检查地点", "Place";
    InspectionFieldDate => "检查日期", "Date";
    InspectionFieldOfficers => "执法人员", "Officers";
    InspectionFieldItem => "检查事项", "Item";
    InspectionFieldAnswer => "检查结果", "Answer";
    InspectionFieldNote => "说明", "Note";
    InspectionFieldProvision => "涉嫌违反条款", "Provision";
    InspectionFieldCorrects => "更正的编号", "Corrects no.";
    InspectionFieldEvidenceKind => "证据类型", "Evidence kind";
    InspectionFieldPosition => "职务", "Position";
    InspectionFieldServedOn => "送达日期", "Served on";
    InspectionFieldDeadline => "整改期限", "Deadline";
    InspectionFieldDiscovered => "发现日期", "Discovered on";
    InspectionFieldApproved => "立案日期", "Approved on";
    InspectionFieldRecheckOn => "复查日期", "Re-checked on";
    InspectionActAnswer => "检查事项", "Checklist";
    InspectionActFinding => "记录问题", "Finding";
    InspectionActEvidence => "登记证据", "Evidence";
    InspectionActRepresentative => "在场人员", "Present";
    InspectionSectionChecklist => "检查清单", "Checklist";
    InspectionSectionFindings => "发现问题", "Findings";
    InspectionSectionEvidence => "证据", "Evidence";
    InspectionSectionOrder => "责令改正", "Rectification order";
    InspectionSectionTimeline => "办理过程", "Timeline";
    InspectionListEmpty => "没有符合条件的检查", "No inspections here";
    InspectionNoEligible => "没有符合条件的执法人员", "No eligible officers";
    InspectionHintMulti => "左右键移动，空格键选择", "Left/Right to move, Space to tick";
    InspectionReported => "已提交报告", "Report submitted";
    InspectionAwaitingReport => "待提交整改报告", "Report awaited";
    InspectionScreenList => "执法检查", "Inspections";
    InspectionScreenNew => "新建执法检查", "New inspection";
    InspectionScreenRects => "我的整改通知", "My rectification orders";
    InspectionErrDate => "{field}格式应为 YYYY-MM-DD", "{field} must be a date YYYY-MM-DD";
    InspectionErrCorrects => "更正的编号应为数字（见详情中的 # 编号）", "Corrects no. must be a number (the # in the detail)";
    InspectionErrExport => "导出失败：{detail}", "Export failed: {detail}";
    InspectionMsgPlanned => "已新建检查 {number}", "Inspection {number} planned";
    InspectionMsgState => "检查 {number} 现为“{state}”", "Inspection {number} is now {state}";
    InspectionMsgFinding => "已记录问题 #{id}", "Finding #{id} recorded";
    InspectionMsgEvidence => "已登记证据 #{id}，SHA-256 {sha}..", "Evidence #{id} recorded, SHA-256 {sha}..";
    InspectionMsgOrdered => "已下达整改通知，复查 {number} 安排在 {date}", "Order issued; re-check {number} scheduled on {date}";
    InspectionMsgReported => "已提交 {doc} 的整改报告", "Report on {doc} submitted";
    DrawScreen => "双随机抽取", "Random draws";
    DrawScreenPlan => "新建抽取计划并抽取", "New plan and draw";
    DrawFieldClass => "企业类别", "Class";
    DrawFieldRatio => "抽取比例（%）", "Ratio (%)";
    DrawFieldCount => "抽取数量", "Count";
    DrawFieldListed => "正面清单企业", "Listed enterprises";
    DrawClassAll => "全部", "All";
    DrawClassKey => "重点排污单位", "Key dischargers";
    DrawClassGeneral => "一般企业", "Others";
    DrawListedOffsite => "转为非现场检查", "Switch to off-site";
    DrawListedExclude => "排除", "Exclude";
    DrawExcluded => "抽取前排除：", "Excluded before the draw:";
    DrawExClosed => "已注销/停产", "closed";
    DrawExCap => "已达年度上限", "cap reached";
    DrawExListed => "正面清单", "listed";
    DrawExOpen => "有未办结检查", "open inspection";
    DrawExDrawn => "本季度已抽中", "drawn this quarter";
    DrawErrCountAbove => "抽取数量 {count} 超过候选企业数 {n}（已排除 {excluded} 家）：确认后将抽中全部 {n} 家", "The count {count} is above the {n} candidates ({excluded} excluded): confirming draws all {n}";
    DrawConfirm => "抽取“{plan}”：候选 {n} 家（已排除 {excluded} 家），将抽中 {k} 家，计划日期 {date}。抽取一经执行即永久记录，不可撤销", "Draw \"{plan}\": {n} candidates ({excluded} excluded), {k} to draw, planned for {date}. A draw is recorded permanently and cannot be undone";
    DrawErrNothingFinished => "抽取 {id} 的检查尚未办结，结果暂不公示；计划和数量可按 e 导出", "No inspection of draw {id} is finished: results are published once they are (the plan and counts: e)";
    DrawPairProblem => "第 {rank} 位 {uscc}：{problem}", "rank {rank} {uscc}: {problem}";
    DrawPairNotInPool => "执法人员 {name} 不在抽取计划的执法人员库中", "officer {name} is not in the plan's officer pool";
    DrawPairRelated => "执法人员 {name} 与该企业有登记的利害关系", "officer {name} has a recorded relation to the enterprise";
    DrawPairSame => "两名执法人员是同一人", "the two officers are the same person";
    DrawVerifyPairs => "执法人员配对：{result}", "Officer pairs: {result}";
    DrawMsgDone => "抽取 {id} 完成：从 {total} 家中抽中 {n} 家", "Draw {id} done: {n} of {total} drawn";
    DrawMsgExported => "已导出 {n} 行到 {path}", "Exported {n} rows to {path}";
    InspectionHomeMine => "我的待检查", "My pending checks";
    InspectionMsgOffer => "服务记录中发现问题：可在此新建执法检查（须两名持证执法人员），Esc 跳过", "Problems were recorded: plan an inspection here (two certified officers needed), or Esc to skip";
    KeyInspCategory => "按类别筛选", "Filter by category";
    KeyInspRegion => "按区域筛选", "Filter by region";
    InspectionFilterLine => "筛选：{category} / {region}", "Filter: {category} / {region}";
    InspectionHistPlan => "新建", "Planned";
    InspectionHistDraw => "双随机抽中", "Drawn";
    InspectionActCaseStatus => "案件状态", "Case status";
    InspectionFieldCaseStatus => "案件状态", "Case status";
    InspectionFieldPenaltyKind => "处罚种类", "Penalty kind";
    InspectionFieldPenalty => "罚款金额（元）", "Fine (yuan)";
    InspectionErrPenaltyFormat => "罚款金额应为元，最多两位小数，例如 50000 或 12500.50", "The fine is in yuan with at most two decimals, e.g. 50000 or 12500.50";
    InspectionMsgCase => "案件 {number} 现为“{status}”", "Case {number} is now {status}";
    DrawListedPolicy => "按系统参数", "As the policy setting";
    // ---- manifests gaps (mf)
    ManifestActionExtendStock => "延期贮存", "Extend storage";
    ManifestSectionExtensions => "延期贮存批准", "Approved storage extensions";
    ManifestExtensionLine => "{number} 延期至 {until}，批准：{by}", "{number}: extended to {until}, approved by {by}";
    ManifestMsgExtended => "联单 {number} 延期贮存至 {until}", "Manifest {number}: storage extended to {until}";
    ManifestErrExtendState => "只有“已接收”（在库贮存）的联单可以登记延期贮存，这张联单是“{state}”", "Only a received manifest (waste in storage) can get a storage extension; this one is {state}";
    ManifestErrExtendPast => "延期至 {day} 不晚于今天 {today}：请填写批准的新期限", "Extended to {day} is not after today ({today}): enter the approved new date";
    ManifestErrExtendEarlier => "延期至 {day} 不晚于当前贮存期限 {previous}：新的延期应更晚", "Extended to {day} is not after the current storage limit {previous}: an extension must end later";
    ManifestErrExtendTooFar => "延期至 {day} 超过政策上限：一次最多在当前期限 {limit} 后延长 {months} 个月（至 {max}）", "Extended to {day} is beyond the policy maximum: at most {months} months past the current limit {limit} (until {max})";
    ManifestFieldExtendNumber => "延期批准文号", "Extension approval number";
    ManifestFieldExtendTo => "延期至", "Extended to";
    ManifestFieldExtendBy => "批准单位/人", "Approved by";
    ManifestErrLicenceCapacity => "超出许可证 {number} 的年经营规模 {capacity} 吨：{year} 年已接收 {used} 吨，本次 {this} 吨。请拒收或由其他持证单位接收", "Over the annual capacity of licence {number} ({capacity} t): {used} t already received in {year}, {this} t now. Reject it or send it to another licensed receiver";
    ManifestDiffNone => "一致", "No difference";
    ManifestErrDiffLine => "差异登记的第 {n} 行不在这张联单上（共 {lines} 行）", "The discrepancy names line {n}, but this manifest has {lines} lines";
    ManifestFieldOrigin => "联单来源", "Manifest source";
    ManifestErrImportXlsx => "无法读取这个 XLSX 工作簿（文件损坏或不是 Excel 工作簿）：请另存为 .xlsx 或 CSV 后重试", "This XLSX workbook cannot be read (damaged, or not an Excel workbook): save it again as .xlsx or CSV and retry";
    // inspections: officer filter, results publication, officer pool (issue 6 gaps)
    KeyInspOfficer => "按执法人员筛选", "Filter by officer";
    InspectionOfficerAny => "全部执法人员", "All officers";
    InspectionFilterOfficer => "执法人员：{officer}", "Officer: {officer}";
    DrawColFindings => "发现问题数", "Findings";
    DrawColOrder => "责令改正文书", "Rectification order";
    DrawColRecheck => "复查结果", "Re-check result";
    DrawColCase => "立案编号", "Case number";
    DrawResultsSheet => "双随机检查结果", "Random inspection results";
    DrawPublished => "已公示 {n} 家企业的检查结果（{open} 家尚未办结），已记入审计", "Published the results of {n} enterprises ({open} not finished yet), recorded in the audit";
    DrawMsgPublished => "已公示 {n} 家已办结检查的结果（{open} 家未办结，暂不公示；已记入审计）：{path}", "Published the results of {n} finished inspections ({open} still open, not published; audited): {path}";
    KeyDrawPublish => "公示结果", "Publish";
    KeyDrawFormat => "切换导出格式", "Switch export format";
    DrawFormatLine => "导出格式：{format}（x 切换）", "Export format: {format} (x switches)";
    DrawFieldOfficers => "参与执法人员", "Officer pool";
    AuditActPublishResults => "公示检查结果", "publish results";
    AuditEntDraw => "双随机抽取", "random draw";
    AuditEntDrawPlan => "抽取计划", "draw plan";
    HelpDrawPublish => "公示抽中企业的检查结果（状态、结论、问题数、整改、立案），记入审计", "Publish the drawn inspections' results (state, conclusion, findings, order, case), audited";
    DrawPoolHint => "参与执法人员：空格勾选，至少两名；不勾选即由全部符合条件的执法人员参与配对", "Officer pool: Space ticks (at least two); none ticked pairs every eligible officer";
    DrawErrPoolSmall => "参与执法人员须至少两名（每家企业两名持证人员）", "Tick at least two officers in Officer pool (two per enterprise)";
    DrawErrPoolOfficer => "{name} 不是有效持证执法人员，不能参与配对", "{name} is not a certified active officer and cannot be paired";
    // ---- issue 20: 帮扶 and 正面清单 fixes
    VisibilityPublic => "对企业公开", "Shown to the enterprise";
    VisibilityInternal => "内部", "Internal";
    AssistanceFieldVisibility => "公开范围", "Visibility";
    AssistanceInternalMark => "[内部]", "[internal]";
    AssistanceFieldRateReason => "不满意的原因", "Why not satisfied";
    ErrAssistDissatisfiedReason => "评价为不满意时，请填写不满意的原因", "A dissatisfied rating needs the reason: fill in Why not satisfied";
    ErrAssistClosedEnterprise => "{name} 已注销，不能提出帮扶请求", "{name} is deregistered (注销): no assistance request can be filed for it";
    WarnAssistSuspendedEnterprise => "{name} 处于停产状态，仍为其登记帮扶请求？", "{name} is suspended (停产): file the request anyway?";
    ButtonSubmit => "确认提交", "Submit";
    MeetingFieldKind => "参会类型", "Kind";
    MeetingKindEnterprise => "企业参会人", "Enterprise person";
    MeetingKindGuest => "局内/专家", "Bureau/expert";
    ErrMeetingParticipantEnterprise => "请选定参会企业（输入名称、拼音首字母或信用代码，用左右键选定），或将参会类型改为“局内/专家”", "Pick the enterprise (type a name, pinyin initials or USCC, choose with Left/Right), or set Kind to Bureau/expert";
    ErrMeetingGuestEnterprise => "局内/专家不属于企业：请清空企业，或将参会类型改为“企业参会人”", "A bureau person or expert has no enterprise: clear it, or set Kind to Enterprise person";
    ErrMeetingDuplicateParticipant => "{person} 已在本次座谈的参会名单中", "{person} is already a participant of this meeting";
    ErrMeetingOtherRegion => "{number} 属于{region}，不能关联到{meeting}的座谈", "{number} belongs to {region}: it cannot be linked to a meeting of {meeting}";
    ErrMeetingLinkNotParticipant => "{number} 的企业未参加本次座谈：请先将其添加为参会人", "The enterprise of {number} did not take part: add it as a participant first";
    ErrMeetingLinkedElsewhere => "{number} 已是 {date}“{topic}”座谈登记的问题，不能重复关联", "{number} is already a problem of the meeting of {date} ({topic}) and cannot be linked again";
    PositiveListEvNoSource => "待核实：本系统没有该项数据，请向{source}核实", "To verify: this system holds no data on it; check with {source}";
    PositiveListEvNoPenalties => "近 {years} 年本系统无立案处罚记录（来源：{source}）", "No case or penalty in the last {years} years in this system (source: {source})";
    PositiveListEvNoIncidents => "近 {years} 年本系统无环境事件记录（来源：{source}）", "No incident in the last {years} years in this system (source: {source})";
    PositiveListSourceCases => "执法检查移交立案记录", "inspections transferred to a case";
    PositiveListSourceIncidents => "正面清单突发事件触发记录", "positive-list emergency triggers";
    PositiveListSourceMonitoring => "自动监控平台", "the automatic monitoring platform";
    PositiveListSourcePermit => "排污许可证管理信息平台", "the national discharge permit platform";
    PositiveListSourceCredit => "山东省环境信用评价结果", "the Shandong environmental credit ratings";
    PositiveListSourceGrade => "重污染天气绩效分级结果", "the heavy-pollution-weather performance grading";
    PositiveListCauseWithdrawn => "企业撤回申请", "Application withdrawn";
    PositiveListEventLateObjection => "逾期异议（公示期满后受理）", "Late objection (after the notice)";
    PositiveListEventWithdraw => "企业撤回申请", "Application withdrawn";
    PositiveListFieldApplyNote => "申请说明", "Application note";
    PositiveListFieldApplyContact => "联系人及电话", "Contact and phone";
    PositiveListFieldWithdrawReason => "撤回原因（可不填）", "Reason (optional)";
    PositiveListScreenApply => "申请纳入正面清单", "Apply for the positive list";
    PositiveListScreenWithdraw => "撤回正面清单申请", "Withdraw the application";
    PositiveListConfirmApply => "提交正面清单申请？候选期间可以撤回", "Submit the application? It can be withdrawn while a candidate";
    PositiveListConfirmWithdraw => "撤回本次正面清单申请？", "Withdraw this positive-list application?";
    PositiveListLateObjectionHint => "公示已于 {date} 期满，将记为逾期异议", "Notice ended {date}: recorded as a late objection";
    PositiveListFieldApplication => "企业申请", "Application";
    ErrPlWithdrawState => "只有企业自己提交、尚处于候选的申请可以撤回（当前：{state}）", "Only the enterprise's own application can be withdrawn, while a candidate (now: {state})";
    MsgPlWithdrawn => "已撤回 {batch} 的正面清单申请", "Application to {batch} withdrawn";
    KeyPlWithdraw => "撤回申请", "Withdraw";
    TaskPlNoticesOver => "公示期满待纳入", "Notices over, awaiting decision";
    // Shared widgets: tables, find, detail pane (issue 16a)
    FindLabel => "查找:", "Find:";
    FindNoMatch => "没有与“{query}”相符的记录（Esc 清除查找）", "Nothing matches \"{query}\" (Esc clears the find)";
    FindHintEnterprise => "企业名称、拼音首字母、编号或信用代码", "name, pinyin initials, number or USCC";
    FindHintName => "名称、拼音首字母或编号", "name, pinyin initials or number";
    DetailMoreBelow => "-- 下面还有 {n} 行（PgDn 翻页）--", "-- {n} more lines below (PgDn) --";
    KeyFullText => "整行全文", "Full row";
    FullTextTitle => "整行全文", "Full row text";
}

/// A string from the table with its parameters, rendered in either language when shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    pub key: T,
    pub args: Vec<(&'static str, Arg)>,
}

/// A parameter value: literal text, or another key rendered in the same language (field labels, enums).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    Str(String),
    Key(T),
    Text(Box<Text>),
}

impl Text {
    pub fn new(key: T) -> Text {
        Text {
            key,
            args: Vec::new(),
        }
    }

    /// Adds a `{name}` parameter.
    pub fn arg(mut self, name: &'static str, value: impl fmt::Display) -> Text {
        self.args.push((name, Arg::Str(value.to_string())));
        self
    }

    /// Adds a `{name}` parameter that is itself a text with parameters, rendered in the same language.
    pub fn arg_text(mut self, name: &'static str, text: Text) -> Text {
        self.args.push((name, Arg::Text(Box::new(text))));
        self
    }

    /// Adds a `{name}` parameter that is itself a table key, rendered in the language of the whole text.
    pub fn arg_key(mut self, name: &'static str, key: T) -> Text {
        self.args.push((name, Arg::Key(key)));
        self
    }

    pub fn render(&self, lang: Lang) -> String {
        let args: Vec<(&'static str, String)> = self
            .args
            .iter()
            .map(|(n, a)| match a {
                Arg::Str(s) => (*n, s.clone()),
                Arg::Key(k) => (*n, k.get(lang).to_string()),
                Arg::Text(t) => (*n, t.render(lang)),
            })
            .collect();
        fill(self.key.get(lang), &args)
    }

    /// Both languages, Chinese first, for messages read by people of either (CLI errors, import reports).
    pub fn bilingual(&self) -> String {
        format!("{} / {}", self.render(Lang::Zh), self.render(Lang::En))
    }
}

impl From<T> for Text {
    fn from(key: T) -> Text {
        Text::new(key)
    }
}

/// Replaces `{name}` placeholders with their values; unknown placeholders stay visible.
pub fn fill(template: &str, args: &[(&'static str, String)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every placeholder in one language appears in the other, so no parameter is lost in translation.
    #[test]
    fn placeholders_match_between_languages() {
        for key in T::ALL {
            let names = |s: &str| {
                let mut v: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                    .collect();
                v.sort();
                v
            };
            assert_eq!(
                names(key.get(Lang::Zh)),
                names(key.get(Lang::En)),
                "{key:?}"
            );
        }
    }

    /// Every key is used in src/, as `T::Key` or as the label of a `code_enum!` row (`Variant => "code",
    /// Key;`), so the table carries no text that nobody is ever shown.
    #[test]
    fn every_key_is_used_in_the_sources() {
        fn read_sources(dir: &std::path::Path, out: &mut String) {
            let mut entries: Vec<_> = std::fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            entries.sort();
            for path in entries {
                if path.is_dir() {
                    read_sources(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.ends_with("src/i18n.rs")
                {
                    out.push_str(&std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        let mut text = String::new();
        read_sources(
            std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
            &mut text,
        );
        let used = |pattern: &str| {
            text.match_indices(pattern).any(|(i, _)| {
                !text[i + pattern.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
            })
        };
        let unused: Vec<String> = T::ALL
            .iter()
            .map(|key| format!("{key:?}"))
            .filter(|name| !used(&format!("T::{name}")) && !used(&format!(", {name};")))
            .collect();
        assert!(unused.is_empty(), "keys not used in src/: {unused:?}");
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        let t = Text::new(T::ErrUsccCheck).arg("expected", 'X');
        assert_eq!(t.render(Lang::Zh), "校验码不符，应为 X");
        assert_eq!(t.render(Lang::En), "Check character is wrong: expected X");
        assert_eq!(
            t.bilingual(),
            "校验码不符，应为 X / Check character is wrong: expected X"
        );
    }

    #[test]
    fn lang_parses_locale_names() {
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("C"), None);
    }
}
