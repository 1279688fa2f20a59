//! The record commands: demo, import, export and search.

use std::path::Path;

use alongside_core::atomic_file::write_atomic;
use alongside_core::records::invitation;
use alongside_core::records::search::{self, Privacy};
use alongside_core::records::transfer::csv_import::{ColumnMap, CsvField};
use alongside_core::records::transfer::{self, json, ImportFormat, ImportReport};
use alongside_core::records::{claims, demo};
use alongside_core::words::count;
use alongside_core::SqlitePool;

use alongside_core::records::selection::{project_ids_named, Selection};
use alongside_export::{ExportOptions, Format, Names, ReportKind, Stage};
use std::sync::atomic::AtomicBool;

use crate::exit::{CliError, INVALID, OK, RUNTIME, USAGE};
use crate::output;
use crate::progress::Progress;

/// `alongside demo`.
pub async fn demo(pool: &SqlitePool, contributions: u32, seed: u64) -> Result<u8, CliError> {
    let started = std::time::Instant::now();
    let today = alongside_core::clock::local_today();
    let bar = Progress::bar("Making demo records", u64::from(contributions));
    let progress = bar.ticker();
    let summary = demo::generate(pool, contributions, seed, today, &progress).await?;
    drop(bar);
    let c = &summary.counts;
    println!(
        "Made {} contributions ({} expense lines), {} meetings, {} actions, {} reflections, {} projects and {} people from {} to {} in {:.1} s.",
        c.contributions, c.expenses, c.meetings, c.actions, c.reflections, c.projects, c.people,
        summary.from, summary.to, started.elapsed().as_secs_f64()
    );
    Ok(OK)
}

fn parse_map(map: &[String]) -> Result<Vec<ColumnMap>, CliError> {
    map.iter()
        .map(|m| {
            let (column, field) = m.rsplit_once('=').ok_or_else(|| {
                CliError::Plain(USAGE, format!("--map needs COLUMN=FIELD, not \"{m}\"."))
            })?;
            let field = if field.trim().is_empty() || field.trim() == "none" {
                None
            } else {
                Some(CsvField::parse(field).ok_or_else(|| {
                    let known: Vec<&str> = CsvField::ALL.iter().map(|f| f.as_str()).collect();
                    CliError::Plain(
                        USAGE,
                        format!(
                            "\"{field}\" is not a field; use one of: {}.",
                            known.join(", ")
                        ),
                    )
                })?)
            };
            Ok(ColumnMap {
                column: column.trim().to_owned(),
                field,
            })
        })
        .collect()
}

fn print_report(report: &ImportReport, json: bool) -> Result<(), CliError> {
    if json {
        return output::json(report);
    }
    for p in &report.problems {
        match p.line {
            Some(line) => eprintln!("line {line}, {}: {}", p.place, p.message),
            None => eprintln!("{}: {}", p.place, p.message),
        }
    }
    if report.more_problems > 0 {
        eprintln!(
            "…and {}.",
            count(
                report.more_problems as usize,
                "more problem",
                "more problems"
            )
        );
    }
    if !report.ignored_columns.is_empty() {
        eprintln!("Columns not used: {}.", report.ignored_columns.join(", "));
    }
    let c = &report.counts;
    let n = |n: u32, one: &str, many: &str| count(n as usize, one, many);
    let what = format!(
        "{} ({}), {}, {}, {}, {}, {}",
        n(c.contributions, "contribution", "contributions"),
        n(c.expenses, "expense line", "expense lines"),
        n(c.projects, "project", "projects"),
        n(c.meetings, "meeting", "meetings"),
        n(c.actions, "action", "actions"),
        n(c.reflections, "reflection", "reflections"),
        n(c.people, "person", "people")
    );
    if !report.is_clean() {
        eprintln!("Nothing was imported: fix the problems above and try again.");
    } else if report.written {
        println!("Imported {what}.");
    } else {
        println!("The file is ready to import: {what}. Nothing was written (dry run).");
    }
    if !report.new_projects.is_empty() && report.is_clean() {
        println!("New projects: {}.", report.new_projects.join(", "));
    }
    Ok(())
}

/// `alongside import FILE.ics`: adds the meeting a calendar invitation describes to the named project (`--dry-run` shows
/// what it would add).
pub async fn import_invitation(
    pool: &SqlitePool,
    file: &Path,
    project: Option<&str>,
    dry_run: bool,
    json: bool,
) -> Result<u8, CliError> {
    let bytes = std::fs::read(file).map_err(|e| {
        CliError::Plain(INVALID, format!("Could not read {}: {e}.", file.display()))
    })?;
    let invitation = invitation::read(&bytes)?;
    let when = match (&invitation.start_time, &invitation.end_time) {
        (Some(s), Some(e)) => format!(", {s}–{e}"),
        (Some(s), None) => format!(", {s}"),
        _ => String::new(),
    };
    let said = format!("\"{}\" on {}{when}", invitation.title, invitation.date);
    let Some(project) = project else {
        return Err(CliError::Plain(
            USAGE,
            format!("Say which project {said} belongs to with --project NAME."),
        ));
    };
    let ids = project_ids_named(pool, &[project.to_owned()]).await?;
    let Some(&project_id) = ids.first() else {
        return Err(CliError::Plain(
            INVALID,
            format!("There is no project called \"{project}\"."),
        ));
    };
    let added = if dry_run {
        None
    } else {
        Some(invitation::add(pool, &invitation, project_id).await?)
    };
    if json {
        output::json(&serde_json::json!({
            "written": added.is_some(),
            "project": project,
            "meeting": {
                "uid": added.as_ref().map(|m| m.uid.clone()),
                "title": invitation.title,
                "date": invitation.date,
                "start_time": invitation.start_time,
                "end_time": invitation.end_time,
            },
        }))?;
    } else if let Some(added) = added {
        println!("Added the meeting {said} to {project} (uid {}).", added.uid);
    } else {
        println!("Would add the meeting {said} to {project}.");
    }
    Ok(OK)
}

/// `alongside import`.
pub async fn import(
    pool: &SqlitePool,
    file: &Path,
    format: Option<&str>,
    dry_run: bool,
    map: &[String],
    json: bool,
) -> Result<u8, CliError> {
    let format = match format
        .and_then(ImportFormat::parse)
        .or_else(|| ImportFormat::of_path(file))
    {
        Some(f) => f,
        None => {
            return Err(CliError::Plain(
                USAGE,
                "Say which format the file is in with --format json, csv or xlsx.".into(),
            ))
        }
    };
    let mapping = parse_map(map)?;
    if format == ImportFormat::Json && !mapping.is_empty() {
        return Err(CliError::Plain(
            USAGE,
            "--map is for spreadsheets (CSV or Excel) only.".into(),
        ));
    }
    let bytes = std::fs::read(file).map_err(|e| {
        CliError::Plain(INVALID, format!("Could not read {}: {e}.", file.display()))
    })?;
    let spinner = Progress::spinner(if dry_run {
        "Checking the file"
    } else {
        "Importing"
    });
    let report = transfer::import(pool, format, &bytes, &mapping, dry_run).await?;
    drop(spinner);
    print_report(&report, json)?;
    Ok(if report.is_clean() { OK } else { INVALID })
}

/// Options of `alongside export`.
pub struct ExportArgs<'a> {
    /// Which report (`all` or a report's name).
    pub report: &'a str,
    /// Which format (a file extension).
    pub format: &'a str,
    /// First day.
    pub from: Option<&'a str>,
    /// Last day.
    pub to: Option<&'a str>,
    /// Projects by name.
    pub projects: &'a [String],
    /// One session, by its global id.
    pub meeting: Option<&'a str>,
    /// One participant (a payment statement), by their global id.
    pub person: Option<&'a str>,
    /// Include private reflections.
    pub include_private: bool,
    /// Mark a claim pack's lines as claimed once it is written.
    pub mark_claimed: bool,
    /// `--names` as given: "full" keeps names; anything else (the default) uses roles.
    pub names: Option<&'a str>,
    /// Leave money out.
    pub leave_out_money: bool,
    /// `--lang`, when given (else the language chosen in Settings).
    pub language: Option<alongside_core::words::Language>,
    /// Follow the report with the same report in the other language.
    pub bilingual: bool,
    /// Output file.
    pub out: &'a Path,
    /// Print the result as JSON.
    pub json: bool,
}

/// What `export --json` prints.
#[derive(serde::Serialize)]
struct Exported<'a> {
    /// The report's command-line name (`all` for the complete export).
    report: &'a str,
    /// The format (its file extension).
    format: &'a str,
    /// The file written.
    path: String,
    /// Its size in bytes.
    bytes: u64,
    /// How many contributions were marked "claim submitted" (`--mark-claimed`), else null.
    marked_claimed: Option<u64>,
}

/// `alongside export`.
pub async fn export(pool: &SqlitePool, args: ExportArgs<'_>) -> Result<u8, CliError> {
    let format = Format::parse(args.format)
        .ok_or_else(|| CliError::Plain(USAGE, format!("Unknown format \"{}\".", args.format)))?;
    let Some(report) = ReportKind::parse(args.report) else {
        return export_everything(pool, &args, format).await;
    };
    if args.meeting.is_some() && !matches!(report, ReportKind::Meeting | ReportKind::Finance) {
        return Err(CliError::Plain(
            USAGE,
            "--meeting is for one session: use it with --report meeting or --report finance."
                .into(),
        ));
    }
    let options = ExportOptions {
        report,
        format,
        selection: Selection {
            from: args.from.map(str::to_owned),
            to: args.to.map(str::to_owned),
            project_ids: project_ids_named(pool, args.projects).await?,
            meeting_uid: args.meeting.map(str::to_owned),
            person_uid: args.person.map(str::to_owned),
        },
        include_private: args.include_private,
        names: if args.names == Some("full") {
            Names::Full
        } else {
            Names::Roles
        },
        leave_out_money: args.leave_out_money,
        language: match args.language {
            Some(lang) => lang,
            None => {
                alongside_core::records::preferences::load(pool)
                    .await?
                    .language
            }
        },
        bilingual: args.bilingual,
    };
    alongside_export::check(&options).map_err(|e| CliError::Plain(USAGE, e.to_string()))?;
    if args.mark_claimed && report != ReportKind::Claim {
        return Err(CliError::Plain(
            USAGE,
            "--mark-claimed is for a claim pack: use it with --report claim.".into(),
        ));
    }
    let today = alongside_core::clock::local_today();
    let to_mark = if args.mark_claimed {
        alongside_export::claim_scope(pool, &options, today)
            .await?
            .contributions
    } else {
        Vec::new()
    };
    let never = AtomicBool::new(false);
    let started = std::time::Instant::now();
    let spinner = Progress::spinner("Reading your records");
    let written = alongside_export::export_to_file(pool, &options, today, args.out, &never, |s| {
        spinner.say(match s {
            Stage::Reading => "Reading your records",
            Stage::Rendering => "Laying out the report",
            Stage::Saving => "Saving the file",
        });
    })
    .await?;
    drop(spinner);
    let seconds = started.elapsed().as_secs_f64();
    let day = today.format("%Y-%m-%d").to_string();
    let marked = if args.mark_claimed {
        Some(claims::mark_submitted(pool, &to_mark, &day).await?)
    } else {
        None
    };
    if args.json {
        let exported = Exported {
            report: report.as_str(),
            format: format.extension(),
            path: written.path,
            bytes: written.bytes,
            marked_claimed: marked,
        };
        return output::json(&exported).map(|()| OK);
    }
    println!(
        "Wrote {} ({} bytes) in {seconds:.2} s.",
        written.path, written.bytes
    );
    if let Some(marked) = marked {
        println!(
            "Marked {} as claim submitted on {day}.",
            count(
                usize::try_from(marked).unwrap_or(usize::MAX),
                "contribution",
                "contributions"
            )
        );
    }
    Ok(OK)
}

/// What `claim-details` was given to change (each `None` is left as saved).
pub struct ClaimDetailsArgs<'a> {
    /// The claimant's name.
    pub name: Option<&'a str>,
    /// Their address.
    pub address: Option<&'a str>,
    /// The organisation's reference for them.
    pub payee_reference: Option<&'a str>,
    /// What the organisation calls it.
    pub payee_reference_label: Option<&'a str>,
    /// The cost code.
    pub cost_code: Option<&'a str>,
    /// What the organisation calls it.
    pub cost_code_label: Option<&'a str>,
}

/// Shows one organisation's claim details, after saving any given.
pub async fn claim_details(
    pool: &SqlitePool,
    organisation: &str,
    given: &ClaimDetailsArgs<'_>,
) -> Result<u8, CliError> {
    let saved = claims::details(pool, organisation).await?;
    let mut details = saved.clone().unwrap_or_else(|| claims::ClaimDetails {
        organisation: organisation.trim().to_owned(),
        ..claims::ClaimDetails::default()
    });
    let changes = [
        (given.name, &mut details.name),
        (given.address, &mut details.address),
        (given.payee_reference, &mut details.payee_reference),
        (
            given.payee_reference_label,
            &mut details.payee_reference_label,
        ),
        (given.cost_code, &mut details.cost_code),
        (given.cost_code_label, &mut details.cost_code_label),
    ];
    let mut changed = false;
    for (value, field) in changes {
        if let Some(v) = value {
            *field = v.trim().to_owned();
            changed = true;
        }
    }
    if changed {
        details = claims::save_details(pool, &details).await?;
        eprintln!("Saved the claim details for {}.", details.organisation);
    } else if saved.is_none() {
        eprintln!(
            "No claim details are saved for {} yet; give --name, --address and the rest to save them.",
            organisation.trim()
        );
        return Ok(OK);
    }
    println!("organisation\t{}", details.organisation);
    println!("name\t{}", details.name);
    println!("address\t{}", details.address.replace('\n', ", "));
    println!("{}\t{}", details.reference_label(), details.payee_reference);
    println!("{}\t{}", details.code_label(), details.cost_code);
    Ok(OK)
}

async fn export_everything(
    pool: &SqlitePool,
    args: &ExportArgs<'_>,
    format: Format,
) -> Result<u8, CliError> {
    if format != Format::Json {
        return Err(CliError::Plain(
            USAGE,
            "--report all is written as JSON only (--format json).".into(),
        ));
    }
    if args.from.is_some() || args.to.is_some() || !args.projects.is_empty() || args.names.is_some()
    {
        return Err(CliError::Plain(
            USAGE,
            "--report all exports everything: --from, --to, --project and --names do not apply."
                .into(),
        ));
    }
    let everything = json::export_all(pool, args.include_private).await?;
    let text = serde_json::to_vec_pretty(&everything)
        .map_err(|e| CliError::Plain(RUNTIME, format!("Could not write the export: {e}.")))?;
    write_atomic(args.out, &text).map_err(|e| {
        CliError::Plain(
            RUNTIME,
            format!("Could not write {}: {e}.", args.out.display()),
        )
    })?;
    let c = everything.counts();
    if args.json {
        let exported = Exported {
            report: "all",
            format: Format::Json.extension(),
            path: args.out.display().to_string(),
            bytes: u64::try_from(text.len()).unwrap_or(u64::MAX),
            marked_claimed: None,
        };
        return output::json(&exported).map(|()| OK);
    }
    println!(
        "Wrote {} ({} contributions, {} reflections{}).",
        args.out.display(),
        c.contributions,
        c.reflections,
        if args.include_private {
            ", private ones included"
        } else {
            "; private ones left out"
        }
    );
    Ok(OK)
}

/// `alongside search`.
pub async fn search(
    pool: &SqlitePool,
    query: &str,
    limit: u32,
    json: bool,
) -> Result<u8, CliError> {
    let hits = search::search(pool, query, limit, Privacy::LeaveOutPrivate).await?;
    if json {
        return output::json(&serde_json::json!({ "hits": hits })).map(|()| OK);
    }
    for hit in &hits {
        let snippet: String = hit
            .snippet
            .iter()
            .map(|p| {
                if p.hit {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect::<String>()
            .replace(['\n', '\t'], " ");
        println!(
            "{}\t{}\t{}\t{}\t{}",
            hit.kind.noun(),
            hit.uid,
            hit.date.as_deref().unwrap_or("-"),
            hit.title.replace('\t', " "),
            snippet
        );
    }
    if hits.is_empty() {
        eprintln!("Nothing matched.");
    }
    Ok(OK)
}
