//! Field checks shared by every kind of record. Each failure names its field and says, in one
//! plain sentence, what would be accepted.

use chrono::{NaiveDate, NaiveTime};

use crate::error::{CoreError, CoreResult};

/// Longest title or name, in characters.
pub const MAX_TITLE: usize = 200;
/// Longest free text (notes, what I contributed, reflection entries), in characters.
pub const MAX_TEXT: usize = 20_000;
/// Longest short text (organisation, place, role), in characters.
pub const MAX_SHORT: usize = 300;
/// Most items in a list (tags, agenda items, decisions, attendees, expenses).
pub const MAX_ITEMS: usize = 200;
/// Longest tag, in characters.
pub const MAX_TAG: usize = 40;
/// Most minutes in one part of a contribution (one week).
pub const MAX_MINUTES: i64 = 7 * 24 * 60;
/// Largest amount of money in one field: £1,000,000.
pub const MAX_PENCE: i64 = 100_000_000;
/// Earliest and latest years accepted in a date.
pub const YEARS: (i32, i32) = (1950, 2100);

/// A title or name that must be there.
pub fn required(field: &str, value: &str, what: &str) -> CoreResult<()> {
    present(field, value, what)?;
    limit(field, value, MAX_TITLE)
}

/// Longer text that must not be empty (what someone said), up to `max` characters.
pub fn present_within(field: &str, value: &str, what: &str, max: usize) -> CoreResult<()> {
    present(field, value, what)?;
    limit(field, value, max)
}

fn present(field: &str, value: &str, what: &str) -> CoreResult<()> {
    if value.trim().is_empty() {
        return Err(CoreError::invalid(field, format!("Add {what}.")));
    }
    Ok(())
}

/// Text that may be empty but not longer than `max` characters.
pub fn limit(field: &str, value: &str, max: usize) -> CoreResult<()> {
    if value.chars().count() > max {
        return Err(CoreError::invalid(
            field,
            format!("This is too long: keep it under {max} characters."),
        ));
    }
    if value.contains('\0') {
        return Err(CoreError::invalid(
            field,
            "This text holds a character that cannot be kept.",
        ));
    }
    Ok(())
}

/// A list with at most [`MAX_ITEMS`] entries, each within `max` characters.
pub fn list(field: &str, items: &[String], max: usize) -> CoreResult<()> {
    if items.len() > MAX_ITEMS {
        return Err(CoreError::invalid(
            field,
            format!("Keep this list under {MAX_ITEMS} items."),
        ));
    }
    items.iter().try_for_each(|item| limit(field, item, max))
}

/// Tags: short, not blank.
pub fn tags(items: &[String]) -> CoreResult<()> {
    list("tags", items, MAX_TAG)?;
    if items.iter().any(|t| t.trim().is_empty()) {
        return Err(CoreError::invalid("tags", "A tag cannot be blank."));
    }
    Ok(())
}

/// A date that exists, written `YYYY-MM-DD`, between [`YEARS`].
pub fn date(field: &str, value: &str) -> CoreResult<NaiveDate> {
    let parsed = NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .ok()
        .filter(|d| value.len() == 10 && (YEARS.0..=YEARS.1).contains(&chrono::Datelike::year(d)));
    parsed.ok_or_else(|| {
        CoreError::invalid(
            field,
            "Enter a real date, like 2026-03-31 (year, month, day).",
        )
    })
}

/// An optional date: `None` passes, `Some` must be a real date.
pub fn opt_date(field: &str, value: Option<&str>) -> CoreResult<Option<NaiveDate>> {
    value.map(|v| date(field, v)).transpose()
}

/// A clock time written `HH:MM` (24-hour).
pub fn time(field: &str, value: &str) -> CoreResult<NaiveTime> {
    NaiveTime::parse_from_str(value, "%H:%M")
        .ok()
        .filter(|_| value.len() == 5)
        .ok_or_else(|| CoreError::invalid(field, "Enter a time like 18:30 (24-hour clock)."))
}

/// `later` must not be before `earlier` (both optional).
pub fn not_before<T: PartialOrd>(
    field: &str,
    earlier: Option<T>,
    later: Option<T>,
    message: &str,
) -> CoreResult<()> {
    match (earlier, later) {
        (Some(a), Some(b)) if b < a => Err(CoreError::invalid(field, message)),
        _ => Ok(()),
    }
}

/// Minutes between 0 and [`MAX_MINUTES`].
pub fn minutes(field: &str, value: i64) -> CoreResult<()> {
    if !(0..=MAX_MINUTES).contains(&value) {
        return Err(CoreError::invalid(
            field,
            "Enter minutes from 0 up to one week (10,080).",
        ));
    }
    Ok(())
}

/// Pence between 0 and [`MAX_PENCE`].
pub fn pence(field: &str, value: i64) -> CoreResult<()> {
    if !(0..=MAX_PENCE).contains(&value) {
        return Err(CoreError::invalid(
            field,
            "Enter an amount from £0 up to £1,000,000.",
        ));
    }
    Ok(())
}

/// A rating from 1 to 5.
pub fn rating(field: &str, value: Option<u8>) -> CoreResult<()> {
    match value {
        Some(v) if !(1..=5).contains(&v) => {
            Err(CoreError::invalid(field, "Choose a rating from 1 to 5."))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_exist() {
        assert!(date("date", "2024-02-29").is_ok());
        assert!(date("date", "2023-02-29").is_err());
        assert!(date("date", "2023-13-01").is_err());
        assert!(date("date", "23-1-1").is_err());
        assert!(date("date", "1800-01-01").is_err());
        let err = date("start_date", "soon").unwrap_err();
        assert!(matches!(err, CoreError::InvalidInput { field: Some(f), .. } if f == "start_date"));
    }

    #[test]
    fn times_and_order() {
        assert!(time("t", "18:30").is_ok());
        assert!(time("t", "25:00").is_err());
        assert!(time("t", "6:30").is_err());
        assert!(not_before("end", Some(2), Some(1), "x").is_err());
        assert!(not_before("end", Some(1), Some(1), "x").is_ok());
        assert!(not_before::<i32>("end", None, Some(1), "x").is_ok());
    }

    #[test]
    fn numbers_and_text() {
        assert!(minutes("m", -1).is_err());
        assert!(minutes("m", MAX_MINUTES).is_ok());
        assert!(pence("p", -1).is_err());
        assert!(required("title", "   ", "a title").is_err());
        assert!(limit("notes", &"x".repeat(MAX_TEXT + 1), MAX_TEXT).is_err());
        assert!(tags(&["".into()]).is_err());
        assert!(rating("r", Some(6)).is_err());
    }

    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_date_is_accepted_exactly_when_it_exists(y in 1900i32..2200, m in 0u32..14, d in 0u32..33) {
            let text = format!("{y:04}-{m:02}-{d:02}");
            let exists = NaiveDate::from_ymd_opt(y, m, d).is_some() && (YEARS.0..=YEARS.1).contains(&y);
            prop_assert_eq!(date("date", &text).is_ok(), exists);
        }

        #[test]
        fn any_text_is_judged_without_panicking(text in "\\PC{0,30}") {
            let _ = date("date", &text);
            let _ = time("time", &text);
            let _ = required("title", &text, "a title");
        }

        #[test]
        fn minutes_and_pence_accept_exactly_their_range(v in any::<i64>()) {
            prop_assert_eq!(minutes("m", v).is_ok(), (0..=MAX_MINUTES).contains(&v));
            prop_assert_eq!(pence("p", v).is_ok(), (0..=MAX_PENCE).contains(&v));
        }

        #[test]
        fn limits_count_characters_not_bytes(n in 0usize..400) {
            let text = "é".repeat(n);
            prop_assert_eq!(limit("t", &text, MAX_SHORT).is_ok(), n <= MAX_SHORT);
        }
    }
}
