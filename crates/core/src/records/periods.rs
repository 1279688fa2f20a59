//! The periods money is added up over: weeks (Monday to Sunday), monthly assessment periods
//! (from the user's start day) and tax years (from the user's start date, 6 April by default).

use super::preferences::Preferences;
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

/// Money for the work done in one period: payable fees and expenses, by the date of the work.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, specta::Type)]
pub struct PeriodMoney {
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
    /// Fees paid to the user (not declined, to charity or unpaid), in pence.
    pub fees_pence: i64,
    /// Expenses, in pence.
    pub expenses_pence: i64,
}

/// This week, this monthly period and this tax year, with the weekly limit in force.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, specta::Type)]
pub struct MoneyPeriods {
    /// Monday to Sunday holding today.
    pub week: PeriodMoney,
    /// The monthly period holding today.
    pub month: PeriodMoney,
    /// The tax year holding today.
    pub tax_year: PeriodMoney,
    /// The user's weekly limit in force this week, if set.
    pub weekly_limit_pence: Option<i64>,
    /// Whether this week's fees are over that limit.
    pub over_weekly_limit: bool,
}

async fn period_money(
    pool: &sqlx::SqlitePool,
    from: NaiveDate,
    to: NaiveDate,
) -> crate::error::CoreResult<PeriodMoney> {
    let sql = format!(
        "SELECT coalesce(sum({}), 0), coalesce(sum(c.expenses_pence), 0)
         FROM contributions c
         WHERE c.deleted_at IS NULL AND c.date BETWEEN ? AND ? AND c.claim_pence > 0",
        super::contributions::PAYABLE_FEE_SQL
    );
    let (fees, expenses): (i64, i64) = sqlx::query_as(&sql)
        .bind(from.to_string())
        .bind(to.to_string())
        .fetch_one(pool)
        .await?;
    Ok(PeriodMoney {
        from: from.to_string(),
        to: to.to_string(),
        fees_pence: fees,
        expenses_pence: expenses,
    })
}

/// The money of the week, monthly period and tax year holding `today`, with the weekly limit.
pub async fn money_periods(
    pool: &sqlx::SqlitePool,
    today: NaiveDate,
) -> crate::error::CoreResult<MoneyPeriods> {
    let prefs = super::preferences::load(pool).await?;
    let (week, month, year) = starts(&prefs, today);
    let end_of = |start: NaiveDate, months: u32| {
        start
            .checked_add_months(Months::new(months))
            .map_or(start, |d| d - Days::new(1))
    };
    let week_money = period_money(pool, week, week + Days::new(6)).await?;
    let limit = prefs.threshold_on(&week.to_string());
    Ok(MoneyPeriods {
        over_weekly_limit: limit.is_some_and(|l| week_money.fees_pence > l),
        weekly_limit_pence: limit,
        week: week_money,
        month: period_money(pool, month, end_of(month, 1)).await?,
        tax_year: period_money(pool, year, end_of(year, 12)).await?,
    })
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
