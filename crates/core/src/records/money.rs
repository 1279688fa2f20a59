//! Money in integer pence and time in integer minutes: arithmetic, reading what people type and
//! writing amounts the way people read them.

use crate::error::{CoreError, CoreResult};

/// Pence for a journey of `tenth_miles` tenths of a mile at `pence_per_mile`, rounded half up.
pub fn mileage_pence(tenth_miles: i64, pence_per_mile: i64) -> CoreResult<i64> {
    let tenths_of_pence = tenth_miles
        .checked_mul(pence_per_mile)
        .ok_or_else(|| CoreError::invalid("tenth_miles", "That journey is too long to add up."))?;
    Ok((tenths_of_pence + 5) / 10)
}

/// Writes pence as pounds: `123456` → `£1,234.56`.
pub fn format_pence(pence: i64) -> String {
    let sign = if pence < 0 { "-" } else { "" };
    let abs = pence.unsigned_abs();
    format!("{sign}£{}.{:02}", group_thousands(abs / 100), abs % 100)
}

/// Writes a whole number with commas between thousands: `1234567` → `1,234,567`.
pub fn group_thousands(n: impl std::fmt::Display) -> String {
    let digits = n.to_string();
    let (sign, digits) = match digits.strip_prefix('-') {
        Some(rest) => ("-", rest.to_owned()),
        None => ("", digits),
    };
    let mut grouped = String::from(sign);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    grouped
}

/// Minutes as hours and minutes ("2 h 05 min", "45 min", "3 h").
pub fn format_minutes(minutes: i64) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{} h", group_thousands(h)),
        (h, m) => format!("{} h {m:02} min", group_thousands(h)),
    }
}

/// Reads an amount typed in pounds — `12`, `12.5`, `£1,234.50`, ` 7.05 ` — as pence.
/// Refuses negatives, more than two decimals and anything that is not a number.
pub fn parse_pounds(text: &str) -> Option<i64> {
    let cleaned: String = text
        .trim()
        .trim_start_matches('£')
        .trim()
        .chars()
        .filter(|c| *c != ',')
        .collect();
    if cleaned.is_empty() || cleaned.starts_with('-') {
        return None;
    }
    let (whole, frac) = match cleaned.split_once('.') {
        Some((w, f)) => (w, f),
        None => (cleaned.as_str(), ""),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !digits(whole) || !digits(frac) || frac.len() > 2 || (whole.is_empty() && frac.is_empty()) {
        return None;
    }
    let pounds: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let pence: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().ok()? * 10,
        _ => frac.parse().ok()?,
    };
    pounds.checked_mul(100)?.checked_add(pence)
}

/// Reads a duration: plain minutes (`90`), hours and minutes (`1:30`) or hours (`1.5h`, `2h`).
pub fn parse_minutes(text: &str) -> Option<i64> {
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return None;
    }
    if let Some((h, m)) = t.split_once(':') {
        let h: i64 = h.trim().parse().ok()?;
        let m: i64 = m.trim().parse().ok()?;
        return (h >= 0 && (0..60).contains(&m))
            .then(|| h.checked_mul(60)?.checked_add(m))
            .flatten();
    }
    if let Some(h) = t
        .strip_suffix('h')
        .or_else(|| t.strip_suffix("hours"))
        .or_else(|| t.strip_suffix("hrs"))
    {
        return hours_to_minutes(h.trim());
    }
    let m = t
        .strip_suffix("min")
        .or_else(|| t.strip_suffix('m'))
        .unwrap_or(&t)
        .trim();
    m.parse::<i64>().ok().filter(|m| *m >= 0)
}

/// Reads decimal hours (`1.5`) as minutes, rounded to the nearest minute.
pub fn hours_to_minutes(text: &str) -> Option<i64> {
    // Hours are read through pence arithmetic: "1.25" hours = 125 hundredths.
    let hundredths = parse_pounds(text)?;
    Some((hundredths * 60 + 50) / 100)
}

/// Reads miles (`12`, `12.3`) as tenths of a mile, refusing more than one decimal.
pub fn parse_tenth_miles(text: &str) -> Option<i64> {
    let t = text.trim().trim_end_matches("miles").trim();
    let hundredths = parse_pounds(t)?;
    (hundredths % 10 == 0).then_some(hundredths / 10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_what_people_type() {
        assert_eq!(parse_pounds("£1,234.50"), Some(123_450));
        assert_eq!(parse_pounds("12.5"), Some(1_250));
        assert_eq!(parse_pounds(" 7.05 "), Some(705));
        assert_eq!(parse_pounds(".5"), Some(50));
        assert_eq!(parse_pounds("-3"), None);
        assert_eq!(parse_pounds("1.234"), None);
        assert_eq!(parse_pounds("abc"), None);
        assert_eq!(parse_minutes("90"), Some(90));
        assert_eq!(parse_minutes("1:30"), Some(90));
        assert_eq!(parse_minutes("1.5h"), Some(90));
        assert_eq!(parse_minutes("2 hours"), Some(120));
        assert_eq!(parse_minutes("1:75"), None);
        assert_eq!(parse_minutes("-5"), None);
        assert_eq!(parse_tenth_miles("12.3"), Some(123));
        assert_eq!(parse_tenth_miles("12.34"), None);
    }

    #[test]
    fn mileage_rounds_half_up() {
        // 12.3 miles at 45p = 553.5p → 554p.
        assert_eq!(mileage_pence(123, 45).unwrap(), 554);
        assert_eq!(mileage_pence(0, 45).unwrap(), 0);
        assert!(mileage_pence(i64::MAX, 2).is_err());
    }

    #[test]
    fn formats_pounds() {
        assert_eq!(format_pence(0), "£0.00");
        assert_eq!(format_pence(5), "£0.05");
        assert_eq!(format_pence(123_456), "£1,234.56");
        assert_eq!(format_pence(100_000_000), "£1,000,000.00");
        assert_eq!(format_pence(-250), "-£2.50");
    }

    proptest! {
        #[test]
        fn pounds_round_trip(pence in 0i64..10_000_000_000) {
            prop_assert_eq!(parse_pounds(&format_pence(pence)), Some(pence));
        }

        #[test]
        fn minutes_round_trip(minutes in 0i64..1_000_000) {
            let text = format!("{}:{:02}", minutes / 60, minutes % 60);
            prop_assert_eq!(parse_minutes(&text), Some(minutes));
            prop_assert_eq!(parse_minutes(&minutes.to_string()), Some(minutes));
        }

        #[test]
        fn mileage_is_within_half_a_penny(tenths in 0i64..10_000_000, rate in 0i64..1_000) {
            let p = mileage_pence(tenths, rate).unwrap();
            let exact = tenths * rate; // tenths of a penny
            prop_assert!((p * 10 - exact).abs() <= 5);
        }

        #[test]
        fn parsing_never_panics(text in ".{0,40}") {
            let _ = parse_pounds(&text);
            let _ = parse_minutes(&text);
            let _ = parse_tenth_miles(&text);
        }
    }
}
