//! The exchange commands: identity, contact, share and open (docs/cli.md).

use std::path::Path;

use alongside_core::atomic_file::write_atomic;
use alongside_core::exchange::contacts;
use alongside_core::exchange::identity::{self, PublicIdentity};
use alongside_core::exchange::inbox::{self, Decision};
use alongside_core::exchange::sent;
use alongside_core::exchange::share::{self, ShareRequest, What};
use alongside_core::records::choices::CheckedHow;
use alongside_core::records::selection::project_ids_named;
use alongside_core::{CoreError, SqlitePool};
use secrecy::SecretString;

use crate::args::{CheckedArg, ConsentPart, ShareKind};
use crate::exit::{CliError, OK, USAGE};

/// The environment variable holding the passphrase of a passphrase file (sharing and opening).
pub const SHARE_PASSPHRASE_ENV: &str = "ALONGSIDE_SHARE_PASSPHRASE";

fn today() -> String {
    alongside_core::clock::local_today().to_string()
}

fn share_passphrase() -> Option<SecretString> {
    std::env::var(SHARE_PASSPHRASE_ENV)
        .ok()
        .filter(|v| !v.is_empty())
        .map(SecretString::from)
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    write_atomic(path, bytes).map_err(|e| CliError::Core(CoreError::Io(e)))
}

/// `alongside identity`.
pub async fn identity(
    pool: &SqlitePool,
    name: Option<&str>,
    role: Option<&str>,
    export: Option<&Path>,
) -> Result<u8, CliError> {
    let public = match (name, identity::own(pool).await?) {
        (Some(name), own) => {
            let role = role
                .map(str::to_owned)
                .or_else(|| own.map(|o| o.public.role))
                .unwrap_or_default();
            identity::set_up(pool, name, &role).await?
        }
        (None, Some(own)) => own.public,
        (None, None) => {
            return Err(CliError::Plain(
                USAGE,
                "This vault has no sharing identity yet: make one with \
                 alongside identity --name \"Your name\"."
                    .into(),
            ))
        }
    };
    println!("{}", public.sharing_code());
    eprintln!(
        "That is the sharing code of {}: read it to the people you share with, and check theirs.",
        public.name
    );
    if let Some(path) = export {
        write(path, format!("{}\n", public.to_text()?).as_bytes())?;
        eprintln!("Wrote your public identity to {}.", path.display());
    }
    Ok(OK)
}

/// `alongside contact add`.
pub async fn contact_add(
    pool: &SqlitePool,
    source: &str,
    person: &str,
    checked: Option<CheckedArg>,
) -> Result<u8, CliError> {
    let text = if Path::new(source).is_file() {
        let meta = std::fs::metadata(source).map_err(|e| CliError::Core(CoreError::Io(e)))?;
        if meta.len() > 16_384 {
            return Err(CoreError::invalid(
                "identity",
                "That file is too large to be an identity.",
            )
            .into());
        }
        std::fs::read_to_string(source).map_err(|e| CliError::Core(CoreError::Io(e)))?
    } else {
        source.to_owned()
    };
    let identity = PublicIdentity::from_text(&text)?;
    let how = match checked {
        Some(CheckedArg::InPerson) => CheckedHow::InPerson,
        Some(CheckedArg::Phone) => CheckedHow::Phone,
        None => CheckedHow::NotChecked,
    };
    let contact = contacts::add_for_name(pool, person, &identity, how, &today()).await?;
    println!("{}", contact.sharing_code);
    eprintln!(
        "Added {}'s sharing identity ({}). {}",
        contact.person_name,
        contact.identity.name,
        if how == CheckedHow::NotChecked {
            "Check the code above with them in person or by phone before you trust what they send."
        } else {
            "Marked as checked."
        }
    );
    Ok(OK)
}

/// `alongside contact list`.
pub async fn contact_list(pool: &SqlitePool) -> Result<u8, CliError> {
    for c in contacts::list(pool).await? {
        println!(
            "{}\t{}\t{}",
            c.person_name,
            c.sharing_code,
            c.checked_how.label()
        );
    }
    Ok(OK)
}

/// What `share` was asked for on the command line.
pub struct ShareArgs<'a> {
    /// The kind.
    pub what: ShareKind,
    /// `--meeting`.
    pub meeting: Option<&'a str>,
    /// `--since`.
    pub since: Option<&'a str>,
    /// `--until`.
    pub until: Option<&'a str>,
    /// `--project`.
    pub projects: &'a [String],
    /// `--include-money`.
    pub include_money: bool,
    /// `--withdraw`.
    pub withdraw: bool,
    /// `--agree`.
    pub agree: &'a [ConsentPart],
    /// `--reply-to`.
    pub reply_to: Option<&'a str>,
    /// `--voice`.
    pub voice: Option<&'a str>,
    /// `--said`.
    pub said: Option<&'a str>,
    /// `--message`.
    pub message: Option<&'a str>,
    /// `--to`.
    pub to: &'a [String],
    /// `--to-passphrase`.
    pub to_passphrase: bool,
    /// `--delete-after`.
    pub delete_after: Option<&'a str>,
    /// `--armor`.
    pub armor: bool,
    /// `--preview`.
    pub preview: bool,
    /// `--out`.
    pub out: &'a Path,
}

fn needs_meeting(meeting: Option<&str>) -> Result<String, CliError> {
    meeting
        .map(str::to_owned)
        .ok_or_else(|| CliError::Plain(USAGE, "Say which session with --meeting UID.".into()))
}

/// The id of the received file a reply answers: given as the id, or as the file (opened only to
/// read its id, changing nothing).
async fn replied_file(pool: &SqlitePool, given: Option<&str>) -> Result<String, CliError> {
    let given = given.ok_or_else(|| {
        CliError::Plain(
            USAGE,
            "Say which file you are answering with --reply-to ID (see alongside inbox) or \
             --reply-to FILE."
                .into(),
        )
    })?;
    let path = Path::new(given);
    if !path.is_file() {
        return Ok(given.to_owned());
    }
    let bytes = inbox::read_file(path)?;
    let opened = inbox::open(pool, &bytes, share_passphrase().as_ref(), None).await?;
    Ok(opened.envelope_id)
}

async fn what_of(pool: &SqlitePool, a: &ShareArgs<'_>) -> Result<What, CliError> {
    Ok(match a.what {
        ShareKind::Session => What::Session {
            meeting_uid: needs_meeting(a.meeting)?,
        },
        ShareKind::Feedback => What::Feedback {
            meeting_uid: needs_meeting(a.meeting)?,
        },
        ShareKind::Summary => {
            let (Some(from), Some(to)) = (a.since, a.until) else {
                return Err(CliError::Plain(
                    USAGE,
                    "A summary needs its days: --since DATE --until DATE.".into(),
                ));
            };
            What::Summary {
                from: from.to_owned(),
                to: to.to_owned(),
                project_ids: project_ids_named(pool, a.projects).await?,
                include_money: a.include_money,
            }
        }
        ShareKind::Consent => {
            if !a.withdraw && a.agree.is_empty() {
                return Err(CliError::Plain(
                    USAGE,
                    "Say --withdraw, or what you agree to with --agree quote,named,photo,audio."
                        .into(),
                ));
            }
            What::Consent {
                meeting_uid: needs_meeting(a.meeting)?,
                withdraw: a.withdraw,
                quote: a.agree.contains(&ConsentPart::Quote),
                named: a.agree.contains(&ConsentPart::Named),
                photo: a.agree.contains(&ConsentPart::Photo),
                audio: a.agree.contains(&ConsentPart::Audio),
            }
        }
        ShareKind::Correction => {
            let (Some(voice), Some(said)) = (a.voice, a.said) else {
                return Err(CliError::Plain(
                    USAGE,
                    "A correction needs the words and what you said: --voice UID --said TEXT \
                     (see alongside inbox for the ids)."
                        .into(),
                ));
            };
            What::Correction {
                replies_to: replied_file(pool, a.reply_to).await?,
                voice_uid: voice.to_owned(),
                said: said.to_owned(),
            }
        }
        ShareKind::Acknowledgement => What::Acknowledgement {
            replies_to: replied_file(pool, a.reply_to).await?,
            message: a.message.unwrap_or_default().to_owned(),
        },
    })
}

/// `alongside share`.
pub async fn share(pool: &SqlitePool, a: &ShareArgs<'_>) -> Result<u8, CliError> {
    let mut to_person_ids = Vec::new();
    for name in a.to {
        to_person_ids.push(contacts::named(pool, name).await?.person_id);
    }
    let request = ShareRequest {
        what: what_of(pool, a).await?,
        to_person_ids,
        passphrase_copy: a.to_passphrase,
        delete_after: a.delete_after.map(str::to_owned),
    };
    let today = today();
    if a.preview {
        let preview = share::preview(pool, &request, &today).await?;
        for line in &preview.lines {
            println!("{line}");
        }
        for line in &preview.left_out {
            println!("Left out: {line}");
        }
        return Ok(OK);
    }
    let passphrase = if a.to_passphrase {
        Some(share_passphrase().ok_or_else(|| {
            CliError::Plain(
                USAGE,
                format!("Set {SHARE_PASSPHRASE_ENV} to the passphrase for the passphrase copy."),
            )
        })?)
    } else {
        None
    };
    let file_name = a
        .out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let sealed = share::share(
        pool,
        &request,
        passphrase.as_ref(),
        a.armor,
        &file_name,
        &today,
    )
    .await?;
    for line in &sealed.preview.lines {
        println!("{line}");
    }
    if let Some(bytes) = &sealed.for_recipients {
        write(a.out, bytes)?;
        let names = sealed
            .preview
            .payload
            .recipients
            .iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        eprintln!("Wrote {} for {names} (and you).", a.out.display());
    }
    if let Some(bytes) = &sealed.for_passphrase {
        let path = if sealed.for_recipients.is_some() {
            share::passphrase_copy_path(a.out)
        } else {
            a.out.to_path_buf()
        };
        write(&path, bytes)?;
        eprintln!(
            "Wrote {}, locked with the passphrase: send the passphrase another way (a call, a text).",
            path.display()
        );
    }
    Ok(OK)
}

/// `alongside open`.
pub async fn open(
    pool: &SqlitePool,
    file: &Path,
    decision: Option<Decision>,
    readable: Option<&Path>,
) -> Result<u8, CliError> {
    let bytes = inbox::read_file(file)?;
    let passphrase = share_passphrase();
    let opened = inbox::open(pool, &bytes, passphrase.as_ref(), decision).await?;
    eprintln!("From: {}", opened.trust.describe(&opened.sender));
    eprintln!("Sharing code: {}", opened.sender_code);
    eprintln!("Holds: {}", opened.description);
    if let Some(day) = &opened.delete_after {
        eprintln!("The sender asks you to delete it after {day}.");
    }
    if let Some(path) = readable {
        write(path, opened.readable_html.as_bytes())?;
    }
    if let Some((day, before)) = &opened.opened_before {
        eprintln!(
            "You opened this file before, on {day} ({}); nothing changed.",
            before.label().to_lowercase()
        );
        return Ok(OK);
    }
    for change in &opened.changes {
        println!("{change}");
    }
    match opened.decision {
        None if opened.changes.is_empty() => eprintln!("Opening it would change nothing here."),
        None => {
            eprintln!("Nothing has changed yet: open it again with --accept to make these changes.")
        }
        Some(Decision::Added) => eprintln!("Done: {} changes made.", opened.changes.len()),
        Some(Decision::Kept) => eprintln!("Kept to read in the Inbox; nothing else changed."),
        Some(Decision::Ignored) => eprintln!("Ignored; nothing changed."),
    }
    Ok(OK)
}

/// `alongside inbox`.
pub async fn inbox(pool: &SqlitePool) -> Result<u8, CliError> {
    for e in inbox::entries(pool).await? {
        println!(
            "{}\t{}\t{}\t{}\t{}",
            e.opened_at.get(..10).unwrap_or(&e.opened_at),
            e.decision.label(),
            e.sender_name,
            e.envelope_id,
            e.description
        );
        for w in &e.words {
            println!("\tword {}\t{}: {}", w.uid, w.who, w.text);
        }
    }
    Ok(OK)
}

/// `alongside sent`.
pub async fn sent(pool: &SqlitePool) -> Result<u8, CliError> {
    for f in sent::list(pool).await? {
        let day = f.made_at.get(..10).unwrap_or(&f.made_at);
        for t in &f.to {
            let replies = match &t.acknowledged_on {
                Some(on) => format!("acknowledged on {on}"),
                None => "not acknowledged yet".into(),
            };
            let corrections = match t.corrections {
                0 => String::new(),
                1 => ", 1 correction".into(),
                n => format!(", {n} corrections"),
            };
            println!(
                "{day}\t{}\t{}\t{replies}{corrections}",
                f.description, t.name
            );
        }
        if f.passphrase_copy {
            println!("{day}\t{}\ta passphrase copy\t-", f.description);
        }
    }
    Ok(OK)
}
