//! The languages Alongside speaks.

use serde::{Deserialize, Serialize};
use specta::Type;

/// A language of the window, the command line and the reports.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Type,
)]
pub enum Language {
    /// English (United Kingdom): the source of every message.
    #[default]
    #[serde(rename = "en-GB")]
    EnGb,
    /// Cymraeg (Welsh).
    #[serde(rename = "cy")]
    Cy,
}

impl Language {
    /// Every language, in the order offered.
    pub const ALL: [Language; 2] = [Language::EnGb, Language::Cy];

    /// The BCP 47 tag (`en-GB`, `cy`): the catalogue's folder and the documents' `lang`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::EnGb => "en-GB",
            Language::Cy => "cy",
        }
    }

    /// The language's name in itself, as offered in Settings ("English", "Cymraeg").
    pub fn own_name(self) -> &'static str {
        match self {
            Language::EnGb => "English",
            Language::Cy => "Cymraeg",
        }
    }

    /// Reads a tag or a name: `cy`, `cy-GB`, `Cymraeg`, `Welsh`, `en`, `en-GB`, `English`.
    pub fn parse(text: &str) -> Option<Language> {
        let wanted = text.trim().to_lowercase().replace('_', "-");
        let primary = wanted.split('-').next().unwrap_or("");
        match primary {
            "cy" | "cymraeg" | "welsh" => Some(Language::Cy),
            "en" | "english" => Some(Language::EnGb),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Language;

    #[test]
    fn tags_and_names_parse() {
        assert_eq!(Language::parse("cy"), Some(Language::Cy));
        assert_eq!(Language::parse("cy_GB.UTF-8"), Some(Language::Cy));
        assert_eq!(Language::parse("Cymraeg"), Some(Language::Cy));
        assert_eq!(Language::parse("en-US"), Some(Language::EnGb));
        assert_eq!(Language::parse("fr"), None);
        for l in Language::ALL {
            assert_eq!(Language::parse(l.tag()), Some(l));
            let json = serde_json::to_string(&l).unwrap();
            assert_eq!(json, format!("\"{}\"", l.tag()));
        }
    }
}
