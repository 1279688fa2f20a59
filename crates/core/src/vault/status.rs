//! What `alongside status` and `alongside check` report. Never a secret.

use serde::Serialize;
use specta::Type;

use super::{database, keyring_slot, slots::SecretKind, slots::SlotFile, Vault};
use crate::error::{CoreError, CoreResult};

/// Which key slots a vault has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type, Default)]
pub struct SlotSummary {
    /// A passphrase slot exists.
    pub passphrase: bool,
    /// A recovery-code slot exists.
    pub recovery_code: bool,
    /// The vault can unlock from this computer's keyring.
    pub keyring: bool,
}

/// Facts about the vault, safe to show anyone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct VaultStatus {
    /// A database exists in the data folder.
    pub exists: bool,
    /// The vault is open.
    pub unlocked: bool,
    /// The key slots present (all false when the key file cannot be read).
    pub slots: SlotSummary,
    /// Why the key file cannot be read, if it cannot.
    pub slots_problem: Option<String>,
    /// Schema version (only known while unlocked).
    pub schema_version: Option<i64>,
    /// Drafts kept (only known while unlocked).
    pub drafts: Option<i64>,
    /// Records of each kind (only known while unlocked).
    pub records: Option<crate::records::transfer::Counts>,
    /// Minutes of inactivity before locking (only known while unlocked; `null` = never).
    pub auto_lock_minutes: Option<u32>,
}

/// One line of `alongside check`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct CheckItem {
    /// What was checked.
    pub name: String,
    /// Whether it passed.
    pub ok: bool,
    /// A plain-English detail.
    pub detail: String,
}

/// All checks of the vault and its key slots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct CheckReport {
    /// Every check made.
    pub items: Vec<CheckItem>,
}

impl CheckReport {
    /// Whether every check passed.
    pub fn ok(&self) -> bool {
        self.items.iter().all(|i| i.ok)
    }
    fn push(&mut self, name: &str, ok: bool, detail: impl Into<String>) {
        self.items.push(CheckItem {
            name: name.to_owned(),
            ok,
            detail: detail.into(),
        });
    }
}

fn summary(f: &SlotFile) -> SlotSummary {
    SlotSummary {
        passphrase: f.has_wrapped(SecretKind::Passphrase),
        recovery_code: f.has_wrapped(SecretKind::RecoveryCode),
        keyring: f.keyring().is_some(),
    }
}

impl Vault {
    /// The vault's facts; works locked or unlocked.
    pub async fn status(&self) -> CoreResult<VaultStatus> {
        let exists = self.exists();
        let (slots, slots_problem) = if exists {
            match SlotFile::load(&self.paths) {
                Ok((f, _)) => (summary(&f), None),
                Err(e) => (SlotSummary::default(), Some(e.to_string())),
            }
        } else {
            (SlotSummary::default(), None)
        };
        let session = self.session.lock().await;
        let mut status = VaultStatus {
            exists,
            unlocked: session.is_some(),
            slots,
            slots_problem,
            schema_version: None,
            drafts: None,
            records: None,
            auto_lock_minutes: None,
        };
        if let Some(s) = session.as_ref() {
            status.schema_version = database::applied_version(&s.pool).await?;
            status.drafts = Some(crate::drafts::count(&s.pool).await?);
            status.records = Some(crate::records::store::live_counts(&s.pool).await?);
            status.auto_lock_minutes = s.lock.auto_lock_minutes;
        }
        Ok(status)
    }

    /// Integrity of the database (SQLite and SQLCipher checks) and of the key slots.
    pub async fn check(&self) -> CoreResult<CheckReport> {
        let (pool, key, vault_id) = {
            let session = self.session.lock().await;
            let s = session.as_ref().ok_or(CoreError::VaultLocked)?;
            (s.pool.clone(), s.key.clone(), s.vault_id.clone())
        };
        let mut report = CheckReport { items: Vec::new() };
        let integrity = database::integrity(&pool).await?;
        report.push(
            "database",
            integrity.integrity == ["ok"],
            if integrity.integrity == ["ok"] {
                "SQLite integrity check passed.".to_owned()
            } else {
                format!(
                    "SQLite integrity check found {} problem(s).",
                    integrity.integrity.len()
                )
            },
        );
        report.push(
            "encryption",
            integrity.cipher.is_empty(),
            if integrity.cipher.is_empty() {
                "Every encrypted page passed its authentication check.".to_owned()
            } else {
                format!(
                    "{} encrypted page(s) failed their check.",
                    integrity.cipher.len()
                )
            },
        );
        let main = std::fs::read(self.paths.slots()).ok();
        let mirror = std::fs::read(self.paths.slots_mirror()).ok();
        match SlotFile::load(&self.paths) {
            Ok((f, _)) => {
                let s = summary(&f);
                report.push(
                    "key file",
                    f.vault_id == vault_id && s.passphrase && s.recovery_code,
                    format!(
                        "Slots: passphrase {}, recovery code {}, keyring {}.",
                        yes_no(s.passphrase),
                        yes_no(s.recovery_code),
                        yes_no(s.keyring)
                    ),
                );
                report.push(
                    "key file copy",
                    main.is_some() && main == mirror,
                    if main.is_some() && main == mirror {
                        "The key file and its mirror copy match."
                    } else {
                        "The key file's mirror copy is missing or differs; changing the \
                         passphrase or recovery code rewrites both."
                    },
                );
                if let Some((service, account)) = f.keyring() {
                    let (service, account) = (service.to_owned(), account.to_owned());
                    let found =
                        super::blocking(move || keyring_slot::load(&service, &account)).await;
                    let (ok, detail) = match found {
                        Ok(Some(k)) if k == key => (true, "The keyring holds this vault's key."),
                        Ok(Some(_)) => (false, "The keyring holds a different key."),
                        Ok(None) => (false, "The keyring no longer holds the key."),
                        Err(_) => (false, "The keyring could not be reached."),
                    };
                    report.push("keyring", ok, detail);
                }
            }
            Err(e) => report.push("key file", false, e.to_string()),
        }
        Ok(report)
    }
}

fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}
