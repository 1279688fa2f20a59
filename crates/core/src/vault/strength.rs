//! The one rule for new passphrases (vault and backup alike): at least ten characters and hard
//! to guess, as scored by zxcvbn. The window's strength meter only displays; this decides.

use secrecy::{ExposeSecret, SecretString};

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

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> CoreResult<()> {
        validate_passphrase(&SecretString::from(text.to_owned()))
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
