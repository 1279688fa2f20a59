//! Contributions: what the user did, for how long, what difference it made, and the money.

use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::{Row, SqliteConnection};

use super::choices::{Activity, ClaimStatus, ExpenseKind, FeeArrangement};
use super::columns::record;
use super::list::{list_query, Arg, ListFilter, Where};
use super::money::mileage_pence;
use super::validate::{self, MAX_SHORT, MAX_TEXT};
use super::{links_of, Link, Record, RecordKind, Stored};
use crate::error::{CoreError, CoreResult};

/// One line of expenses. For mileage, the amount is worked out from miles × rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Expense {
    /// What the money was spent on.
    pub kind: ExpenseKind,
    /// Amount in pence (for mileage, filled in from the miles and rate).
    pub amount_pence: i64,
    /// Distance in tenths of a mile (mileage only).
    pub tenth_miles: Option<i64>,
    /// Rate in pence per mile (mileage only), copied from the user's rates when entered.
    pub pence_per_mile: Option<i64>,
    /// Receipt or other note.
    pub note: String,
    /// Global id of the line (a UUID), so a receipt can be attached to it; given by the core
    /// when the line is first saved (empty until then).
    #[serde(default)]
    pub uid: String,
}

record! {
    /// A piece of involvement work.
    pub struct Contribution {
        /// The project.
        pub project_id: i64 => value,
        /// The meeting it was for, if any.
        pub meeting_id: Option<i64> => value,
        /// Day (`YYYY-MM-DD`).
        pub date: String => value,
        /// What kind of work.
        pub activity: Activity => choice,
        /// Minutes preparing.
        pub prep_minutes: i64 => value,
        /// Minutes in the meeting or doing the work.
        pub meeting_minutes: i64 => value,
        /// Minutes travelling.
        pub travel_minutes: i64 => value,
        /// What I contributed.
        pub summary: String => value,
        /// Impact log: what I said.
        pub impact_said: String => value,
        /// Impact log: what changed.
        pub impact_changed: String => value,
        /// Impact log: the evidence.
        pub impact_evidence: String => value,
        /// Impact log: feedback received.
        pub feedback: String => value,
        /// When the feedback came (`YYYY-MM-DD`).
        pub feedback_date: Option<String> => optional_text,
        /// What was agreed about the fee.
        pub fee_arrangement: FeeArrangement => choice,
        /// The fee in pence.
        pub fee_pence: i64 => value,
        /// When the claim was sent (`YYYY-MM-DD`).
        pub claim_submitted_on: Option<String> => optional_text,
        /// When it was paid (`YYYY-MM-DD`).
        pub paid_on: Option<String> => optional_text,
        /// The number on the claim or invoice, to match a payment to it.
        #[serde(default)]
        pub claim_reference: String => trimmed,
        /// Expenses, in order.
        pub expenses: Vec<Expense> => child,
        /// Tags.
        pub tags: Vec<String> => text_list,
    }
    computed { expenses_pence, claim_pence }
}

/// SQL for a contribution's claim status (kept equal to [`Contribution::claim_status`]).
pub const CLAIM_STATUS_SQL: &str = "CASE
    WHEN claim_pence = 0 THEN 'not_claimable'
    WHEN paid_on IS NOT NULL THEN 'paid'
    WHEN claim_submitted_on IS NOT NULL THEN 'claimed'
    ELSE 'to_claim' END";

/// SQL for the fee paid to the user: the stored claim less the expenses (kept equal to
/// [`Contribution::payable_fee_pence`]). Use with the table aliased `c`.
pub const PAYABLE_FEE_SQL: &str = "(c.claim_pence - c.expenses_pence)";

impl Contribution {
    /// Fee paid to the user plus all expenses: what a claim for this contribution asks for.
    pub fn claim_pence(&self) -> i64 {
        self.payable_fee_pence() + self.expenses_pence()
    }

    /// All the minutes: preparation + meeting + travel.
    pub fn total_minutes(&self) -> i64 {
        self.prep_minutes + self.meeting_minutes + self.travel_minutes
    }

    /// The fee that is paid to the user (nothing when declined, to charity or unpaid).
    pub fn payable_fee_pence(&self) -> i64 {
        if self.fee_arrangement.is_payable() {
            self.fee_pence
        } else {
            0
        }
    }

    /// All expense lines added up.
    pub fn expenses_pence(&self) -> i64 {
        self.expenses.iter().map(|e| e.amount_pence).sum()
    }

    /// Where the claim stands, from the fee and the claim and payment dates.
    pub fn claim_status(&self) -> ClaimStatus {
        if self.claim_pence() == 0 {
            ClaimStatus::NotClaimable
        } else if self.paid_on.is_some() {
            ClaimStatus::Paid
        } else if self.claim_submitted_on.is_some() {
            ClaimStatus::Claimed
        } else {
            ClaimStatus::ToClaim
        }
    }
}

/// The global ids the lines are saved with: each line keeps its own when it has a valid one
/// not already taken by an earlier line, and gets a new one otherwise.
fn line_uids(expenses: &[Expense]) -> Vec<String> {
    let mut taken = std::collections::HashSet::new();
    expenses
        .iter()
        .map(|e| {
            let keep = super::uid::check("uid", &e.uid).is_ok() && taken.insert(e.uid.as_str());
            if keep {
                e.uid.clone()
            } else {
                super::uid::new_uid()
            }
        })
        .collect()
}

impl Expense {
    /// Works a mileage line's amount out from its miles and rate (other lines as they are).
    pub(crate) fn fill_mileage(&mut self) {
        if let (ExpenseKind::Mileage, Some(miles), Some(rate)) =
            (self.kind, self.tenth_miles, self.pence_per_mile)
        {
            if let Ok(p) = mileage_pence(miles, rate) {
                self.amount_pence = p;
            }
        }
    }

    /// Checks one line: a real amount, a short note, and mileage that adds up.
    pub(crate) fn validate(&self) -> CoreResult<()> {
        validate::pence("expenses", self.amount_pence)?;
        validate::limit("expenses", &self.note, MAX_SHORT)?;
        match (self.kind, self.tenth_miles, self.pence_per_mile) {
            (ExpenseKind::Mileage, Some(miles), Some(rate)) => {
                if miles < 0 || rate < 0 {
                    return Err(CoreError::invalid(
                        "expenses",
                        "Miles and rates cannot be negative.",
                    ));
                }
                if mileage_pence(miles, rate)? != self.amount_pence {
                    return Err(CoreError::invalid(
                        "expenses",
                        "The mileage amount does not match the miles and rate.",
                    ));
                }
                Ok(())
            }
            (ExpenseKind::Mileage, _, _) => Err(CoreError::invalid(
                "expenses",
                "For mileage, enter the miles and the rate per mile.",
            )),
            (_, None, None) => Ok(()),
            _ => Err(CoreError::invalid(
                "expenses",
                "Only mileage has miles and a rate per mile.",
            )),
        }
    }
}

list_query!(
    /// Which contributions a list shows.
    ContributionQuery {
        /// Only this kind of work.
        activity: Option<Activity>,
        /// Only contributions whose claim stands so.
        status: Option<ClaimStatus>,
    }
);

impl ListFilter for ContributionQuery {
    fn add_to(&self, sql: &mut Where) {
        sql.refers_to("project_id", self.list.project_id);
        sql.refers_to("meeting_id", self.list.meeting_id);
        sql.tag(self.list.tag.as_deref());
        sql.is("activity", self.activity);
        if let Some(status) = self.status {
            sql.push(
                format!("({CLAIM_STATUS_SQL}) = ?"),
                [Arg::Text(status.as_str().to_owned())],
            );
        }
    }
}

impl Record for Contribution {
    const KIND: RecordKind = RecordKind::Contribution;
    type Query = ContributionQuery;
    const DATE_COLUMN: Option<&'static str> = Some("date");
    const TITLE_COLUMN: &'static str = "summary";

    fn normalise(&mut self) {
        self.expenses.iter_mut().for_each(Expense::fill_mileage);
    }

    fn validate(&self) -> CoreResult<()> {
        validate::date("date", &self.date)?;
        validate::minutes("prep_minutes", self.prep_minutes)?;
        validate::minutes("meeting_minutes", self.meeting_minutes)?;
        validate::minutes("travel_minutes", self.travel_minutes)?;
        validate::limit("summary", &self.summary, MAX_TEXT)?;
        validate::limit("impact_said", &self.impact_said, MAX_TEXT)?;
        validate::limit("impact_changed", &self.impact_changed, MAX_TEXT)?;
        validate::limit("impact_evidence", &self.impact_evidence, MAX_TEXT)?;
        validate::limit("feedback", &self.feedback, MAX_TEXT)?;
        validate::limit("claim_reference", &self.claim_reference, MAX_SHORT)?;
        validate::opt_date("feedback_date", self.feedback_date.as_deref())?;
        validate::pence("fee_pence", self.fee_pence)?;
        let claimed = validate::opt_date("claim_submitted_on", self.claim_submitted_on.as_deref())?;
        let paid = validate::opt_date("paid_on", self.paid_on.as_deref())?;
        validate::not_before(
            "paid_on",
            claimed,
            paid,
            "The payment date is before the claim was sent.",
        )?;
        if self.expenses.len() > validate::MAX_ITEMS {
            return Err(CoreError::invalid("expenses", "Too many expense lines."));
        }
        self.expenses.iter().try_for_each(Expense::validate)?;
        validate::tags(&self.tags)
    }

    fn links(&self) -> Vec<Link> {
        links_of([
            Link::to("project_id", RecordKind::Project, self.project_id),
            Link::to("meeting_id", RecordKind::Meeting, self.meeting_id),
        ])
    }

    async fn save_children(&self, conn: &mut SqliteConnection, id: i64) -> CoreResult<()> {
        super::store::clear_children(conn, "expenses", "contribution_id", id).await?;
        let uids = line_uids(&self.expenses);
        for ((position, e), uid) in (0_i64..).zip(&self.expenses).zip(&uids) {
            sqlx::query(
                "INSERT INTO expenses (contribution_id, position, kind, amount_pence, tenth_miles,
                 pence_per_mile, note, uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(id)
            .bind(position)
            .bind(e.kind.as_str())
            .bind(e.amount_pence)
            .bind(e.tenth_miles)
            .bind(e.pence_per_mile)
            .bind(&e.note)
            .bind(uid)
            .execute(&mut *conn)
            .await?;
        }
        // A receipt for a line that is gone is a receipt for the contribution as a whole.
        sqlx::query(
            "UPDATE attachments SET expense_uid = NULL WHERE contribution_id = ?1
             AND expense_uid IS NOT NULL
             AND expense_uid NOT IN (SELECT uid FROM expenses WHERE contribution_id = ?1)",
        )
        .bind(id)
        .execute(&mut *conn)
        .await?;
        Ok(())
    }

    async fn load_children(
        conn: &mut SqliteConnection,
        records: &mut [Stored<Self>],
    ) -> CoreResult<()> {
        super::store::load_child_rows(
            conn,
            records,
            "SELECT contribution_id, kind, amount_pence, tenth_miles, pence_per_mile, note, uid
             FROM expenses WHERE contribution_id IN (SELECT value FROM json_each(?))
             ORDER BY contribution_id, position",
            "contribution_id",
            |c, row| {
                c.expenses.push(Expense {
                    kind: ExpenseKind::from_stored(row.try_get("kind")?)?,
                    amount_pence: row.try_get("amount_pence")?,
                    tenth_miles: row.try_get("tenth_miles")?,
                    pence_per_mile: row.try_get("pence_per_mile")?,
                    note: row.try_get("note")?,
                    uid: row.try_get("uid")?,
                });
                Ok(())
            },
        )
        .await
    }
}
