//! The dashboard's figures: hours this month and year, money owed, actions overdue, meetings
//! coming up and when the user last reflected. Facts only, worked out for a given day.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use specta::Type;
use sqlx::{Row, SqliteConnection, SqlitePool};

use super::choices::{Activity, MeetingKind};
use super::contributions::PAYABLE_FEE_SQL;
use super::preferences::Preferences;
use crate::error::CoreResult;

/// Minutes worked in a period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Type)]
pub struct Hours {
    /// First day of the period.
    pub from: String,
    /// Last day of the period.
    pub to: String,
    /// All minutes.
    pub minutes: i64,
    /// Minutes preparing.
    pub prep_minutes: i64,
    /// Minutes in meetings or doing the work.
    pub meeting_minutes: i64,
    /// Minutes travelling.
    pub travel_minutes: i64,
    /// How many contributions.
    pub contributions: i64,
}

/// Minutes on one project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ProjectMinutes {
    /// The project.
    pub project_id: i64,
    /// Its name.
    pub title: String,
    /// Minutes.
    pub minutes: i64,
}

/// Minutes on one kind of activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ActivityMinutes {
    /// The activity.
    pub activity: Activity,
    /// Minutes.
    pub minutes: i64,
}

/// A claim sent and not yet paid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct UnpaidClaim {
    /// The contribution claimed for.
    pub contribution_id: i64,
    /// Its project.
    pub project_title: String,
    /// Day of the work.
    pub date: String,
    /// Day the claim was sent.
    pub claim_submitted_on: String,
    /// Fee and expenses claimed, in pence.
    pub amount_pence: i64,
    /// Days since the claim was sent.
    pub days_waiting: i64,
}

/// Money facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct MoneySummary {
    /// First day of the current tax year.
    pub tax_year_from: String,
    /// Claims sent this tax year, in pence.
    pub claimed_this_tax_year_pence: i64,
    /// Paid this tax year, in pence.
    pub paid_this_tax_year_pence: i64,
    /// Claimed and not yet paid (any year), in pence.
    pub outstanding_pence: i64,
    /// How many claims are waiting.
    pub outstanding_claims: i64,
    /// The claim waiting longest.
    pub oldest_unpaid: Option<UnpaidClaim>,
    /// Fees and expenses not yet claimed, in pence.
    pub to_claim_pence: i64,
    /// How many contributions have money not yet claimed.
    pub to_claim_count: i64,
}

/// An action on the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ActionLine {
    /// The action.
    pub id: i64,
    /// What is to be done.
    pub title: String,
    /// When it was due.
    pub due_date: String,
    /// Its project, if any.
    pub project_title: Option<String>,
    /// Days past due.
    pub days_overdue: i64,
    /// Who owns it, when someone else does: a person's name or "The team".
    pub owner: Option<String>,
}

/// A meeting on the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct MeetingLine {
    /// The meeting.
    pub id: i64,
    /// Its name.
    pub title: String,
    /// Its kind.
    pub kind: MeetingKind,
    /// Day.
    pub date: String,
    /// Start time, if set.
    pub start_time: Option<String>,
    /// Its project.
    pub project_title: String,
}

/// A contribution still waiting for feedback.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct WaitingLine {
    /// The contribution.
    pub id: i64,
    /// Day of the work.
    pub date: String,
    /// Its project.
    pub project_title: String,
    /// What the user contributed (its first line as written).
    pub summary: String,
    /// Whole weeks since the work.
    pub weeks_waiting: i64,
}

/// The user's pace: this week's time against their own limit, and a pause if one is on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Pace {
    /// Monday to Sunday holding today.
    pub week: Hours,
    /// The user's weekly limit on time, in minutes, if set.
    pub weekly_minutes_limit: Option<i64>,
    /// Whether this week's time is over that limit.
    pub over_weekly_minutes: bool,
    /// The last day of a pause still on (today or later).
    pub paused_until: Option<String>,
}

/// Everything the dashboard shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Dashboard {
    /// The day the figures are for.
    pub today: String,
    /// This calendar month.
    pub month: Hours,
    /// This calendar year.
    pub year: Hours,
    /// This year's minutes by project, most first.
    pub year_by_project: Vec<ProjectMinutes>,
    /// This year's minutes by activity, most first.
    pub year_by_activity: Vec<ActivityMinutes>,
    /// Money.
    pub money: MoneySummary,
    /// Open actions past their due date, oldest first (up to 10).
    pub overdue_actions: Vec<ActionLine>,
    /// How many actions are overdue in all.
    pub overdue_count: i64,
    /// On projects the user runs: open actions owned by someone else (a person or the team)
    /// past their due date, oldest first (up to 10).
    pub others_overdue: Vec<ActionLine>,
    /// Contributions to projects others run that have no feedback yet (dated up to today).
    pub waiting_for_feedback: i64,
    /// Of those, how many have waited longer than the user's weeks (in limbo).
    pub limbo_count: i64,
    /// The longest waiting of those (up to 10), oldest first.
    pub limbo: Vec<WaitingLine>,
    /// The weeks a contribution may wait before it counts as in limbo (the user's choice).
    pub feedback_wait_weeks: u32,
    /// This week's time, the user's limit and any pause.
    pub pace: Pace,
    /// The next meetings (up to 5).
    pub upcoming_meetings: Vec<MeetingLine>,
    /// Days since the last reflection (none when there are no reflections).
    pub days_since_reflection: Option<i64>,
    /// A recent meeting (last 14 days) with no reflection yet, for a gentle prompt.
    pub reflect_on: Option<MeetingLine>,
    /// The last backup and whether another is due.
    pub backup: crate::backup::BackupState,
}

fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn days_between(from: &str, to: NaiveDate) -> i64 {
    NaiveDate::parse_from_str(from, "%Y-%m-%d")
        .map(|f| (to - f).num_days())
        .unwrap_or(0)
}

async fn hours(conn: &mut SqliteConnection, from: NaiveDate, to: NaiveDate) -> CoreResult<Hours> {
    let row = sqlx::query(
        "SELECT ifnull(sum(prep_minutes), 0) AS p, ifnull(sum(meeting_minutes), 0) AS m,
                ifnull(sum(travel_minutes), 0) AS t, count(*) AS n
         FROM contributions WHERE deleted_at IS NULL AND date BETWEEN ? AND ?",
    )
    .bind(day(from))
    .bind(day(to))
    .fetch_one(&mut *conn)
    .await?;
    let (p, m, t): (i64, i64, i64) = (row.try_get("p")?, row.try_get("m")?, row.try_get("t")?);
    Ok(Hours {
        from: day(from),
        to: day(to),
        minutes: p + m + t,
        prep_minutes: p,
        meeting_minutes: m,
        travel_minutes: t,
        contributions: row.try_get("n")?,
    })
}

async fn money(
    conn: &mut SqliteConnection,
    today: NaiveDate,
    prefs: &Preferences,
) -> CoreResult<MoneySummary> {
    let tax_from = day(prefs.tax_year_start(today));
    let sum_between = |column: &str| {
        format!(
            "SELECT ifnull(sum(c.claim_pence), 0) FROM contributions c
             WHERE c.{column} IS NOT NULL AND c.{column} BETWEEN ? AND ? AND c.deleted_at IS NULL"
        )
    };
    let claimed: i64 = sqlx::query_scalar(&sum_between("claim_submitted_on"))
        .bind(&tax_from)
        .bind(day(today))
        .fetch_one(&mut *conn)
        .await?;
    let paid: i64 = sqlx::query_scalar(&sum_between("paid_on"))
        .bind(&tax_from)
        .bind(day(today))
        .fetch_one(&mut *conn)
        .await?;
    let waiting = "SELECT ifnull(sum(c.claim_pence), 0), count(*) FROM contributions c
         WHERE c.paid_on IS NULL AND c.claim_submitted_on IS NOT NULL AND c.deleted_at IS NULL";
    let (outstanding, outstanding_claims): (i64, i64) =
        sqlx::query_as(waiting).fetch_one(&mut *conn).await?;
    let oldest = "SELECT c.id, p.title, c.date, c.claim_submitted_on, c.claim_pence AS amount
         FROM contributions c JOIN projects p ON p.id = c.project_id
         WHERE c.paid_on IS NULL AND c.claim_submitted_on IS NOT NULL AND c.deleted_at IS NULL
         ORDER BY c.claim_submitted_on, c.id LIMIT 1";
    let oldest_unpaid = sqlx::query_as::<_, (i64, String, String, String, i64)>(oldest)
        .fetch_optional(&mut *conn)
        .await?
        .map(|(id, title, date, sent, amount)| UnpaidClaim {
            contribution_id: id,
            project_title: title,
            days_waiting: days_between(&sent, today),
            date,
            claim_submitted_on: sent,
            amount_pence: amount,
        });
    let to_claim = "SELECT ifnull(sum(c.claim_pence), 0), count(*) FROM contributions c
         WHERE c.deleted_at IS NULL AND c.claim_submitted_on IS NULL AND c.paid_on IS NULL
           AND c.claim_pence > 0";
    let (to_claim_pence, to_claim_count): (i64, i64) =
        sqlx::query_as(to_claim).fetch_one(&mut *conn).await?;
    Ok(MoneySummary {
        tax_year_from: tax_from,
        claimed_this_tax_year_pence: claimed,
        paid_this_tax_year_pence: paid,
        outstanding_pence: outstanding,
        outstanding_claims,
        oldest_unpaid,
        to_claim_pence,
        to_claim_count,
    })
}

const MEETING_LINE_SQL: &str = "SELECT m.id, m.title, m.kind, m.date, m.start_time, p.title
    FROM meetings m JOIN projects p ON p.id = m.project_id WHERE m.deleted_at IS NULL";

async fn meeting_lines(
    conn: &mut SqliteConnection,
    sql: &str,
    today: &str,
) -> CoreResult<Vec<MeetingLine>> {
    let rows: Vec<(i64, String, String, String, Option<String>, String)> = sqlx::query_as(sql)
        .bind(today)
        .fetch_all(&mut *conn)
        .await?;
    rows.into_iter()
        .map(|(id, title, kind, date, start_time, project_title)| {
            Ok(MeetingLine {
                id,
                title,
                kind: MeetingKind::from_stored(&kind)?,
                date,
                start_time,
                project_title,
            })
        })
        .collect()
}

/// Contributions to projects others run, with no feedback, whose work was `weeks` or more
/// before `today`: the condition shared by the dashboard and the reminder.
const LIMBO_SQL: &str = "FROM contributions c JOIN projects p ON p.id = c.project_id
    WHERE c.deleted_at IS NULL AND p.deleted_at IS NULL AND p.involvement != 'run'
      AND trim(c.feedback) = '' AND c.feedback_date IS NULL
      AND c.date <= date(?, '-' || (? * 7) || ' days')";

/// The ids of the contributions waiting for feedback longer than `weeks` (for the reminder).
pub async fn waiting_for_feedback_ids(
    pool: &SqlitePool,
    today: NaiveDate,
    weeks: u32,
) -> CoreResult<Vec<i64>> {
    Ok(
        sqlx::query_scalar(&format!("SELECT c.id {LIMBO_SQL} ORDER BY c.id"))
            .bind(day(today))
            .bind(weeks)
            .fetch_all(pool)
            .await?,
    )
}

async fn limbo_count(conn: &mut SqliteConnection, today: NaiveDate, weeks: u32) -> CoreResult<i64> {
    Ok(sqlx::query_scalar(&format!("SELECT count(*) {LIMBO_SQL}"))
        .bind(day(today))
        .bind(weeks)
        .fetch_one(&mut *conn)
        .await?)
}

async fn limbo(
    conn: &mut SqliteConnection,
    today: NaiveDate,
    weeks: u32,
) -> CoreResult<(i64, Vec<WaitingLine>)> {
    let count = limbo_count(conn, today, weeks).await?;
    let rows: Vec<(i64, String, String, String)> = sqlx::query_as(&format!(
        "SELECT c.id, c.date, p.title, c.summary {LIMBO_SQL} ORDER BY c.date, c.id LIMIT 10"
    ))
    .bind(day(today))
    .bind(weeks)
    .fetch_all(&mut *conn)
    .await?;
    let lines = rows
        .into_iter()
        .map(|(id, date, project_title, summary)| WaitingLine {
            id,
            weeks_waiting: days_between(&date, today) / 7,
            summary: summary.lines().next().unwrap_or("").to_owned(),
            date,
            project_title,
        })
        .collect();
    Ok((count, lines))
}

async fn pace(
    conn: &mut SqliteConnection,
    today: NaiveDate,
    prefs: &Preferences,
) -> CoreResult<Pace> {
    let monday = super::periods::week_start(today);
    let week = hours(conn, monday, monday + chrono::Days::new(6)).await?;
    let limit = prefs.weekly_minutes_limit;
    Ok(Pace {
        over_weekly_minutes: limit.is_some_and(|l| week.minutes > l),
        weekly_minutes_limit: limit,
        week,
        paused_until: prefs
            .paused_on(today)
            .then(|| prefs.paused_until.clone())
            .flatten(),
    })
}

/// Works out the dashboard for `today`.
pub async fn dashboard(pool: &SqlitePool, today: NaiveDate) -> CoreResult<Dashboard> {
    let prefs = super::preferences::load(pool).await?;
    let mut conn = pool.acquire().await?;
    let month_start = today.with_day(1).unwrap_or(today);
    let next_month = month_start
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(today);
    let month_end = next_month.pred_opt().unwrap_or(today);
    let year_start = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let year_end = NaiveDate::from_ymd_opt(today.year(), 12, 31).unwrap_or(today);
    let month = hours(&mut conn, month_start, month_end).await?;
    let year = hours(&mut conn, year_start, year_end).await?;

    let by_project: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT t.project_id, p.title, t.minutes FROM (
            SELECT project_id, sum(prep_minutes + meeting_minutes + travel_minutes) AS minutes
            FROM contributions WHERE deleted_at IS NULL AND date BETWEEN ? AND ?
            GROUP BY project_id) t
         JOIN projects p ON p.id = t.project_id ORDER BY t.minutes DESC, p.title",
    )
    .bind(day(year_start))
    .bind(day(year_end))
    .fetch_all(&mut *conn)
    .await?;
    let by_activity: Vec<(String, i64)> = sqlx::query_as(
        "SELECT activity, sum(prep_minutes + meeting_minutes + travel_minutes) AS minutes
         FROM contributions WHERE deleted_at IS NULL AND date BETWEEN ? AND ?
         GROUP BY activity ORDER BY minutes DESC, activity",
    )
    .bind(day(year_start))
    .bind(day(year_end))
    .fetch_all(&mut *conn)
    .await?;

    let money = money(&mut conn, today, &prefs).await?;

    let today_s = day(today);
    let overdue: Vec<ActionRow> = sqlx::query_as(
        "SELECT a.id, a.title, a.due_date, p.title, NULL FROM actions a
         LEFT JOIN projects p ON p.id = a.project_id
         WHERE a.deleted_at IS NULL AND a.status = 'open' AND a.due_date < ?
         ORDER BY a.due_date, a.id LIMIT 10",
    )
    .bind(&today_s)
    .fetch_all(&mut *conn)
    .await?;
    let others_overdue: Vec<ActionRow> = sqlx::query_as(
        "SELECT a.id, a.title, a.due_date, p.title,
                coalesce(o.name, CASE WHEN a.team_owned THEN 'The team' END)
         FROM actions a
         LEFT JOIN meetings m ON m.id = a.meeting_id
         JOIN projects p ON p.id = coalesce(a.project_id, m.project_id)
         LEFT JOIN people o ON o.id = a.owner_id AND o.deleted_at IS NULL
         WHERE a.deleted_at IS NULL AND a.status = 'open' AND a.due_date < ?
           AND p.deleted_at IS NULL AND p.involvement = 'run'
           AND (a.owner_id IS NOT NULL OR a.team_owned = 1)
         ORDER BY a.due_date, a.id LIMIT 10",
    )
    .bind(&today_s)
    .fetch_all(&mut *conn)
    .await?;
    let overdue_count: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM actions WHERE deleted_at IS NULL AND status = 'open' AND due_date < ?",
    )
    .bind(&today_s)
    .fetch_one(&mut *conn)
    .await?;
    // No feedback yet, however recent (waiting zero weeks).
    let waiting_for_feedback = limbo_count(&mut conn, today, 0).await?;
    let upcoming = meeting_lines(
        &mut conn,
        &format!("{MEETING_LINE_SQL} AND m.date >= ? ORDER BY m.date, m.start_time, m.id LIMIT 5"),
        &today_s,
    )
    .await?;
    let last_reflection: Option<String> = sqlx::query_scalar(
        "SELECT max(date) FROM reflections WHERE deleted_at IS NULL AND date <= ?",
    )
    .bind(&today_s)
    .fetch_one(&mut *conn)
    .await?;
    let fortnight_ago = day(today - chrono::Duration::days(14));
    let reflect_on = meeting_lines(
        &mut conn,
        &format!(
            "{MEETING_LINE_SQL} AND m.date <= ?1 AND m.date >= '{fortnight_ago}'
             AND NOT EXISTS (SELECT 1 FROM reflections r
                             WHERE r.meeting_id = m.id AND r.deleted_at IS NULL)
             ORDER BY m.date DESC, m.id DESC LIMIT 1"
        ),
        &today_s,
    )
    .await?
    .into_iter()
    .next();

    let (limbo_count, limbo) = limbo(&mut conn, today, prefs.feedback_wait_weeks).await?;
    let pace = pace(&mut conn, today, &prefs).await?;
    drop(conn);
    let backup = crate::backup::state(pool, today).await?;
    Ok(Dashboard {
        backup,
        today: today_s,
        month,
        year,
        year_by_project: by_project
            .into_iter()
            .map(|(project_id, title, minutes)| ProjectMinutes {
                project_id,
                title,
                minutes,
            })
            .collect(),
        year_by_activity: by_activity
            .into_iter()
            .map(|(a, minutes)| {
                Ok(ActivityMinutes {
                    activity: Activity::from_stored(&a)?,
                    minutes,
                })
            })
            .collect::<CoreResult<_>>()?,
        money,
        overdue_actions: action_lines(overdue, today),
        overdue_count,
        others_overdue: action_lines(others_overdue, today),
        waiting_for_feedback,
        limbo_count,
        limbo,
        feedback_wait_weeks: prefs.feedback_wait_weeks,
        pace,
        upcoming_meetings: upcoming,
        days_since_reflection: last_reflection.map(|d| days_between(&d, today)),
        reflect_on,
    })
}

/// An action as read for the dashboard: id, title, due date, project, owner.
type ActionRow = (i64, String, String, Option<String>, Option<String>);

fn action_lines(rows: Vec<ActionRow>, today: NaiveDate) -> Vec<ActionLine> {
    rows.into_iter()
        .map(|(id, title, due, project_title, owner)| ActionLine {
            id,
            title,
            days_overdue: days_between(&due, today),
            due_date: due,
            project_title,
            owner,
        })
        .collect()
}

/// One project's totals for its page: all its time and all its money, whatever the dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct ProjectTotals {
    /// Contributions logged.
    pub contributions: i64,
    /// Minutes in all, and split.
    pub minutes: i64,
    /// Preparation minutes.
    pub prep_minutes: i64,
    /// Meeting minutes.
    pub meeting_minutes: i64,
    /// Travel minutes.
    pub travel_minutes: i64,
    /// Meetings and sessions.
    pub meetings: i64,
    /// Reflections linked to the project (private ones included: this is the user's own page).
    pub reflections: i64,
    /// Fees paid to the user (payable arrangements only).
    pub fees_pence: i64,
    /// Expenses.
    pub expenses_pence: i64,
    /// Paid to the user.
    pub paid_pence: i64,
    /// Claimed and waiting to be paid.
    pub waiting_pence: i64,
    /// Not yet claimed.
    pub to_claim_pence: i64,
}

/// Totals for one project; `not_found` when there is no such project.
pub async fn project_totals(pool: &SqlitePool, project_id: i64) -> CoreResult<ProjectTotals> {
    let exists: Option<i64> =
        sqlx::query_scalar("SELECT id FROM projects WHERE id = ? AND deleted_at IS NULL")
            .bind(project_id)
            .fetch_optional(pool)
            .await?;
    if exists.is_none() {
        return Err(crate::error::CoreError::NotFound(
            "That project no longer exists.".into(),
        ));
    }
    let sql = format!(
        "SELECT count(*) AS n,
            ifnull(sum(c.prep_minutes), 0) AS p, ifnull(sum(c.meeting_minutes), 0) AS m,
            ifnull(sum(c.travel_minutes), 0) AS t,
            ifnull(sum({PAYABLE_FEE_SQL}), 0) AS fees,
            ifnull(sum(c.expenses_pence), 0) AS expenses,
            ifnull(sum(CASE WHEN c.paid_on IS NOT NULL THEN c.claim_pence END), 0) AS paid,
            ifnull(sum(CASE WHEN c.paid_on IS NULL AND c.claim_submitted_on IS NOT NULL
                       THEN c.claim_pence END), 0) AS waiting,
            ifnull(sum(CASE WHEN c.paid_on IS NULL AND c.claim_submitted_on IS NULL
                       THEN c.claim_pence END), 0) AS to_claim,
            (SELECT count(*) FROM meetings WHERE project_id = ?1 AND deleted_at IS NULL) AS meetings,
            (SELECT count(*) FROM reflections WHERE project_id = ?1 AND deleted_at IS NULL) AS refl
         FROM contributions c WHERE c.project_id = ?1 AND c.deleted_at IS NULL"
    );
    let row = sqlx::query(&sql).bind(project_id).fetch_one(pool).await?;
    let (p, m, t): (i64, i64, i64) = (row.try_get("p")?, row.try_get("m")?, row.try_get("t")?);
    Ok(ProjectTotals {
        contributions: row.try_get("n")?,
        minutes: p + m + t,
        prep_minutes: p,
        meeting_minutes: m,
        travel_minutes: t,
        meetings: row.try_get("meetings")?,
        reflections: row.try_get("refl")?,
        fees_pence: row.try_get("fees")?,
        expenses_pence: row.try_get("expenses")?,
        paid_pence: row.try_get("paid")?,
        waiting_pence: row.try_get("waiting")?,
        to_claim_pence: row.try_get("to_claim")?,
    })
}
