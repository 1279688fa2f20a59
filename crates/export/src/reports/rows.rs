//! The rows behind the CSV exports: one per contribution (involvement) or one per fee and
//! expense (payments).

use alongside_core::records::money::format_pence;

use super::payments::money_lines;
use super::Context;
use crate::document::Table;
use crate::options::ReportKind;

/// Pence as a plain number of pounds for a spreadsheet: `1250` → `12.50`.
pub(crate) fn pounds(pence: i64) -> String {
    format_pence(pence).replace(['£', ','], "")
}

/// The rows for the report, or `None` when the report is a document only.
pub fn build(ctx: &Context) -> Option<Table> {
    match ctx.options.report {
        ReportKind::Involvement => Some(contributions(ctx)),
        ReportKind::Payments if ctx.money() => Some(money(ctx)),
        ReportKind::Finance => Some(super::participant_pay::finance_rows(ctx)),
        ReportKind::Claim => Some(claim_rows(ctx)),
        _ => None,
    }
}

fn contributions(ctx: &Context) -> Table {
    let mut columns = vec![
        ("Date", false),
        ("Project", false),
        ("Kind of work", false),
        ("Preparing (minutes)", true),
        ("Meeting or doing (minutes)", true),
        ("Travelling (minutes)", true),
        ("Total (minutes)", true),
        ("What I contributed", false),
        ("What I said", false),
        ("What changed", false),
        ("Evidence", false),
        ("Feedback", false),
    ];
    if ctx.money() {
        columns.extend([
            ("Fee arrangement", false),
            ("Fee (£)", true),
            ("Expenses (£)", true),
            ("Claim", false),
            ("Claimed on", false),
            ("Paid on", false),
        ]);
    }
    let mut table = Table::new("Contributions", &columns);
    for c in &ctx.data.contributions {
        let d = &c.data;
        let mut row = vec![
            d.date.clone(),
            ctx.project(d.project_id).to_owned(),
            d.activity.label().to_owned(),
            d.prep_minutes.to_string(),
            d.meeting_minutes.to_string(),
            d.travel_minutes.to_string(),
            d.total_minutes().to_string(),
            d.summary.clone(),
            d.impact_said.clone(),
            d.impact_changed.clone(),
            d.impact_evidence.clone(),
            d.feedback.clone(),
        ];
        if ctx.money() {
            row.extend([
                d.fee_arrangement.label().to_owned(),
                pounds(d.payable_fee_pence()),
                pounds(d.expenses_pence()),
                d.claim_status().label().to_owned(),
                d.claim_submitted_on.clone().unwrap_or_default(),
                d.paid_on.clone().unwrap_or_default(),
            ]);
        }
        table.row(row);
    }
    table
}

fn money(ctx: &Context) -> Table {
    let mut table = Table::new(
        "Fees and expenses",
        &[
            ("Date", false),
            ("Project", false),
            ("Fee or expense", false),
            ("What", false),
            ("Detail", false),
            ("Amount (£)", true),
            ("Claim", false),
            ("Claimed on", false),
            ("Paid on", false),
        ],
    );
    for l in money_lines(ctx) {
        table.row(vec![
            l.date,
            l.project,
            if l.is_fee { "Fee" } else { "Expense" }.to_owned(),
            l.what,
            l.detail,
            pounds(l.amount_pence),
            l.status.label().to_owned(),
            l.claimed_on,
            l.paid_on,
        ]);
    }
    table
}

/// A claim's lines for a spreadsheet: dates as written in the records, amounts in pounds.
fn claim_rows(ctx: &Context) -> Table {
    let mut table = Table::new(
        "Claim lines",
        &[
            ("Date", false),
            ("Project", false),
            ("What", false),
            ("Detail", false),
            ("Fee (£)", true),
            ("Expense (£)", true),
        ],
    );
    for l in super::claim::lines(ctx) {
        let amount = pounds(l.amount_pence);
        let (fee, expense) = if l.is_fee {
            (amount, String::new())
        } else {
            (String::new(), amount)
        };
        table
            .rows
            .push(vec![l.date, l.project, l.what, l.detail, fee, expense]);
    }
    table
}
