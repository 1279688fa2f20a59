//! The periods money is added up over: weeks (Monday to Sunday), monthly assessment periods
//! (from the user's start day) and tax years (from the user's start date, 6 April by default).

use alongside_core::records::preferences::Preferences;
use chrono::{Datelike, Days, Months, NaiveDate};

/// The Monday of the week holding `date`.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - Days::new(u64::from(date.weekday().num_days_from_monday()))
}

/// "Week of 3 March 2025 (Mon) to 9 March 2025 (Sun)" as a short label: `3 Mar – 9 Mar 2025`.
pub fn week_label(start: NaiveDate) -> String {
    let end = start + Days::new(6);
    format!("{} – {}", start.format("%-d %b"), end.format("%-d %b %Y"))
}

/// The monthly period starting on `start`, as a label: `15 Mar – 14 Apr 2025`.
pub fn month_label(start: NaiveDate) -> String {
    let end = start
        .checked_add_months(Months::new(1))
        .map_or(start, |d| d - Days::new(1));
    format!("{} – {}", start.format("%-d %b"), end.format("%-d %b %Y"))
}

/// The tax year starting on `start`, as a label: `2025–26`.
pub fn tax_year_label(start: NaiveDate) -> String {
    format!("{}–{:02}", start.year(), (start.year() + 1).rem_euclid(100))
}

/// The three period starts for a day: week, monthly period and tax year.
pub fn starts(prefs: &Preferences, date: NaiveDate) -> (NaiveDate, NaiveDate, NaiveDate) {
    (
        week_start(date),
        prefs.assessment_period_start(date),
        prefs.tax_year_start(date),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn weeks_start_on_monday() {
        assert_eq!(week_start(d("2025-03-09")), d("2025-03-03")); // Sunday
        assert_eq!(week_start(d("2025-03-10")), d("2025-03-10")); // Monday
        assert_eq!(week_label(d("2025-12-29")), "29 Dec – 4 Jan 2026");
    }

    #[test]
    fn tax_year_turns_on_6_april() {
        let prefs = Preferences::default();
        assert_eq!(prefs.tax_year_start(d("2025-04-05")), d("2024-04-06"));
        assert_eq!(prefs.tax_year_start(d("2025-04-06")), d("2025-04-06"));
        assert_eq!(tax_year_label(d("2024-04-06")), "2024–25");
        assert_eq!(tax_year_label(d("2099-04-06")), "2099–00");
    }

    #[test]
    fn monthly_periods_follow_the_start_day() {
        let mut prefs = Preferences::default();
        assert_eq!(
            prefs.assessment_period_start(d("2025-03-31")),
            d("2025-03-01")
        );
        prefs.assessment_start_day = 15;
        assert_eq!(
            prefs.assessment_period_start(d("2025-03-14")),
            d("2025-02-15")
        );
        assert_eq!(
            prefs.assessment_period_start(d("2025-03-15")),
            d("2025-03-15")
        );
        assert_eq!(
            prefs.assessment_period_start(d("2025-01-03")),
            d("2024-12-15")
        );
        assert_eq!(month_label(d("2025-01-15")), "15 Jan – 14 Feb 2025");
    }
}
