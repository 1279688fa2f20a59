//! `attach`, `attachments` and `detach`: files kept encrypted inside the vault.

use std::path::{Path, PathBuf};

use alongside_core::records::attachments::{self, Attachment};
use alongside_core::records::contributions::Contribution;
use alongside_core::records::{store, RecordKind};
use alongside_core::{CoreError, SqlitePool};

use crate::exit::{CliError, OK};

fn line(a: &Attachment) -> String {
    format!(
        "{}\t{}\t{}\t{}",
        a.uid,
        a.name.replace('\t', " "),
        a.media_type,
        a.size
    )
}

/// The global id of expense line `number` (1 is the first) of contribution `id`.
async fn expense_uid(pool: &SqlitePool, id: i64, number: usize) -> Result<String, CliError> {
    let contribution = store::get::<Contribution>(pool, id).await?;
    let lines = &contribution.data.expenses;
    number
        .checked_sub(1)
        .and_then(|i| lines.get(i))
        .map(|e| e.uid.clone())
        .ok_or_else(|| {
            CoreError::invalid(
                "expense",
                format!(
                    "That contribution has {} expense line{}; --expense takes a number from 1 \
                     to {}.",
                    lines.len(),
                    if lines.len() == 1 { "" } else { "s" },
                    lines.len()
                ),
            )
            .into()
        })
}

/// Attaches each file to the record (as receipts for expense line `expense` of a
/// contribution, when given); every file is read (and its size checked) before any is written,
/// so a refused file means none was added.
pub async fn attach(
    pool: &SqlitePool,
    kind: RecordKind,
    uid: &str,
    expense: Option<usize>,
    files: &[PathBuf],
) -> Result<u8, CliError> {
    let (kind, owner) = attachments::owner_by_uid(pool, Some(kind), uid).await?;
    let line_uid = match expense {
        Some(_) if kind != RecordKind::Contribution => {
            return Err(CoreError::invalid(
                "expense",
                "--expense is for receipts attached to a contribution.",
            )
            .into())
        }
        Some(number) => Some(expense_uid(pool, owner, number).await?),
        None => None,
    };
    let mut read = Vec::with_capacity(files.len());
    for path in files {
        read.push(attachments::read_file(path)?);
    }
    for (name, bytes) in read {
        let mut attached = attachments::attach(pool, kind, owner, &name, bytes).await?;
        if let Some(line_uid) = &line_uid {
            attached = attachments::for_expense(pool, attached.id, Some(line_uid)).await?;
        }
        println!("{}", line(&attached));
        if attached.location_removed {
            eprintln!(
                "“{}”: its location and camera details were removed; the picture is unchanged.",
                attached.name
            );
        } else if attached.metadata_removed {
            eprintln!(
                "“{}”: its camera details were removed; the picture is unchanged.",
                attached.name
            );
        }
    }
    Ok(OK)
}

/// Lists a record's files (id, name, type, size, SHA-256, expense line number or nothing), or
/// saves copies into `out`.
pub async fn list(pool: &SqlitePool, uid: &str, out: Option<&Path>) -> Result<u8, CliError> {
    let (kind, owner) = attachments::owner_by_uid(pool, None, uid).await?;
    let files = attachments::list(pool, kind, owner).await?;
    if files.is_empty() {
        eprintln!("No files are attached to that {}.", kind.noun());
    }
    let lines = if kind == RecordKind::Contribution && files.iter().any(|a| a.expense_uid.is_some())
    {
        store::get::<Contribution>(pool, owner).await?.data.expenses
    } else {
        Vec::new()
    };
    for a in &files {
        match out {
            None => {
                let number = lines
                    .iter()
                    .position(|e| a.expense_uid.as_deref() == Some(e.uid.as_str()))
                    .map(|i| (i + 1).to_string())
                    .unwrap_or_default();
                println!("{}\t{}\t{number}", line(a), a.sha256);
            }
            Some(dir) => {
                let bytes = attachments::bytes(pool, a.id).await?;
                let path = free_name(dir, &a.name);
                alongside_core::atomic_file::write_atomic(&path, &bytes)
                    .map_err(alongside_core::CoreError::from)?;
                println!("{}", path.display());
            }
        }
    }
    Ok(OK)
}

/// `dir/name`, or `dir/name (2)` and so on when that is taken: nothing is ever replaced.
fn free_name(dir: &Path, name: &str) -> PathBuf {
    let first = dir.join(name);
    if !first.exists() {
        return first;
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s, format!(".{e}")),
        _ => (name, String::new()),
    };
    (2..)
        .map(|n| dir.join(format!("{stem} ({n}){ext}")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}

/// Detaches one file.
pub async fn detach(pool: &SqlitePool, uid: &str) -> Result<u8, CliError> {
    let attachment = attachments::by_uid(pool, uid).await?;
    attachments::detach(pool, attachment.id).await?;
    eprintln!("Detached “{}”.", attachment.name);
    Ok(OK)
}
