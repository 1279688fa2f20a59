//! Recovery codes: 25 characters of Crockford base32 (125 bits), shown in five groups.

use secrecy::{ExposeSecret, SecretString};

use crate::error::{CoreError, CoreResult};
use crate::vault::key::fill_random;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_CHARS: usize = 25;
const GROUP: usize = 5;

/// A fresh recovery code such as `7K2QD-M9XWA-...`, held as a secret.
pub fn generate() -> CoreResult<SecretString> {
    let mut bytes = [0u8; CODE_CHARS];
    fill_random(&mut bytes)?;
    let mut out = String::with_capacity(CODE_CHARS + CODE_CHARS / GROUP);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 && i % GROUP == 0 {
            out.push('-');
        }
        out.push(char::from(ALPHABET[usize::from(*b & 31)]));
    }
    bytes.fill(0);
    Ok(SecretString::from(out))
}

/// Puts a typed recovery code in canonical form: upper case, no spaces or dashes, with the
/// look-alike letters O→0 and I/L→1. Refuses anything that is not a full code.
pub fn normalise(input: &SecretString) -> CoreResult<SecretString> {
    let mut out = String::with_capacity(CODE_CHARS);
    for c in input.expose_secret().chars() {
        let c = c.to_ascii_uppercase();
        let c = match c {
            ' ' | '-' | '\t' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        };
        if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
            return Err(CoreError::invalid(
                "recovery_code",
                "That is not a recovery code: it has a character a recovery code never uses.",
            ));
        }
        out.push(c);
    }
    if out.len() != CODE_CHARS {
        return Err(CoreError::invalid(
            "recovery_code",
            "A recovery code has 25 letters and numbers; please check it and try again.",
        ));
    }
    Ok(SecretString::from(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_codes_normalise_and_differ() {
        let a = generate().unwrap();
        let b = generate().unwrap();
        assert_ne!(a.expose_secret(), b.expose_secret());
        assert_eq!(a.expose_secret().len(), 29);
        let n = normalise(&a).unwrap();
        assert_eq!(n.expose_secret(), &a.expose_secret().replace('-', ""));
    }

    #[test]
    fn typing_mistakes_are_forgiven_but_wrong_lengths_are_not() {
        let typed = SecretString::from("abcde fghjk-mnpqr oooo1 iiill".to_owned());
        let n = normalise(&typed).unwrap();
        assert_eq!(n.expose_secret(), "ABCDEFGHJKMNPQR0000111111");
        assert!(normalise(&SecretString::from("ABC".to_owned())).is_err());
        assert!(normalise(&SecretString::from("U".repeat(25))).is_err());
    }
}
