//! CSV import of contributions (with one optional expense line per row) from a spreadsheet.
//! Columns are matched to fields by their headers (or by a mapping the person chooses); every
//! row is checked first and every problem reported with its line; then all rows are written in
//! one transaction, or none.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::SqlitePool;

use super::{ImportReport, MAX_IMPORT_BYTES};
use crate::error::{CoreError, CoreResult};
use crate::records::choices::{
    choice, normalise, Activity, Approach, ExpenseKind, FeeArrangement, ProjectStatus, Vehicle,
};
use crate::records::money::{
    hours_to_minutes, mileage_pence, parse_minutes, parse_pounds, parse_tenth_miles,
};
use crate::records::preferences::{self, Preferences};
use crate::records::store::{insert_row, now_stamp};
use crate::records::{Contribution, Expense, Project, Record};

/// Most data rows in one CSV file.
pub const MAX_ROWS: usize = 200_000;

choice!(
    /// A contribution field a CSV column can fill.
    CsvField {
        /// Day of the work.
        Date = "date",
        /// Project name (created when new).
        Project = "project",
        /// Kind of work.
        Activity = "activity",
        /// Preparation minutes.
        PrepMinutes = "prep_minutes",
        /// Meeting minutes.
        MeetingMinutes = "meeting_minutes",
        /// Travel minutes.
        TravelMinutes = "travel_minutes",
        /// Preparation hours.
        PrepHours = "prep_hours",
        /// Meeting hours.
        MeetingHours = "meeting_hours",
        /// Travel hours.
        TravelHours = "travel_hours",
        /// What I contributed.
        Summary = "summary",
        /// Impact: what I said.
        ImpactSaid = "impact_said",
        /// Impact: what changed.
        ImpactChanged = "impact_changed",
        /// Impact: evidence.
        ImpactEvidence = "impact_evidence",
        /// Feedback received.
        Feedback = "feedback",
        /// Date of the feedback.
        FeedbackDate = "feedback_date",
        /// Fee arrangement.
        FeeArrangement = "fee_arrangement",
        /// Fee in pounds.
        Fee = "fee",
        /// Date the claim was sent.
        ClaimSubmitted = "claim_submitted_on",
        /// Date it was paid.
        Paid = "paid_on",
        /// Kind of expense.
        ExpenseKind = "expense_kind",
        /// Expense in pounds.
        ExpenseAmount = "expense_amount",
        /// Miles driven.
        Miles = "miles",
        /// Pence per mile.
        PencePerMile = "pence_per_mile",
        /// Receipt or note for the expense.
        ExpenseNote = "expense_note",
        /// Tags, separated by semicolons.
        Tags = "tags",
    }
);

impl CsvField {
    fn aliases(self) -> &'static [&'static str] {
        match self {
            CsvField::Date => &["day", "when", "date of work"],
            CsvField::Project => &["project name", "study", "project title"],
            CsvField::Activity => &["type", "activity type", "what kind"],
            CsvField::PrepMinutes => &[
                "prep",
                "prep mins",
                "preparation",
                "preparation mins",
                "prep minutes",
            ],
            CsvField::MeetingMinutes => &["meeting", "meeting mins", "minutes", "time", "duration"],
            CsvField::TravelMinutes => &["travel", "travel mins", "travel time"],
            CsvField::PrepHours => &["prep hrs", "preparation hrs"],
            CsvField::MeetingHours => &["hours", "meeting hrs"],
            CsvField::TravelHours => &["travel hrs"],
            CsvField::Summary => &["contribution", "description", "notes", "what i did"],
            CsvField::ImpactSaid => &["i said", "said"],
            CsvField::ImpactChanged => &["changed", "what changed as a result", "we did"],
            CsvField::ImpactEvidence => &["evidence of change"],
            CsvField::Feedback => &["feedback received"],
            CsvField::FeedbackDate => &["date of feedback"],
            CsvField::FeeArrangement => &["fee status", "payment arrangement", "arrangement"],
            CsvField::Fee => &["fee £", "fee gbp", "payment", "fee amount", "amount"],
            CsvField::ClaimSubmitted => &["claimed", "claimed on", "claim date", "date claimed"],
            CsvField::Paid => &["paid", "date paid", "payment date"],
            CsvField::ExpenseKind => &["expense type", "expense"],
            CsvField::ExpenseAmount => &["expenses", "expenses £", "expense £", "expense gbp"],
            CsvField::Miles => &["mileage", "distance", "miles driven"],
            CsvField::PencePerMile => &["rate per mile", "mileage rate", "ppm"],
            CsvField::ExpenseNote => &["receipt", "receipt note"],
            CsvField::Tags => &["tag", "labels"],
        }
    }

    /// The field a header most likely means, if any.
    pub fn guess(header: &str) -> Option<CsvField> {
        let wanted = normalise(header);
        CsvField::parse(header).or_else(|| {
            CsvField::ALL
                .iter()
                .copied()
                .find(|f| f.aliases().iter().any(|a| normalise(a) == wanted))
        })
    }
}

/// Which field one column fills (`None`: the column is not used).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ColumnMap {
    /// The column's header.
    pub column: String,
    /// The field it fills.
    pub field: Option<CsvField>,
}

fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

fn reader(bytes: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(without_bom(bytes))
}

/// The file's headers with the field each is guessed to fill.
pub fn guess_columns(bytes: &[u8]) -> CoreResult<Vec<ColumnMap>> {
    let headers = reader(bytes)
        .headers()
        .map_err(|_| {
            CoreError::invalid(
                "file",
                "The first line of the file could not be read as column headers.",
            )
        })?
        .clone();
    Ok(headers
        .iter()
        .map(|h| ColumnMap {
            column: h.to_owned(),
            field: CsvField::guess(h),
        })
        .collect())
}

struct Row<'a> {
    line: u64,
    cells: HashMap<CsvField, (&'a str, &'a str)>,
}

impl Row<'_> {
    fn get(&self, field: CsvField) -> Option<&str> {
        self.cells
            .get(&field)
            .map(|(_, v)| *v)
            .filter(|v| !v.is_empty())
    }

    fn column(&self, field: CsvField) -> String {
        self.cells
            .get(&field)
            .map(|(h, _)| (*h).to_owned())
            .unwrap_or_else(|| field.label().to_owned())
    }
}

/// Reads a date written `2026-03-31`, `31/03/2026` or `31/3/26` (day first, as in the UK).
pub fn parse_date(text: &str) -> Option<String> {
    let t = text.trim();
    ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%d-%m-%Y"]
        .iter()
        .find_map(|f| chrono::NaiveDate::parse_from_str(t, f).ok())
        .map(|d| d.format("%Y-%m-%d").to_string())
        .filter(|d| crate::records::validate::date("date", d).is_ok())
}

struct RowReader<'r> {
    report: &'r mut ImportReport,
    ok: bool,
}

impl RowReader<'_> {
    fn fail(&mut self, row: &Row, field: CsvField, message: impl Into<String>) {
        self.ok = false;
        self.report
            .problem(Some(row.line), row.column(field), message);
    }

    fn date(&mut self, row: &Row, field: CsvField) -> Option<String> {
        let text = row.get(field)?;
        let parsed = parse_date(text);
        if parsed.is_none() {
            self.fail(
                row,
                field,
                format!("\"{text}\" is not a date that exists (use 2026-03-31 or 31/03/2026)."),
            );
        }
        parsed
    }

    fn minutes(&mut self, row: &Row, minutes: CsvField, hours: CsvField) -> i64 {
        if let Some(text) = row.get(minutes) {
            return parse_minutes(text).unwrap_or_else(|| {
                self.fail(
                    row,
                    minutes,
                    format!("\"{text}\" is not a number of minutes (0 or more)."),
                );
                0
            });
        }
        if let Some(text) = row.get(hours) {
            return hours_to_minutes(text.trim_end_matches(['h', 'H'])).unwrap_or_else(|| {
                self.fail(
                    row,
                    hours,
                    format!("\"{text}\" is not a number of hours (0 or more)."),
                );
                0
            });
        }
        0
    }

    fn pounds(&mut self, row: &Row, field: CsvField) -> Option<i64> {
        let text = row.get(field)?;
        let pence = parse_pounds(text);
        if pence.is_none() {
            self.fail(
                row,
                field,
                format!("\"{text}\" is not an amount in pounds (0 or more, like 12.50)."),
            );
        }
        pence
    }

    fn choice<C>(
        &mut self,
        row: &Row,
        field: CsvField,
        parse: impl Fn(&str) -> Option<C>,
        all: &str,
    ) -> Option<C> {
        let text = row.get(field)?;
        let parsed = parse(text);
        if parsed.is_none() {
            self.fail(row, field, format!("\"{text}\" is not one of: {all}."));
        }
        parsed
    }
}

fn labels<C: Copy>(all: &[C], label: impl Fn(C) -> &'static str) -> String {
    all.iter().map(|c| label(*c)).collect::<Vec<_>>().join(", ")
}

/// Turns one row into a contribution (project id filled in later), reporting problems.
fn read_row(
    row: &Row,
    prefs: &Preferences,
    report: &mut ImportReport,
) -> Option<(String, Contribution)> {
    let mut r = RowReader { report, ok: true };
    let date = r.date(row, CsvField::Date);
    if row.get(CsvField::Date).is_none() {
        r.fail(row, CsvField::Date, "Every row needs a date.");
    }
    let project = row.get(CsvField::Project).map(str::to_owned);
    if project.is_none() {
        r.fail(row, CsvField::Project, "Every row needs a project name.");
    }
    let activity = r
        .choice(
            row,
            CsvField::Activity,
            Activity::parse,
            &labels(Activity::ALL, Activity::label),
        )
        .unwrap_or(Activity::Meeting);
    let prep = r.minutes(row, CsvField::PrepMinutes, CsvField::PrepHours);
    let meeting = r.minutes(row, CsvField::MeetingMinutes, CsvField::MeetingHours);
    let travel = r.minutes(row, CsvField::TravelMinutes, CsvField::TravelHours);
    let fee = r.pounds(row, CsvField::Fee).unwrap_or(0);
    let arrangement = r
        .choice(
            row,
            CsvField::FeeArrangement,
            FeeArrangement::parse,
            &labels(FeeArrangement::ALL, FeeArrangement::label),
        )
        .unwrap_or(if fee > 0 {
            FeeArrangement::Fee
        } else {
            FeeArrangement::Unpaid
        });
    let feedback_date = r.date(row, CsvField::FeedbackDate);
    let claim_submitted_on = r.date(row, CsvField::ClaimSubmitted);
    let paid_on = r.date(row, CsvField::Paid);

    let mut expenses = Vec::new();
    let miles_text = row.get(CsvField::Miles);
    let amount = r.pounds(row, CsvField::ExpenseAmount);
    let kind = r.choice(
        row,
        CsvField::ExpenseKind,
        ExpenseKind::parse,
        &labels(ExpenseKind::ALL, ExpenseKind::label),
    );
    let note = row.get(CsvField::ExpenseNote).unwrap_or("").to_owned();
    if let Some(text) = miles_text {
        match parse_tenth_miles(text) {
            None => r.fail(
                row,
                CsvField::Miles,
                format!("\"{text}\" is not a distance in miles (like 12.5)."),
            ),
            Some(tenths) => {
                let given = row.get(CsvField::PencePerMile);
                let rate = match given {
                    Some(t) => t.parse::<i64>().ok().filter(|p| *p >= 0).or_else(|| {
                        r.fail(row, CsvField::PencePerMile, format!("\"{t}\" is not a whole number of pence."));
                        None
                    }),
                    None => date.as_deref().and_then(|d| prefs.mileage_rate_on(Vehicle::Car, d)).or_else(|| {
                        r.fail(
                            row,
                            CsvField::Miles,
                            "There is no mileage rate for this date: add a \"Pence per mile\" column, or enter your rate in Settings first.",
                        );
                        None
                    }),
                };
                if let Some(rate) = rate {
                    match mileage_pence(tenths, rate) {
                        Ok(pence) => expenses.push(Expense {
                            kind: ExpenseKind::Mileage,
                            amount_pence: pence,
                            tenth_miles: Some(tenths),
                            pence_per_mile: Some(rate),
                            note: note.clone(),
                            uid: String::new(),
                        }),
                        Err(_) => {
                            r.fail(row, CsvField::Miles, "That journey is too long to add up.")
                        }
                    }
                }
            }
        }
    } else if let Some(amount) = amount {
        expenses.push(Expense {
            kind: kind
                .filter(|k| *k != ExpenseKind::Mileage)
                .unwrap_or(ExpenseKind::Other),
            amount_pence: amount,
            tenth_miles: None,
            pence_per_mile: None,
            note,
            uid: String::new(),
        });
    }
    let tags = row
        .get(CsvField::Tags)
        .map(|t| {
            t.split(';')
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let text = |f: CsvField| row.get(f).unwrap_or("").to_owned();
    let contribution = Contribution {
        project_id: 0,
        meeting_id: None,
        date: date.clone().unwrap_or_default(),
        activity,
        prep_minutes: prep,
        meeting_minutes: meeting,
        travel_minutes: travel,
        summary: text(CsvField::Summary),
        impact_said: text(CsvField::ImpactSaid),
        impact_changed: text(CsvField::ImpactChanged),
        impact_evidence: text(CsvField::ImpactEvidence),
        feedback: text(CsvField::Feedback),
        feedback_date,
        fee_arrangement: arrangement,
        fee_pence: fee,
        claim_submitted_on,
        paid_on,
        expenses,
        tags,
        ..Default::default()
    };
    if r.ok {
        if let Err(err) = contribution.validate() {
            let place = match &err {
                CoreError::InvalidInput { field: Some(f), .. } => CsvField::parse(f)
                    .map(|cf| row.column(cf))
                    .unwrap_or_else(|| f.clone()),
                _ => "row".to_owned(),
            };
            r.ok = false;
            r.report.problem(Some(row.line), place, err.to_string());
        }
    }
    (r.ok && date.is_some()).then(|| (project.unwrap_or_default(), contribution))
}

/// Imports contributions from CSV. `mapping` overrides the guessed field of named columns.
pub async fn import(
    pool: &SqlitePool,
    bytes: &[u8],
    mapping: &[ColumnMap],
    dry_run: bool,
) -> CoreResult<ImportReport> {
    let mut report = ImportReport::new(dry_run);
    if bytes.len() > MAX_IMPORT_BYTES {
        report.problem(
            None,
            "file",
            "The file is too large to import (over 256 MB).",
        );
        return Ok(report);
    }
    if std::str::from_utf8(without_bom(bytes)).is_err() {
        report.problem(None, "file", "This is not a text file in UTF-8. Save the spreadsheet as \"CSV UTF-8\" and try again.");
        return Ok(report);
    }
    let mut csv = reader(bytes);
    let headers = match csv.headers() {
        Ok(h) => h.clone(),
        Err(_) => {
            report.problem(
                Some(1),
                "headers",
                "The first line could not be read as column headers.",
            );
            return Ok(report);
        }
    };
    let mut fields: Vec<Option<CsvField>> = headers
        .iter()
        .map(|h| match mapping.iter().find(|m| m.column == h) {
            Some(m) => m.field,
            None => CsvField::guess(h),
        })
        .collect();
    // A field filled by two columns keeps the first.
    let mut seen = Vec::new();
    for f in fields.iter_mut() {
        if let Some(field) = *f {
            if seen.contains(&field) {
                *f = None;
            } else {
                seen.push(field);
            }
        }
    }
    report.ignored_columns = headers
        .iter()
        .zip(&fields)
        .filter(|(_, f)| f.is_none())
        .map(|(h, _)| h.to_owned())
        .collect();
    for required in [CsvField::Date, CsvField::Project] {
        if !fields.contains(&Some(required)) {
            report.problem(
                Some(1),
                "headers",
                format!(
                    "No column is used for \"{}\". Name a column \"{}\" or choose one for it.",
                    required.label(),
                    required.label()
                ),
            );
        }
    }
    if !report.is_clean() {
        return Ok(report);
    }
    let prefs = preferences::load(pool).await?;
    let mut rows: Vec<(u64, String, Contribution)> = Vec::new();
    for (i, record) in csv.records().enumerate() {
        if i >= MAX_ROWS {
            report.problem(
                None,
                "file",
                format!("The file has more than {MAX_ROWS} rows; split it into smaller files."),
            );
            break;
        }
        let record = match record {
            Ok(r) => r,
            Err(err) => {
                let line = err.position().map(|p| p.line());
                let message = match err.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => {
                        format!("This row has {len} cells; the header has {expected_len}.")
                    }
                    _ => "This row could not be read (check its quotes).".to_owned(),
                };
                report.problem(line, "row", message);
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(str::is_empty) {
            continue;
        }
        let cells = headers
            .iter()
            .zip(&fields)
            .zip(record.iter())
            .filter_map(|((h, f), v)| f.map(|f| (f, (h, v))))
            .collect();
        let row = Row { line, cells };
        if let Some((project, c)) = read_row(&row, &prefs, &mut report) {
            rows.push((line, project, c));
        }
    }
    if rows.is_empty() && report.is_clean() {
        report.problem(
            None,
            "file",
            "The file has no rows of data under its headers.",
        );
    }

    let mut tx = crate::records::store::write_tx(pool).await?;
    let existing: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, title FROM projects WHERE deleted_at IS NULL ORDER BY id")
            .fetch_all(&mut *tx)
            .await?;
    let mut project_ids: HashMap<String, Option<i64>> = HashMap::new();
    for (id, title) in existing {
        project_ids.entry(title.to_lowercase()).or_insert(Some(id));
    }
    for (_, name, _) in &rows {
        let key = name.to_lowercase();
        if let std::collections::hash_map::Entry::Vacant(slot) = project_ids.entry(key) {
            slot.insert(None);
            report.new_projects.push(name.clone());
        }
    }
    report.counts.contributions = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    report.counts.expenses =
        u32::try_from(rows.iter().map(|(_, _, c)| c.expenses.len()).sum::<usize>())
            .unwrap_or(u32::MAX);
    report.counts.projects = u32::try_from(report.new_projects.len()).unwrap_or(u32::MAX);
    if dry_run || !report.is_clean() {
        return Ok(report);
    }
    let now = now_stamp();
    for name in &report.new_projects {
        let project = Project {
            title: name.trim().to_owned(),
            organisation: String::new(),
            my_role: String::new(),
            approach: Approach::Engagement,
            status: ProjectStatus::Active,
            involvement: Default::default(),
            feedback_days: None,
            pay_within_days: None,
            cost_code: String::new(),
            start_date: None,
            end_date: None,
            lead_id: None,
            rate_cards: Vec::new(),
            notes: "Created by a spreadsheet import.".into(),
            tags: Vec::new(),
        };
        project.validate()?;
        let id = insert_row(&mut tx, None, None, &now, &now, &project).await?;
        project_ids.insert(name.to_lowercase(), Some(id));
    }
    for (_, name, mut c) in rows {
        c.project_id = project_ids
            .get(&name.to_lowercase())
            .copied()
            .flatten()
            .ok_or_else(|| CoreError::Internal("A project disappeared during import.".into()))?;
        insert_row(&mut tx, None, None, &now, &now, &c).await?;
    }
    crate::records::search::optimise(&mut tx).await?;
    tx.commit().await?;
    report.written = true;
    Ok(report)
}
