//! Global ids: every record has a UUID v7 beside its integer id, unique and never reused, kept
//! through the JSON export and backups, so records can be matched between vaults.

use crate::error::{CoreError, CoreResult};

/// A new global id (UUID v7: the time now, then random bits).
pub fn new_uid() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Checks that `uid` is a UUID written the usual way (lower-case hex with hyphens).
pub fn check(field: &str, uid: &str) -> CoreResult<()> {
    match uuid::Uuid::parse_str(uid) {
        Ok(parsed) if parsed.to_string() == uid => Ok(()),
        _ => Err(CoreError::invalid(
            field,
            "A global id (uid) must be a UUID such as 0190d4e2-7c1a-7b3e-8f00-0123456789ab.",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ids_are_version_7_and_unique() {
        let a = new_uid();
        let b = new_uid();
        assert_ne!(a, b);
        assert_eq!(uuid::Uuid::parse_str(&a).unwrap().get_version_num(), 7);
        assert!(check("uid", &a).is_ok());
        assert!(check("uid", "not-a-uid").is_err());
        assert!(check("uid", &a.to_uppercase()).is_err());
    }
}
