//! What projects the user runs pay their participants: the rows a finance team needs (payee,
//! reference, kind, amount, cost code, date — one per fee or expense) and one participant's
//! payment statement. Payees are named: nobody can be paid as "a patient partner". Facts only.

use alongside_core::records::money::format_pence;
use alongside_core::records::{Payment, Stored};

use super::rows::pounds;
use super::{count, short_date, Context};
use crate::document::{Block, Builder, Table};

/// One amount to pay: a fee, or one expense line.
struct Amount {
    kind: String,
    pence: i64,
}

/// The fee (when anything is paid out) and each expense line of a payment.
fn amounts(p: &Payment) -> Vec<Amount> {
    let mut out = Vec::new();
    if p.fee_paid_pence() > 0 {
        out.push(Amount {
            kind: p.arrangement.label().to_owned(),
            pence: p.fee_paid_pence(),
        });
    }
    out.extend(p.expenses.iter().map(|e| Amount {
        kind: format!("Expenses: {}", e.kind.label()),
        pence: e.amount_pence,
    }));
    out
}

fn payee(ctx: &Context, p: &Payment) -> String {
    ctx.full_name(p.person_id)
}

fn cost_code(ctx: &Context, p: &Payment) -> String {
    ctx.meeting(p.meeting_id)
        .and_then(|m| ctx.project_record(m.data.project_id))
        .map(|pr| pr.data.cost_code.clone())
        .unwrap_or_default()
}

fn session_date(ctx: &Context, p: &Payment) -> String {
    ctx.meeting(p.meeting_id)
        .map(|m| m.data.date.clone())
        .unwrap_or_default()
}

/// The finance rows: one per fee or expense of every payment line in the selection.
pub fn finance_rows(ctx: &Context) -> Table {
    let mut table = Table::new(
        "Payments to participants",
        &[
            ("Payee", false),
            ("Reference", false),
            ("Kind", false),
            ("Amount (£)", true),
            ("Cost code", false),
            ("Date", false),
            ("Session", false),
            ("Paid on", false),
        ],
    );
    for line in &ctx.data.payments {
        let p = &line.data;
        for a in amounts(p) {
            table.row(vec![
                payee(ctx, p),
                p.reference.clone(),
                a.kind,
                pounds(a.pence),
                cost_code(ctx, p),
                p.paid_on.clone().unwrap_or_else(|| session_date(ctx, p)),
                ctx.meeting(p.meeting_id)
                    .map(|m| m.data.title.clone())
                    .unwrap_or_default(),
                p.paid_on.clone().unwrap_or_default(),
            ]);
        }
    }
    table
}

struct Totals {
    paid: i64,
    owed: i64,
    declined: usize,
}

fn totals<'a>(lines: impl IntoIterator<Item = &'a Stored<Payment>>) -> Totals {
    let mut t = Totals {
        paid: 0,
        owed: 0,
        declined: 0,
    };
    for line in lines {
        let p = &line.data;
        if p.paid_on.is_some() {
            t.paid += p.total_pence();
        } else {
            t.owed += p.total_pence();
        }
        if p.fee_paid_pence() == 0 {
            t.declined += 1;
        }
    }
    t
}

/// The finance report as a document (what the app previews before the CSV is saved).
pub fn finance(ctx: &Context) -> Vec<Block> {
    let mut doc = Builder::default();
    let t = totals(&ctx.data.payments);
    doc.facts([
        (
            "Payment lines",
            count(ctx.data.payments.len(), "line", "lines"),
        ),
        ("Paid", format_pence(t.paid)),
        ("Not paid yet", format_pence(t.owed)),
    ]);
    doc.paragraph("Each row is one fee or one expense. The date is the day it was paid, or the session's day while it is not paid yet. This is a record of facts, not advice.");
    doc.table(finance_rows(ctx));
    doc.finish()
}

/// One participant's statement: every session they were paid for (or are owed for), with
/// fee, expenses, total, reference and when it was paid.
pub fn statement(ctx: &Context) -> Vec<Block> {
    let mut doc = Builder::default();
    let lines = &ctx.data.payments;
    let who = lines
        .first()
        .map(|l| payee(ctx, &l.data))
        .or_else(|| {
            let uid = ctx.data.selection.person_uid.as_deref()?;
            ctx.data
                .people
                .iter()
                .find(|p| p.uid == uid)
                .map(|p| p.data.name.clone())
        })
        .unwrap_or_default();
    let t = totals(lines);
    doc.facts([
        ("For", who),
        ("Sessions", count(lines.len(), "session", "sessions")),
        ("Paid", format_pence(t.paid)),
        ("Not paid yet", format_pence(t.owed)),
    ]);
    let mut table = Table::new(
        "Sessions and payments",
        &[
            ("Date", false),
            ("Session", false),
            ("Arrangement", false),
            ("Fee", true),
            ("Expenses", true),
            ("Total", true),
            ("Reference", false),
            ("Paid", false),
        ],
    );
    for line in lines {
        let p = &line.data;
        let meeting = ctx.meeting(p.meeting_id);
        table.row(vec![
            short_date(&session_date(ctx, p)),
            meeting.map(|m| m.data.title.clone()).unwrap_or_default(),
            p.arrangement.label().to_owned(),
            format_pence(p.fee_paid_pence()),
            format_pence(p.total_pence() - p.fee_paid_pence()),
            format_pence(p.total_pence()),
            p.reference.clone(),
            p.paid_on
                .as_deref()
                .map_or_else(|| "Not paid yet".to_owned(), short_date),
        ]);
    }
    doc.table(table);
    if t.declined > 0 {
        doc.paragraph(format!(
            "No fee was paid for {}, as agreed (declined or no fee); expenses are still shown.",
            count(t.declined, "session", "sessions")
        ));
    }
    doc.paragraph(
        "This statement records what was agreed and paid. It is not advice about tax or benefits.",
    );
    doc.finish()
}

/// One line for the reports that gather evidence (GRIPP2, UK Standards): how participants in
/// sessions the user ran were paid, on one project or all. `None` when there were none.
pub fn summary_line(ctx: &Context, project: Option<i64>) -> Option<String> {
    let lines: Vec<&Stored<Payment>> = ctx
        .data
        .payments
        .iter()
        .filter(|l| {
            project.is_none_or(|p| {
                ctx.meeting(l.data.meeting_id)
                    .is_some_and(|m| m.data.project_id == p)
            })
        })
        .collect();
    if lines.is_empty() || !ctx.money() {
        return None;
    }
    let t = totals(lines.iter().copied());
    Some(format!(
        "Participants paid for their time in sessions the author ran: {} ({} paid, {} not paid yet; {} without a fee, as agreed)",
        count(lines.len(), "payment line", "payment lines"),
        format_pence(t.paid),
        format_pence(t.owed),
        t.declined
    ))
}
