//! The claim pack: for one organisation and period, the claimant's details as that organisation
//! asks for them, every fee and expense not yet claimed (fees and expenses apart, mileage worked
//! out), the totals, and the receipts attached to those contributions as pages (in the PDF).

use std::collections::BTreeSet;

use alongside_core::records::choices::{ClaimStatus, ExpenseKind};
use alongside_core::records::claims::ClaimDetails;
use alongside_core::records::money::format_pence;
use alongside_core::{CoreError, CoreResult};

use super::{short_date, Context};
use crate::document::{Block, Fact, Table};

/// One line of a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimLine {
    /// The contribution it comes from.
    pub contribution_id: i64,
    /// Day of the work (`YYYY-MM-DD`).
    pub date: String,
    /// Project title.
    pub project: String,
    /// "Fee" or the expense kind.
    pub what: String,
    /// The fee arrangement, or the journey and the expense's note.
    pub detail: String,
    /// Pence.
    pub amount_pence: i64,
    /// Fee (else expense).
    pub is_fee: bool,
    /// The numbers of the receipts attached to this expense line (1 is the first receipt).
    pub receipts: Vec<usize>,
}

/// A receipt that follows a claim pack: its file and what it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimReceipt {
    /// The file's name.
    pub name: String,
    /// The contribution it is attached to.
    pub contribution_id: i64,
    /// The expense line it is for, if it was given one.
    pub expense_uid: Option<String>,
}

/// The heading of receipt `number` (1 is the first) on its page of the PDF.
pub fn receipt_heading(number: usize, name: &str) -> String {
    format!("Receipt {number}: {name}")
}

/// "receipt 2" or "receipts 2 and 3", for a line's detail.
fn receipt_numbers(numbers: &[usize]) -> String {
    let listed: Vec<String> = numbers.iter().map(ToString::to_string).collect();
    match listed.as_slice() {
        [] => String::new(),
        [one] => format!("receipt {one}"),
        [first @ .., last] => format!("receipts {} and {last}", first.join(", ")),
    }
}

/// What a claim pack is made with besides the records: the saved details for the organisation
/// and the names of the receipts that will be its pages.
#[derive(Debug, Clone, Default)]
pub struct ClaimInputs {
    /// The organisation's saved claim details, if any were saved.
    pub details: Option<ClaimDetails>,
    /// The receipts, in page order.
    pub receipts: Vec<ClaimReceipt>,
}

/// The organisation the selection's contributions are for; refused when they span several.
pub fn organisation(ctx: &Context) -> CoreResult<String> {
    let organisations: BTreeSet<String> = ctx
        .data
        .contributions
        .iter()
        .filter_map(|c| ctx.project_record(c.data.project_id))
        .map(|p| p.data.organisation.trim().to_owned())
        .collect();
    if organisations.len() > 1 {
        return Err(CoreError::invalid(
            "project",
            format!(
                "A claim is for one organisation; these contributions are for {}. Choose the \
                 projects of one.",
                organisations
                    .iter()
                    .map(|o| if o.is_empty() { "(none named)" } else { o })
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
        ));
    }
    Ok(organisations.into_iter().next().unwrap_or_default())
}

/// Every fee and expense of the selection not yet claimed, in date order; an expense line
/// names the receipts attached to it.
pub fn lines(ctx: &Context) -> Vec<ClaimLine> {
    let receipts = ctx.claim.map(|c| c.receipts.as_slice()).unwrap_or_default();
    let mut lines = Vec::new();
    for c in &ctx.data.contributions {
        let d = &c.data;
        if d.claim_status() != ClaimStatus::ToClaim {
            continue;
        }
        let line = |what: String, detail: String, amount_pence: i64, is_fee: bool| ClaimLine {
            contribution_id: c.id,
            date: d.date.clone(),
            project: ctx.project(d.project_id).to_owned(),
            what,
            detail,
            amount_pence,
            is_fee,
            receipts: Vec::new(),
        };
        if d.payable_fee_pence() > 0 {
            lines.push(line(
                "Fee".into(),
                format!("{}: {}", d.fee_arrangement.label(), d.activity.label()),
                d.payable_fee_pence(),
                true,
            ));
        }
        for e in &d.expenses {
            let journey = match (e.kind, e.tenth_miles, e.pence_per_mile) {
                (ExpenseKind::Mileage, Some(tenths), Some(rate)) => {
                    format!("{}.{} miles at {rate}p a mile", tenths / 10, tenths % 10)
                }
                _ => String::new(),
            };
            let numbers: Vec<usize> = (1..)
                .zip(receipts)
                .filter(|(_, r)| {
                    r.contribution_id == c.id && r.expense_uid.as_deref() == Some(e.uid.as_str())
                })
                .map(|(n, _)| n)
                .collect();
            let named = receipt_numbers(&numbers);
            let detail = [journey.as_str(), e.note.trim(), named.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("; ");
            lines.push(ClaimLine {
                receipts: numbers,
                ..line(e.kind.label().to_owned(), detail, e.amount_pence, false)
            });
        }
    }
    lines
}

/// The contributions a claim pack covers (those with a line), in date order.
pub fn contribution_ids(ctx: &Context) -> Vec<i64> {
    let mut ids: Vec<i64> = lines(ctx).iter().map(|l| l.contribution_id).collect();
    ids.dedup();
    ids
}

/// The lines as a table (for the PDF and the CSV).
pub fn table(lines: &[ClaimLine]) -> Table {
    let mut table = Table::new(
        "Fees and expenses claimed",
        &[
            ("Date", false),
            ("Project", false),
            ("What", false),
            ("Detail", false),
            ("Fees", true),
            ("Expenses", true),
        ],
    );
    let (mut fees, mut expenses) = (0, 0);
    for l in lines {
        let amount = format_pence(l.amount_pence);
        let (fee, expense) = if l.is_fee {
            fees += l.amount_pence;
            (amount, String::new())
        } else {
            expenses += l.amount_pence;
            (String::new(), amount)
        };
        table.rows.push(vec![
            short_date(&l.date),
            l.project.clone(),
            l.what.clone(),
            l.detail.clone(),
            fee,
            expense,
        ]);
    }
    table.total = Some(vec![
        "Total".into(),
        String::new(),
        String::new(),
        String::new(),
        format_pence(fees),
        format_pence(expenses),
    ]);
    table
}

/// The blocks of the claim pack.
pub fn build(ctx: &Context) -> CoreResult<Vec<Block>> {
    let organisation = organisation(ctx)?;
    let inputs = ctx.claim.cloned().unwrap_or_default();
    let lines = lines(ctx);
    let fees: i64 = lines
        .iter()
        .filter(|l| l.is_fee)
        .map(|l| l.amount_pence)
        .sum();
    let expenses: i64 = lines
        .iter()
        .filter(|l| !l.is_fee)
        .map(|l| l.amount_pence)
        .sum();
    let mut blocks = Vec::new();
    let fact = |label: &str, value: &str| Fact {
        label: label.to_owned(),
        value: if value.trim().is_empty() {
            "—".to_owned()
        } else {
            value.trim().to_owned()
        },
    };
    let details = inputs.details.clone().unwrap_or_default();
    blocks.push(Block::Heading {
        level: 1,
        text: "Claimant".into(),
    });
    blocks.push(Block::Facts {
        items: vec![
            fact("Organisation", &organisation),
            fact("Name", &details.name),
            fact("Address", &details.address.replace('\n', ", ")),
            fact(details.reference_label(), &details.payee_reference),
            fact(details.code_label(), &details.cost_code),
        ],
    });
    if inputs.details.is_none() {
        blocks.push(Block::Paragraph {
            text: "No claim details are saved for this organisation yet; add them before you \
                   send this claim."
                .into(),
        });
    }
    blocks.push(Block::Heading {
        level: 1,
        text: "What is claimed".into(),
    });
    if lines.is_empty() {
        blocks.push(Block::Paragraph {
            text: "Nothing is waiting to be claimed in this period: every fee and expense has \
                   been claimed or paid already."
                .into(),
        });
    } else {
        blocks.push(Block::Table(table(&lines)));
    }
    blocks.push(Block::Facts {
        items: vec![
            fact("Fees", &format_pence(fees)),
            fact("Expenses", &format_pence(expenses)),
            fact("Total claimed", &format_pence(fees + expenses)),
        ],
    });
    blocks.push(Block::Heading {
        level: 1,
        text: "Receipts".into(),
    });
    if inputs.receipts.is_empty() {
        blocks.push(Block::Paragraph {
            text: "No receipts are attached to these contributions.".into(),
        });
    } else {
        blocks.push(Block::Paragraph {
            text: "Each receipt follows on a page of its own in the PDF (each page of a PDF \
                   receipt on a page of its own)."
                .into(),
        });
        blocks.push(Block::List {
            items: (1..)
                .zip(&inputs.receipts)
                .map(|(n, r)| receipt_item(ctx, &lines, n, r))
                .collect(),
        });
    }
    Ok(blocks)
}

/// One receipt in the list: its number, its name and what it is for.
fn receipt_item(
    ctx: &Context,
    lines: &[ClaimLine],
    number: usize,
    receipt: &ClaimReceipt,
) -> String {
    let heading = receipt_heading(number, &receipt.name);
    if let Some(line) = lines.iter().find(|l| l.receipts.contains(&number)) {
        return format!(
            "{heading}, for {} ({}) on {}",
            line.what.to_lowercase(),
            format_pence(line.amount_pence),
            short_date(&line.date)
        );
    }
    match ctx
        .data
        .contributions
        .iter()
        .find(|c| c.id == receipt.contribution_id)
    {
        Some(c) => format!("{heading}, for the work on {}", short_date(&c.data.date)),
        None => heading,
    }
}
