//! Payments and expenses statement: fees and expenses apart, claimed against paid, totals per
//! week, monthly period and tax year, and weeks over the user's own limit. Facts only.

use std::collections::BTreeMap;

use alongside_core::records::choices::ClaimStatus;
use alongside_core::records::money::format_pence;
use alongside_core::{CoreError, CoreResult};
use chrono::NaiveDate;

use super::{short_date, Context};
use crate::document::{Block, Builder, Table};
use alongside_core::records::periods::{month_label, starts, tax_year_label, week_label};

#[derive(Default, Clone, Copy)]
struct Sum {
    fees: i64,
    expenses: i64,
    paid: i64,
}

impl Sum {
    fn total(self) -> i64 {
        self.fees + self.expenses
    }
}

/// One fee or expense line, as the CSV export writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoneyLine {
    /// Day of the work.
    pub date: String,
    /// Project title.
    pub project: String,
    /// "Fee" or the expense kind.
    pub what: String,
    /// The expense's note or the fee arrangement.
    pub detail: String,
    /// Pence.
    pub amount_pence: i64,
    /// Fee or expense.
    pub is_fee: bool,
    /// Where the claim stands.
    pub status: ClaimStatus,
    /// When claimed.
    pub claimed_on: String,
    /// When paid.
    pub paid_on: String,
}

/// Every fee and expense line of the selection, in date order.
pub fn money_lines(ctx: &Context) -> Vec<MoneyLine> {
    let mut lines = Vec::new();
    for c in &ctx.data.contributions {
        let d = &c.data;
        let status = d.claim_status();
        if status == ClaimStatus::NotClaimable {
            continue;
        }
        let line = |what: String, detail: String, amount: i64, is_fee: bool| MoneyLine {
            date: d.date.clone(),
            project: ctx.project(d.project_id).to_owned(),
            what,
            detail,
            amount_pence: amount,
            is_fee,
            status,
            claimed_on: d.claim_submitted_on.clone().unwrap_or_default(),
            paid_on: d.paid_on.clone().unwrap_or_default(),
        };
        if d.payable_fee_pence() > 0 {
            lines.push(line(
                "Fee".into(),
                d.fee_arrangement.label().to_owned(),
                d.payable_fee_pence(),
                true,
            ));
        }
        for e in &d.expenses {
            lines.push(line(
                e.kind.label().to_owned(),
                e.note.clone(),
                e.amount_pence,
                false,
            ));
        }
    }
    lines
}

fn money_columns(first: &str) -> Vec<(&str, bool)> {
    vec![
        (first, false),
        ("Fees", true),
        ("Expenses", true),
        ("Total", true),
    ]
}

fn money_cells(label: String, s: Sum) -> Vec<String> {
    vec![
        label,
        format_pence(s.fees),
        format_pence(s.expenses),
        format_pence(s.total()),
    ]
}

/// The blocks of the statement; refuses to leave money out of a statement about money.
pub fn build(ctx: &Context) -> CoreResult<Vec<Block>> {
    if !ctx.money() {
        return Err(CoreError::invalid(
            "leave_out_money",
            "The payments statement is all about money, so money cannot be left out of it.",
        ));
    }
    let lines = money_lines(ctx);
    let mut weeks: BTreeMap<NaiveDate, Sum> = BTreeMap::new();
    let mut months: BTreeMap<NaiveDate, Sum> = BTreeMap::new();
    let mut years: BTreeMap<NaiveDate, Sum> = BTreeMap::new();
    let mut all = Sum::default();
    let (mut claimed, mut waiting, mut to_claim) = (0, 0, 0);
    for l in &lines {
        let Ok(date) = NaiveDate::parse_from_str(&l.date, "%Y-%m-%d") else {
            continue;
        };
        let (week, month, year) = starts(ctx.prefs, date);
        for sum in [
            weeks.entry(week).or_default(),
            months.entry(month).or_default(),
            years.entry(year).or_default(),
            &mut all,
        ] {
            if l.is_fee {
                sum.fees += l.amount_pence;
            } else {
                sum.expenses += l.amount_pence;
            }
            if l.status == ClaimStatus::Paid {
                sum.paid += l.amount_pence;
            }
        }
        match l.status {
            ClaimStatus::Claimed => {
                claimed += l.amount_pence;
                waiting += l.amount_pence;
            }
            ClaimStatus::Paid => claimed += l.amount_pence,
            ClaimStatus::ToClaim => to_claim += l.amount_pence,
            ClaimStatus::NotClaimable => {}
        }
    }

    let mut doc = Builder::default();
    doc.heading(1, "Summary");
    doc.facts([
        ("Fees", format_pence(all.fees)),
        ("Expenses", format_pence(all.expenses)),
        ("Fees and expenses", format_pence(all.total())),
        ("Claimed (including paid)", format_pence(claimed)),
        ("Paid", format_pence(all.paid)),
        ("Claimed, not yet paid", format_pence(waiting)),
        ("Not yet claimed", format_pence(to_claim)),
    ]);
    doc.paragraph(
        "Amounts are counted in the week, month and tax year of the work they were for. Fees are shown apart from expenses. This statement records facts; it is not advice.",
    );

    doc.heading(1, "Tax years");
    let mut table = Table::new(
        "Totals by tax year",
        &[
            ("Tax year", false),
            ("Fees", true),
            ("Expenses", true),
            ("Total", true),
            ("Paid", true),
        ],
    );
    for (start, s) in &years {
        let mut cells = money_cells(tax_year_label(*start), *s);
        cells.push(format_pence(s.paid));
        table.row(cells);
    }
    doc.table(table);

    doc.heading(1, "Monthly periods");
    let day = ctx.prefs.assessment_start_day;
    doc.paragraph(if day == 1 {
        "Each period is a calendar month.".to_owned()
    } else {
        format!("Each period starts on day {day} of the month, as set in Settings.")
    });
    let mut table = Table::new("Totals by monthly period", &money_columns("Period"));
    for (start, s) in &months {
        table.row(money_cells(month_label(*start), *s));
    }
    doc.table(table);

    doc.heading(1, "Weeks");
    weeks_table(ctx, &weeks, &mut doc);

    doc.heading(1, "Every fee and expense");
    let mut table = Table::new(
        "Every fee and expense",
        &[
            ("Date", false),
            ("Project", false),
            ("What", false),
            ("Amount", true),
            ("Claimed", false),
            ("Paid", false),
        ],
    );
    for l in &lines {
        let what = if l.detail.trim().is_empty() || l.is_fee {
            l.what.clone()
        } else {
            format!("{}: {}", l.what, l.detail)
        };
        table.row(vec![
            short_date(&l.date),
            l.project.clone(),
            what,
            format_pence(l.amount_pence),
            short_date(&l.claimed_on),
            short_date(&l.paid_on),
        ]);
    }
    let mut total = vec![String::from("All"), String::new(), String::new()];
    total.push(format_pence(all.total()));
    total.extend([String::new(), String::new()]);
    table.total = Some(total);
    doc.table(table);
    Ok(doc.finish())
}

fn weeks_table(ctx: &Context, weeks: &BTreeMap<NaiveDate, Sum>, doc: &mut Builder) {
    let has_limit = !ctx.prefs.weekly_thresholds.is_empty();
    if has_limit {
        doc.paragraph("Weeks run Monday to Sunday. A week is marked when its fees are over the weekly limit you set for that date.");
    } else {
        doc.paragraph(
            "Weeks run Monday to Sunday. No weekly limit has been set, so no week is marked.",
        );
    }
    let mut columns = money_columns("Week");
    if has_limit {
        columns.extend([("Your weekly limit", true), ("Over the limit", false)]);
    }
    let mut table = Table::new("Totals by week (weeks with fees or expenses)", &columns);
    let mut over = 0;
    for (start, s) in weeks {
        let mut cells = money_cells(week_label(*start), *s);
        if has_limit {
            let limit = ctx
                .prefs
                .threshold_on(&start.format("%Y-%m-%d").to_string());
            let is_over = limit.is_some_and(|l| s.fees > l);
            over += usize::from(is_over);
            cells.push(limit.map(format_pence).unwrap_or_default());
            cells.push(if is_over {
                "Over".into()
            } else {
                String::new()
            });
        }
        table.row(cells);
    }
    if has_limit {
        doc.paragraph(format!("Weeks over the limit: {over}."));
    }
    doc.table(table);
}
