//! Paying participants on projects the user runs: one payment line per person per session —
//! fee as agreed with them (fee, reduced, voucher, declined, to charity) and expenses — made by a
//! payment run from the session's register and the project's rate card, marked paid several at
//! once, and written out as one CSV for finance. Integer pence throughout; facts, never advice.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::{SqliteConnection, SqlitePool};

use super::choices::FeeArrangement;
use super::columns::record;
use super::list::{list_query, ListFilter, Where};
use super::validate::{self, MAX_SHORT, MAX_TEXT};
use super::{links_of, store, Expense, Link, Meeting, Person, Project, RateCard, Record};
use super::{RecordKind, Stored};
use crate::error::{CoreError, CoreResult};

record! {
    /// What a project pays one person for one session.
    pub struct Payment {
        /// The session.
        pub meeting_id: i64 => value,
        /// The person paid.
        pub person_id: i64 => value,
        /// What was agreed with them: fee, reduced fee, voucher, declined, to charity, no fee.
        pub arrangement: FeeArrangement => choice,
        /// The fee (or the voucher's value, or what goes to charity), in pence; 0 when declined.
        pub fee_pence: i64 => value,
        /// Expenses: mileage, fares, care cover…
        pub expenses: Vec<Expense> => json,
        /// The finance reference (invoice, claim or payee number).
        pub reference: String => trimmed,
        /// When it was paid (`YYYY-MM-DD`); unpaid while empty.
        pub paid_on: Option<String> => optional_text,
        /// Anything else.
        pub note: String => trimmed,
    }
    computed { total_pence }
}

impl Payment {
    /// The fee that is paid out (nothing when declined or no fee).
    pub fn fee_paid_pence(&self) -> i64 {
        if self.arrangement.carries_fee() {
            self.fee_pence
        } else {
            0
        }
    }

    /// Fee paid out plus every expense line.
    pub fn total_pence(&self) -> i64 {
        self.fee_paid_pence() + self.expenses.iter().map(|e| e.amount_pence).sum::<i64>()
    }

    /// Whether anything is owed (an all-declined line with no expenses owes nothing).
    pub fn is_owed(&self) -> bool {
        self.paid_on.is_none() && self.total_pence() > 0
    }
}

list_query!(
    /// Which payment lines a list shows.
    PaymentQuery {
        /// Only this person's.
        person_id: Option<i64>,
        /// Only unpaid (`Some(false)`) or paid (`Some(true)`) lines.
        paid: Option<bool>,
    }
);

impl ListFilter for PaymentQuery {
    fn add_to(&self, sql: &mut Where) {
        sql.refers_to("meeting_id", self.list.meeting_id);
        sql.refers_to("person_id", self.person_id);
        match self.paid {
            Some(true) => sql.push("paid_on IS NOT NULL", []),
            Some(false) => sql.push("paid_on IS NULL", []),
            None => {}
        }
    }
}

impl Record for Payment {
    const KIND: RecordKind = RecordKind::Payment;
    type Query = PaymentQuery;
    const DATE_COLUMN: Option<&'static str> = Some("paid_on");
    const TITLE_COLUMN: &'static str = "reference";

    fn normalise(&mut self) {
        self.expenses.iter_mut().for_each(Expense::fill_mileage);
    }

    fn validate(&self) -> CoreResult<()> {
        validate::pence("fee_pence", self.fee_pence)?;
        if !self.arrangement.carries_fee() && self.fee_pence != 0 {
            return Err(CoreError::invalid(
                "fee_pence",
                "A declined fee, or no fee, is £0. Choose another arrangement to pay a fee.",
            ));
        }
        if self.expenses.len() > validate::MAX_ITEMS {
            return Err(CoreError::invalid("expenses", "Too many expense lines."));
        }
        self.expenses.iter().try_for_each(Expense::validate)?;
        validate::pence("expenses", self.total_pence())?;
        validate::limit("reference", &self.reference, MAX_SHORT)?;
        validate::opt_date("paid_on", self.paid_on.as_deref())?;
        validate::limit("note", &self.note, MAX_TEXT)
    }

    fn links(&self) -> Vec<Link> {
        links_of([
            Link::to("meeting_id", RecordKind::Meeting, self.meeting_id),
            Link::to("person_id", RecordKind::Person, self.person_id),
        ])
    }

    /// A new line for someone who has one for the session already is refused (change that one).
    /// A merge of two records of one person can leave two lines: both stay editable.
    async fn check_in_vault(&self, conn: &mut SqliteConnection, id: Option<i64>) -> CoreResult<()> {
        if id.is_some() {
            return Ok(());
        }
        let same: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM payments WHERE meeting_id = ? AND person_id = ?
             AND deleted_at IS NULL",
        )
        .bind(self.meeting_id)
        .bind(self.person_id)
        .fetch_one(&mut *conn)
        .await?;
        if same > 0 {
            return Err(CoreError::invalid(
                "person_id",
                "This person already has a payment line for this session: change that one.",
            ));
        }
        Ok(())
    }
}

impl RateCard {
    /// The fee for a session of `minutes` under this card: up to four hours, the hourly rate
    /// (rounded half up to the penny), else the half-day rate, else the day rate; longer, the day
    /// rate, else two half days, else the hourly rate. `None` when the card has no rate at all.
    pub fn fee_for(&self, minutes: i64) -> Option<i64> {
        let hourly = self.per_hour_pence.map(|p| (p * minutes + 30) / 60);
        if minutes <= 240 {
            hourly.or(self.per_half_day_pence).or(self.per_day_pence)
        } else {
            self.per_day_pence
                .or(self.per_half_day_pence.map(|p| p * 2))
                .or(hourly)
        }
    }
}

/// What a payment run did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PaymentRun {
    /// Lines made (people who were there and had none).
    pub made: u32,
    /// People who were there and already had a line (left as they were).
    pub kept: u32,
    /// The fee each new line was given from the rate card, in pence (`None`: no rate card on
    /// the session's date, or no times to work the length out from; fees were left at £0).
    pub fee_pence: Option<i64>,
    /// The session's payment lines after the run.
    pub lines: Vec<Stored<Payment>>,
}

/// Makes a payment line for everyone the register says was there and who has none yet: the
/// arrangement they asked for (a fee when they said nothing) and the fee from the rate card in
/// force on the day. Only on projects the user runs; one transaction.
pub async fn run_for_session(pool: &SqlitePool, meeting_id: i64) -> CoreResult<PaymentRun> {
    let mut tx = store::write_tx(pool).await?;
    let meeting = store::fetch::<Meeting>(&mut tx, meeting_id).await?;
    let project = store::fetch::<Project>(&mut tx, meeting.data.project_id).await?;
    if !project.data.is_run() {
        return Err(CoreError::invalid(
            "meeting_id",
            "Payment runs are for sessions of projects you run.",
        ));
    }
    let fee = match (
        meeting.data.length_minutes(),
        project.data.rate_on(&meeting.data.date),
    ) {
        (Some(minutes), Some(card)) => card.fee_for(minutes),
        _ => None,
    };
    let existing: HashSet<i64> = existing_lines(&mut tx, meeting_id)
        .await?
        .iter()
        .map(|p| p.data.person_id)
        .collect();
    let (mut made, mut kept) = (0, 0);
    let now = store::now_stamp();
    for line in meeting
        .data
        .attendees
        .iter()
        .filter(|a| a.status.was_there())
    {
        if existing.contains(&line.person_id) {
            kept += 1;
            continue;
        }
        let person = store::fetch::<Person>(&mut tx, line.person_id).await?;
        let arrangement = person
            .data
            .payment_preference
            .unwrap_or(FeeArrangement::Fee);
        let payment = Payment {
            meeting_id,
            person_id: line.person_id,
            arrangement,
            fee_pence: if arrangement.carries_fee() {
                fee.unwrap_or(0)
            } else {
                0
            },
            ..Default::default()
        };
        payment.validate()?;
        store::insert_row(&mut tx, None, None, &now, &now, &payment).await?;
        made += 1;
    }
    let lines = existing_lines(&mut tx, meeting_id).await?;
    tx.commit().await?;
    Ok(PaymentRun {
        made,
        kept,
        fee_pence: fee,
        lines,
    })
}

async fn existing_lines(
    conn: &mut SqliteConnection,
    meeting_id: i64,
) -> CoreResult<Vec<Stored<Payment>>> {
    let mut filter = Where::default();
    filter.push("deleted_at IS NULL", []);
    filter.refers_to("meeting_id", Some(meeting_id));
    store::matching(conn, &filter, "id").await
}

/// Marks the given lines paid on `paid_on`, all or none (a line already paid keeps its date).
/// Returns how many were marked.
pub async fn mark_paid(pool: &SqlitePool, ids: &[i64], paid_on: &str) -> CoreResult<u32> {
    validate::date("paid_on", paid_on)?;
    if ids.len() > validate::MAX_ITEMS {
        return Err(CoreError::invalid("ids", "Mark fewer lines at once."));
    }
    let mut tx = store::write_tx(pool).await?;
    let now = store::now_stamp();
    let mut marked = 0;
    for &id in ids {
        // Fetching first gives a clear "not in the vault any more" for a deleted line.
        let line = store::fetch::<Payment>(&mut tx, id).await?;
        if line.data.paid_on.is_some() {
            continue;
        }
        sqlx::query("UPDATE payments SET paid_on = ?, updated_at = ? WHERE id = ?")
            .bind(paid_on)
            .bind(&now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        marked += 1;
    }
    tx.commit().await?;
    Ok(marked)
}
