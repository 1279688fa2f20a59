//! The one rule for new passphrases (vault and backup alike): at least ten characters and hard
//! to guess, as scored by zxcvbn. The window's strength meter only displays; this decides.

use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;
use specta::Type;

use crate::error::{CoreError, CoreResult};

/// Shortest passphrase accepted.
pub const MIN_PASSPHRASE_CHARS: usize = 10;
/// Lowest zxcvbn score accepted (0 = guessed at once … 4 = over 10^10 guesses).
pub const MIN_PASSPHRASE_SCORE: u8 = 3;
/// Longest passphrase accepted, in bytes.
pub const MAX_PASSPHRASE_BYTES: usize = 1024;

/// Checks a new passphrase against the core's rules; the error names the field `passphrase`.
pub fn validate_passphrase(passphrase: &SecretString) -> CoreResult<()> {
    let text = passphrase.expose_secret();
    if text.trim().chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(CoreError::invalid(
            "passphrase",
            format!(
                "Use at least {MIN_PASSPHRASE_CHARS} characters. A few unrelated words make a \
                 passphrase that is long but easy to remember."
            ),
        ));
    }
    if text.len() > MAX_PASSPHRASE_BYTES {
        return Err(CoreError::invalid(
            "passphrase",
            "That passphrase is too long (over 1,024 characters).",
        ));
    }
    if score(text) < MIN_PASSPHRASE_SCORE {
        return Err(CoreError::invalid(
            "passphrase",
            "That passphrase would be easy to guess. Add another word or two that do not belong \
             together, such as \"kettle orbit tulip\".",
        ));
    }
    Ok(())
}

/// zxcvbn's score, 0 to 4.
fn score(text: &str) -> u8 {
    u8::from(zxcvbn::zxcvbn(text, &["alongside"]).score())
}

/// How strong a passphrase is, for the meter beside a new-passphrase field.
#[derive(Debug, Clone, Serialize, Type)]
pub struct Strength {
    /// 0 (guessed at once) to 4 (over 10^10 guesses); 0 when too short.
    pub score: u8,
    /// "Very weak" to "Very strong".
    pub label: String,
    /// One piece of advice, in plain English.
    pub advice: String,
    /// Whether [`validate_passphrase`] accepts it.
    pub acceptable: bool,
    /// Why [`validate_passphrase`] refuses it, in its own words; `None` when accepted.
    pub problem: Option<String>,
}

const LABELS: [&str; 5] = ["Very weak", "Weak", "Fair", "Strong", "Very strong"];

/// Scores a passphrase for the meter; `acceptable` is exactly what [`validate_passphrase`] decides.
pub fn strength(passphrase: &SecretString) -> Strength {
    let text = passphrase.expose_secret();
    let problem = validate_passphrase(passphrase).err().map(|e| e.to_string());
    let acceptable = problem.is_none();
    if text.trim().chars().count() < MIN_PASSPHRASE_CHARS || text.len() > MAX_PASSPHRASE_BYTES {
        return Strength {
            score: 0,
            label: LABELS[0].to_owned(),
            advice: format!(
                "Use at least {MIN_PASSPHRASE_CHARS} characters. A few unrelated words work well."
            ),
            acceptable,
            problem,
        };
    }
    let entropy = zxcvbn::zxcvbn(text, &["alongside"]);
    let score = u8::from(entropy.score());
    let feedback = entropy.feedback();
    let advice = feedback
        .and_then(|f| f.warning().map(|w| w.to_string()))
        .or_else(|| feedback.and_then(|f| f.suggestions().first().map(|s| s.to_string())))
        .unwrap_or_else(|| {
            if acceptable {
                "Good choice.".to_owned()
            } else {
                "Add another word or two.".to_owned()
            }
        });
    Strength {
        score,
        label: LABELS[usize::from(score.min(4))].to_owned(),
        advice,
        acceptable,
        problem,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> CoreResult<()> {
        validate_passphrase(&SecretString::from(text.to_owned()))
    }

    #[test]
    fn the_meter_agrees_with_the_rule() {
        for text in [
            "short",
            "Password12",
            "kettle orbit tulip lantern",
            "aaaaaaaaaaaa",
        ] {
            let s = strength(&SecretString::from(text.to_owned()));
            assert_eq!(s.acceptable, check(text).is_ok(), "{text}");
            assert_eq!(
                s.problem,
                check(text).err().map(|e| e.to_string()),
                "{text}"
            );
            assert!(!s.advice.is_empty(), "{text}");
        }
        let short = strength(&SecretString::from("short".to_owned()));
        assert_eq!((short.score, short.label.as_str()), (0, "Very weak"));
        assert!(short.advice.starts_with("Use at least 10 characters"));
    }

    #[test]
    fn short_passphrases_are_refused_with_the_field() {
        let err = check("short").unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::InvalidInput);
        let api: crate::ApiError = err.into();
        assert_eq!(api.field.as_deref(), Some("passphrase"));
        assert!(check("   spaces   ").is_err());
    }

    #[test]
    fn long_but_guessable_passphrases_are_refused() {
        for weak in [
            "Password12",
            "alongside2026",
            "aaaaaaaaaaaa",
            "1234567890",
            "qwertyuiop",
        ] {
            let err = check(weak).expect_err(weak);
            let api: crate::ApiError = err.into();
            assert_eq!(api.field.as_deref(), Some("passphrase"), "{weak}");
        }
    }

    #[test]
    fn random_words_are_accepted() {
        for strong in [
            "four words to remember",
            "kettle orbit tulip marsh",
            "tea garden bicycle stars",
            "lighthouse parsnip velvet tides",
        ] {
            assert!(check(strong).is_ok(), "{strong}");
        }
    }
}
