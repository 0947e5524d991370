//! 对企业公开 or 内部: whether a note or history entry may reach the enterprise it is about. Enterprise
//! accounts never receive internal entries, from any screen, export or dossier (the service filters).

use crate::domain::codes::code_enum;

code_enum!(
    /// Who may read a note or history entry.
    Visibility {
        Public => "public", VisibilityPublic;
        Internal => "internal", VisibilityInternal;
    }
);

impl Visibility {
    pub fn is_internal(self) -> bool {
        self == Visibility::Internal
    }

    /// A stored code as read (an unknown code is taken as internal: when in doubt, keep it in).
    pub fn of_code(code: &str) -> Visibility {
        Visibility::parse(code).unwrap_or(Visibility::Internal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_code_stays_internal() {
        assert_eq!(Visibility::of_code("public"), Visibility::Public);
        assert_eq!(Visibility::of_code("internal"), Visibility::Internal);
        assert_eq!(Visibility::of_code("?"), Visibility::Internal);
        assert!(Visibility::Internal.is_internal());
    }
}
