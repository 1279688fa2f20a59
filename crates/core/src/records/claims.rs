//! Claims: the details an organisation asks for on a claim form (saved once per organisation and
//! used by every claim pack made for it), the receipts attached to the contributions a claim
//! covers, and marking those contributions "claim submitted" when the person says they sent it.

use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::SqlitePool;

use super::attachments::{self, Attachment};
use super::store::{now_stamp, write_tx};
use super::RecordKind;
use crate::error::{CoreError, CoreResult};

const KEY: &str = "claim_details";
const MOST_CHARS: usize = 500;

/// What one organisation's claim form asks for. The labels are the organisation's own words for
/// the reference and the code ("Supplier number", "Budget code").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct ClaimDetails {
    /// The organisation, as written on its projects.
    pub organisation: String,
    /// The claimant's name as the organisation knows it.
    pub name: String,
    /// The postal address for the claim.
    pub address: String,
    /// The organisation's reference for the person (payee or supplier number…).
    pub payee_reference: String,
    /// What the organisation calls that reference; "Payee reference" when empty.
    pub payee_reference_label: String,
    /// The cost code or budget code to charge.
    pub cost_code: String,
    /// What the organisation calls that code; "Cost code" when empty.
    pub cost_code_label: String,
}

impl ClaimDetails {
    fn validate(&self) -> CoreResult<()> {
        if self.organisation.trim().is_empty() {
            return Err(CoreError::invalid(
                "organisation",
                "Say which organisation these claim details are for.",
            ));
        }
        for (field, value) in [
            ("organisation", &self.organisation),
            ("name", &self.name),
            ("address", &self.address),
            ("payee_reference", &self.payee_reference),
            ("payee_reference_label", &self.payee_reference_label),
            ("cost_code", &self.cost_code),
            ("cost_code_label", &self.cost_code_label),
        ] {
            if value.chars().count() > MOST_CHARS {
                return Err(CoreError::invalid(
                    field,
                    format!("Keep this under {MOST_CHARS} characters."),
                ));
            }
        }
        Ok(())
    }

    /// The label for the payee reference, the organisation's own when given.
    pub fn reference_label(&self) -> &str {
        label_or(&self.payee_reference_label, "Payee reference")
    }

    /// The label for the cost code, the organisation's own when given.
    pub fn code_label(&self) -> &str {
        label_or(&self.cost_code_label, "Cost code")
    }
}

fn label_or<'a>(own: &'a str, usual: &'a str) -> &'a str {
    if own.trim().is_empty() {
        usual
    } else {
        own.trim()
    }
}

fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// Every organisation's saved details.
pub async fn all_details(pool: &SqlitePool) -> CoreResult<Vec<ClaimDetails>> {
    match crate::vault::settings::get_raw(pool, KEY).await? {
        None => Ok(Vec::new()),
        Some(text) => super::from_json(&text, "claim details"),
    }
}

/// The saved details for `organisation` (matched without regard to case), if any.
pub async fn details(pool: &SqlitePool, organisation: &str) -> CoreResult<Option<ClaimDetails>> {
    Ok(all_details(pool)
        .await?
        .into_iter()
        .find(|d| same(&d.organisation, organisation)))
}

/// Saves one organisation's details, replacing what was saved for it before.
pub async fn save_details(pool: &SqlitePool, details: &ClaimDetails) -> CoreResult<ClaimDetails> {
    details.validate()?;
    let mut saved = details.clone();
    saved.organisation = saved.organisation.trim().to_owned();
    let mut all = all_details(pool).await?;
    all.retain(|d| !same(&d.organisation, &saved.organisation));
    all.push(saved.clone());
    all.sort_by(|a, b| a.organisation.cmp(&b.organisation));
    crate::vault::settings::put_raw(pool, KEY, &super::to_json(&all)).await?;
    Ok(saved)
}

/// The pictures and PDFs attached to `contributions`, in the contributions' order then the
/// order they were attached (other files are not pages of a claim). Descriptions only: the bytes
/// are read (with [`attachments::bytes`]) only when a PDF is written.
pub async fn receipts(pool: &SqlitePool, contributions: &[i64]) -> CoreResult<Vec<Attachment>> {
    let mut found = Vec::new();
    for &id in contributions {
        for attachment in attachments::list(pool, RecordKind::Contribution, id).await? {
            let page = attachment.media_type == "application/pdf"
                || (attachment.media_type.starts_with("image/") && attachment.has_preview);
            if page {
                found.push(attachment);
            }
        }
    }
    Ok(found)
}

/// Marks the contributions not yet claimed as "claim submitted" on `day`; how many changed.
pub async fn mark_submitted(
    pool: &SqlitePool,
    contributions: &[i64],
    day: &str,
) -> CoreResult<u64> {
    super::validate::date("claim_submitted_on", day)?;
    let mut tx = write_tx(pool).await?;
    let stamp = now_stamp();
    let mut changed = 0;
    for &id in contributions {
        changed += sqlx::query(
            "UPDATE contributions SET claim_submitted_on = ?, updated_at = ? \
             WHERE id = ? AND deleted_at IS NULL AND claim_submitted_on IS NULL AND paid_on IS NULL",
        )
        .bind(day)
        .bind(&stamp)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    }
    tx.commit().await?;
    Ok(changed)
}
