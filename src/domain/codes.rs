//! Enumerations stored as stable codes and shown in the chosen language.

/// Declares an enum whose variants each have a stable stored code and a label key. `parse` accepts the
/// code, or the label in either language (what people type in spreadsheets).
macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal, $label:ident;)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($variant,)* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)* }
            }

            pub fn label(self) -> $crate::i18n::T {
                match self { $($name::$variant => $crate::i18n::T::$label,)* }
            }

            /// (stored code, label in `lang`) of every value, in declaration order: what pickers offer.
            pub fn options(lang: $crate::i18n::Lang) -> Vec<(String, String)> {
                $name::ALL.iter().map(|v| (v.code().to_string(), v.label().get(lang).to_string())).collect()
            }

            pub fn parse(s: &str) -> Option<$name> {
                let s = s.trim();
                $name::ALL.iter().copied().find(|v| {
                    v.code().eq_ignore_ascii_case(s)
                        || v.label().get($crate::i18n::Lang::Zh) == s
                        || v.label().get($crate::i18n::Lang::En).eq_ignore_ascii_case(s)
                })
            }
        }
    };
}

pub(crate) use code_enum;
