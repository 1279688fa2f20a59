//! Runs one command against the core.

use std::path::PathBuf;

use alongside_core::backup::{self, Control, Target};
use alongside_core::paths::default_data_dir;
use alongside_core::paths::VaultPaths;
use alongside_core::vault::{LockReason, Proof, UnlockMethod, Vault, VaultStatus};
use alongside_core::CoreError;
use secrecy::ExposeSecret;

use crate::args::{Cli, Command, ContactAction, PassphraseAction};
use crate::exit::{CliError, OK, RUNTIME, USAGE};
use crate::progress::Progress;
use crate::{attachments, exchange, manual, output, records, secrets};
use alongside_core::exchange::inbox::Decision;

fn data_dir(cli: &Cli) -> Result<PathBuf, CliError> {
    cli.data_dir
        .clone()
        .or_else(default_data_dir)
        .ok_or_else(|| {
            CliError::Plain(
                RUNTIME,
                "This computer has no application data folder; use --data-dir.".into(),
            )
        })
}

/// Unlocks with a given passphrase, else the keyring, else a prompt.
async fn unlock(vault: &Vault, cli: &Cli) -> Result<(), CliError> {
    if !vault.exists() {
        return Err(CoreError::NoVault.into());
    }
    let given = secrets::given_passphrase(cli.given())?;
    unlock_with(vault, given).await
}

async fn unlock_with(vault: &Vault, given: Option<secrecy::SecretString>) -> Result<(), CliError> {
    if let Some(p) = given {
        return Ok(vault.unlock(UnlockMethod::Passphrase(p)).await?);
    }
    if let Some(code) = secrets::given_recovery_code() {
        return Ok(vault.unlock(UnlockMethod::RecoveryCode(code)).await?);
    }
    let status = vault.status().await?;
    if status.slots.keyring {
        match vault.unlock(UnlockMethod::Keyring).await {
            Ok(()) => return Ok(()),
            Err(e) => eprintln!("{e}"),
        }
    }
    let p = secrets::prompt_passphrase()?;
    Ok(vault.unlock(UnlockMethod::Passphrase(p)).await?)
}

/// Runs the command and returns the exit code. The vault is locked again whatever happened.
pub async fn run(cli: Cli) -> Result<u8, CliError> {
    if cli.json && !cli.json_allowed() {
        return Err(CliError::Plain(
            USAGE,
            "--json is for status, check, search, import, export, backup and restore.".into(),
        ));
    }
    // Made from the arguments alone: no data folder is looked at.
    match &cli.command {
        Command::Completions { shell } => return manual::completions(*shell),
        Command::Man => return manual::man(),
        _ => {}
    }
    let dir = data_dir(&cli)?;
    if alongside_core::hardening::repair_modes(&dir).is_err() {
        eprintln!("The data folder's permissions could not be checked.");
    }
    let vault = Vault::new(&dir);
    let result = execute(&cli, &dir, &vault).await;
    let locked = vault.lock(LockReason::Manual).await;
    let code = result?;
    locked?;
    Ok(code)
}

/// Unlocks with the passphrase or recovery code a dangerous command needs (never the keyring)
/// and returns it, for the core to check again.
async fn unlock_with_proof(vault: &Vault, cli: &Cli, act: &str) -> Result<Proof, CliError> {
    if !vault.exists() {
        return Err(CoreError::NoVault.into());
    }
    let proof = secrets::required_proof(cli.given(), act)?;
    vault.unlock(proof.to_unlock()).await?;
    Ok(proof)
}

async fn unlocked_pool(vault: &Vault, cli: &Cli) -> Result<alongside_core::SqlitePool, CliError> {
    unlock(vault, cli).await?;
    Ok(vault.pool().await?)
}

async fn execute(cli: &Cli, dir: &std::path::Path, vault: &Vault) -> Result<u8, CliError> {
    Ok(match &cli.command {
        Command::Init { remember } => {
            if vault.exists() {
                return Err(CoreError::VaultExists.into());
            }
            let given = secrets::given_passphrase(cli.given())?;
            let passphrase = secrets::new_passphrase(secrets::PASSPHRASE_ENV, given)?;
            let created = vault.create(&passphrase, *remember).await?;
            eprintln!("Created a vault in {}.", dir.display());
            eprintln!(
                "Your recovery code is below. It is shown once: write it down and keep it safe."
            );
            println!("{}", created.recovery_code.expose_secret()); // secret-ok: shown once at set-up, by design
            if let Some(problem) = created.keyring_problem {
                eprintln!("{problem}");
            }
            OK
        }
        Command::Status => {
            if vault.exists() {
                if let Some(p) = secrets::given_passphrase(cli.given())? {
                    unlock_with(vault, Some(p)).await?;
                }
            }
            let status = vault.status().await?;
            print_status(dir, &status, cli.json)?;
            OK
        }
        Command::Check => {
            unlock(vault, cli).await?;
            let report = vault.check().await?;
            if cli.json {
                output::json(&serde_json::json!({"ok": report.ok(), "items": report.items}))?;
            } else {
                for item in &report.items {
                    println!(
                        "{:<14} {}  {}",
                        item.name,
                        if item.ok { "ok  " } else { "FAIL" },
                        item.detail
                    );
                }
            }
            if report.ok() {
                OK
            } else {
                eprintln!("The vault failed at least one check.");
                RUNTIME
            }
        }
        Command::Passphrase {
            action: PassphraseAction::Change,
        } => {
            let proof = unlock_with_proof(vault, cli, "Changing the passphrase").await?;
            let new = secrets::new_passphrase(secrets::NEW_PASSPHRASE_ENV, None)?;
            vault.change_passphrase(&proof, &new).await?;
            eprintln!("The passphrase was changed.");
            OK
        }
        Command::RecoveryCode => {
            let proof = unlock_with_proof(vault, cli, "Making a new recovery code").await?;
            let code = vault.new_recovery_code(&proof).await?;
            vault.keep_recovery_code().await?;
            eprintln!(
                "Your new recovery code is below; the old one no longer works. It is shown once."
            );
            println!("{}", code.expose_secret()); // secret-ok: the new recovery code, shown once, by design
            OK
        }
        Command::Rekey => {
            let proof = unlock_with_proof(vault, cli, "Changing the key").await?;
            let rekeyed = vault.rekey(&proof).await?;
            eprintln!(
                "The vault has a new key and was re-encrypted. Old copies of the key file and \
                 old backups no longer open it. Your new recovery code is below; the old one no \
                 longer works. It is shown once."
            );
            println!("{}", rekeyed.recovery_code.expose_secret()); // secret-ok: the new recovery code, shown once, by design
            if let Some(problem) = rekeyed.keyring_problem {
                eprintln!("{problem}");
            }
            OK
        }
        Command::Demo {
            contributions,
            seed,
        } => records::demo(&unlocked_pool(vault, cli).await?, *contributions, *seed).await?,
        Command::Import {
            file,
            format,
            dry_run,
            map,
            project,
        } => {
            let pool = unlocked_pool(vault, cli).await?;
            let invitation = file
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ics"));
            if invitation {
                records::import_invitation(&pool, file, project.as_deref(), *dry_run, cli.json)
                    .await?
            } else {
                records::import(&pool, file, format.as_deref(), *dry_run, map, cli.json).await?
            }
        }
        Command::Export {
            report,
            format,
            from,
            to,
            project,
            meeting,
            person,
            include_private,
            names,
            leave_out_money,
            bilingual,
            mark_claimed,
            out,
        } => {
            VaultPaths::new(dir).refuse_as_output(out)?;
            let format = match format {
                Some(f) => f.clone(),
                None => out
                    .extension()
                    .map(|e| e.to_string_lossy().to_lowercase())
                    .unwrap_or_default(),
            };
            let pool = if report == "all" {
                // The complete export holds everything: the keyring alone is not enough.
                unlock_with_proof(vault, cli, "The complete export").await?;
                vault.pool().await?
            } else {
                unlocked_pool(vault, cli).await?
            };
            let args = records::ExportArgs {
                report,
                format: &format,
                from: from.as_deref(),
                to: to.as_deref(),
                projects: project,
                meeting: meeting.as_deref(),
                person: person.as_deref(),
                include_private: *include_private,
                names: names.as_deref(),
                leave_out_money: *leave_out_money,
                language: cli.lang,
                bilingual: *bilingual,
                mark_claimed: *mark_claimed,
                out,
                json: cli.json,
            };
            records::export(&pool, args).await?
        }
        Command::ClaimDetails {
            organisation,
            name,
            address,
            payee_reference,
            payee_reference_label,
            cost_code,
            cost_code_label,
        } => {
            let pool = unlocked_pool(vault, cli).await?;
            let given = records::ClaimDetailsArgs {
                name: name.as_deref(),
                address: address.as_deref(),
                payee_reference: payee_reference.as_deref(),
                payee_reference_label: payee_reference_label.as_deref(),
                cost_code: cost_code.as_deref(),
                cost_code_label: cost_code_label.as_deref(),
            };
            records::claim_details(&pool, organisation, &given).await?
        }
        Command::Backup { out } => {
            // Refused before unlocking, so a refused backup leaves the vault's files untouched.
            VaultPaths::new(dir).refuse_as_output(out)?;
            let proof = unlock_with_proof(vault, cli, "A backup").await?;
            let pass = secrets::backup_passphrase(true)?;
            let progress = Progress::bar("Making the backup", 100);
            let made = backup::make(vault, out, &pass, &proof, &backup_control(&progress)).await?;
            drop(progress);
            if cli.json {
                output::json(&made)?;
            } else {
                println!(
                    "Saved an encrypted backup of {} contributions and {} reflections to {} \
                     ({}).",
                    made.counts.contributions,
                    made.counts.reflections,
                    made.path,
                    size_text(made.size_kib)
                );
                eprintln!(
                    "Keep the backup passphrase safe: the backup cannot be opened without it."
                );
            }
            OK
        }
        Command::Restore { file } => {
            let pass = secrets::backup_passphrase(false)?;
            let progress = Progress::bar("Restoring the backup", 100);
            let restored = backup::restore(
                file,
                &pass,
                dir,
                Target::EmptyFolder,
                &backup_control(&progress),
            )
            .await?;
            drop(progress);
            if cli.json {
                output::json(&serde_json::json!({
                    "data_dir": dir.display().to_string(),
                    "made_at": restored.made_at,
                    "counts": restored.counts,
                }))?;
            } else {
                println!(
                    "Restored the backup made {} into {}: {} projects, {} contributions, {} \
                     reflections.",
                    restored.made_at,
                    dir.display(),
                    restored.counts.projects,
                    restored.counts.contributions,
                    restored.counts.reflections
                );
                eprintln!("Unlock it with the passphrase or recovery code it had then.");
            }
            OK
        }
        Command::Search { query, limit } => {
            records::search(&unlocked_pool(vault, cli).await?, query, *limit, cli.json).await?
        }
        Command::Identity { name, role, export } => {
            let pool = unlocked_pool(vault, cli).await?;
            if let Some(path) = export {
                VaultPaths::new(dir).refuse_as_output(path)?;
            }
            exchange::identity(&pool, name.as_deref(), role.as_deref(), export.as_deref()).await?
        }
        Command::Contact { action } => {
            let pool = unlocked_pool(vault, cli).await?;
            match action {
                ContactAction::Add {
                    source,
                    person,
                    checked,
                } => exchange::contact_add(&pool, source, person, *checked).await?,
                ContactAction::List => exchange::contact_list(&pool).await?,
            }
        }
        Command::Share {
            what,
            meeting,
            since,
            until,
            project,
            include_money,
            withdraw,
            agree,
            reply_to,
            voice,
            said,
            message,
            to,
            to_passphrase,
            delete_after,
            armor,
            preview,
            out,
        } => {
            let out = out.clone().unwrap_or_default();
            if !*preview {
                VaultPaths::new(dir).refuse_as_output(&out)?;
            }
            let pool = unlocked_pool(vault, cli).await?;
            let args = exchange::ShareArgs {
                what: *what,
                meeting: meeting.as_deref(),
                since: since.as_deref(),
                until: until.as_deref(),
                projects: project,
                include_money: *include_money,
                withdraw: *withdraw,
                agree,
                reply_to: reply_to.as_deref(),
                voice: voice.as_deref(),
                said: said.as_deref(),
                message: message.as_deref(),
                to,
                to_passphrase: *to_passphrase,
                delete_after: delete_after.as_deref(),
                armor: *armor,
                preview: *preview,
                out: &out,
            };
            exchange::share(&pool, &args).await?
        }
        Command::Open {
            file,
            dry_run: _,
            accept,
            keep,
            ignore,
            readable,
        } => {
            if let Some(path) = readable {
                VaultPaths::new(dir).refuse_as_output(path)?;
            }
            let decision = if *accept {
                Some(Decision::Added)
            } else if *keep {
                Some(Decision::Kept)
            } else if *ignore {
                Some(Decision::Ignored)
            } else {
                None
            };
            let pool = unlocked_pool(vault, cli).await?;
            exchange::open(&pool, file, decision, readable.as_deref()).await?
        }
        Command::Inbox => exchange::inbox(&unlocked_pool(vault, cli).await?).await?,
        Command::Sent => exchange::sent(&unlocked_pool(vault, cli).await?).await?,
        Command::Attach {
            to,
            uid,
            expense,
            files,
        } => {
            let pool = unlocked_pool(vault, cli).await?;
            attachments::attach(&pool, to.kind(), uid, *expense, files).await?
        }
        Command::Attachments { uid, out } => {
            if let Some(out) = out {
                VaultPaths::new(dir).refuse_as_output(&out.join("attachment"))?;
            }
            attachments::list(&unlocked_pool(vault, cli).await?, uid, out.as_deref()).await?
        }
        Command::Detach { uid } => {
            attachments::detach(&unlocked_pool(vault, cli).await?, uid).await?
        }
        Command::Completions { shell } => manual::completions(*shell)?,
        Command::Man => manual::man()?,
    })
}

/// Backup and restore report their stage and percent to `progress`.
fn backup_control(progress: &Progress) -> Control {
    let set = progress.ticker();
    Control {
        progress: std::sync::Arc::new(move |p: backup::BackupProgress| {
            set(u64::from(p.percent), 100);
        }),
        ..Control::quiet()
    }
}

fn size_text(kib: u32) -> String {
    if kib < 1024 {
        format!("{kib} KB")
    } else {
        format!("{:.1} MB", f64::from(kib) / 1024.0)
    }
}

fn print_status(dir: &std::path::Path, s: &VaultStatus, json: bool) -> Result<(), CliError> {
    if json {
        return output::json(s);
    }
    let yn = |b: bool| if b { "yes" } else { "no" };
    let opt =
        |v: Option<i64>| v.map_or_else(|| "unknown while locked".to_owned(), |n| n.to_string());
    println!("data folder:      {}", dir.display());
    println!(
        "vault:            {}",
        if s.exists { "present" } else { "none" }
    );
    if !s.exists {
        return Ok(());
    }
    println!(
        "state:            {}",
        if s.unlocked { "unlocked" } else { "locked" }
    );
    println!(
        "key slots:        passphrase {}, recovery code {}, keyring {}",
        yn(s.slots.passphrase),
        yn(s.slots.recovery_code),
        yn(s.slots.keyring)
    );
    if let Some(p) = &s.slots_problem {
        println!("key file problem: {p}");
    }
    println!("schema version:   {}", opt(s.schema_version));
    println!("drafts:           {}", opt(s.drafts));
    if let Some(c) = &s.records {
        println!(
            "records:          {} projects, {} meetings, {} contributions ({} expense lines), \
             {} reflections, {} actions, {} people, {} attached files",
            c.projects,
            c.meetings,
            c.contributions,
            c.expenses,
            c.reflections,
            c.actions,
            c.people,
            c.attachments
        );
    }
    if s.unlocked {
        println!(
            "auto-lock:        {}",
            s.auto_lock_minutes
                .map_or_else(|| "never".to_owned(), |m| format!("after {m} minutes idle"))
        );
    }
    Ok(())
}
