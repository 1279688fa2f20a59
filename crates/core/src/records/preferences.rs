//! The user's preferences kept in the vault: look, money facts (thresholds, tax year, mileage
//! rates — all entered by the user; the program holds no rates) and export defaults.

use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::SqlitePool;

use super::choices::Vehicle;
use super::validate;
use crate::error::{CoreError, CoreResult};

/// Light, dark, high contrast or as the system is set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Follow the system (its light or dark, and its "more contrast" when asked).
    #[default]
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
    /// Black on white with strong edges and underlined links.
    HighContrast,
}

/// Text size of the app.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum TextSize {
    /// The normal size.
    #[default]
    Normal,
    /// 112.5 %.
    Large,
    /// 125 %.
    Larger,
    /// 150 %.
    VeryLarge,
    /// 200 %: twice the normal size.
    Double,
}

/// A weekly earnings threshold from a date on (for example a benefit's permitted-work limit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct WeeklyThreshold {
    /// First day it applies (`YYYY-MM-DD`).
    pub from: String,
    /// The threshold in pence per week.
    pub pence: i64,
}

/// A mileage rate from a date on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct MileageRate {
    /// Vehicle.
    pub vehicle: Vehicle,
    /// First day it applies (`YYYY-MM-DD`).
    pub from: String,
    /// Pence per mile.
    pub pence_per_mile: i64,
}

/// Everything the user can set besides locking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]

pub struct Preferences {
    /// Light, dark or system.
    pub theme: Theme,
    /// Text size.
    pub text_size: TextSize,
    /// The user's own weekly thresholds, dated.
    pub weekly_thresholds: Vec<WeeklyThreshold>,
    /// Month the tax year starts (1–12).
    pub tax_year_start_month: u8,
    /// Day the tax year starts.
    pub tax_year_start_day: u8,
    /// Day of the month a monthly assessment period starts (1–28), as a benefit sets it.
    #[serde(default = "first_of_month")]
    pub assessment_start_day: u8,
    /// Mileage rates, dated.
    pub mileage_rates: Vec<MileageRate>,
    /// Desktop reminders: which kinds are on (all on unless switched off).
    #[serde(default)]
    pub reminders: ReminderSwitches,
    /// Days after the last backup before Alongside reminds the user to make one (7, 14, 30 or
    /// 90); `null` for never.
    #[serde(default = "monthly")]
    pub backup_reminder_days: Option<u32>,
    /// Whether exports include private reflections unless changed.
    pub export_include_private: bool,
    /// Whether exports show people's names unless changed (off: names become roles). Renamed
    /// from `export_names_as_roles`, so every vault starts with names hidden.
    #[serde(default)]
    pub export_show_names: bool,
    /// Whether exports leave money out unless changed.
    pub export_leave_out_money: bool,
    /// The user's own weekly limit on time, in minutes (preparation, work and travel), if set.
    #[serde(default)]
    pub weekly_minutes_limit: Option<i64>,
    /// Involvement paused up to and including this day (`YYYY-MM-DD`): reminders about meetings,
    /// actions, claims and feedback wait until after it.
    #[serde(default)]
    pub paused_until: Option<String>,
    /// Weeks a contribution may wait for feedback before it counts as waiting (in limbo).
    #[serde(default = "six_weeks")]
    pub feedback_wait_weeks: u32,
    /// The language of the window and of reports unless changed.
    #[serde(default)]
    pub language: crate::words::Language,
    /// Easy read: logging a contribution asks one short question per page.
    #[serde(default)]
    pub easy_read: bool,
}

/// Which desktop reminders the user wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(default)]
pub struct ReminderSwitches {
    /// A meeting tomorrow.
    pub meeting_tomorrow: bool,
    /// An action due today.
    pub action_due: bool,
    /// A claim unpaid 30 days after it was sent.
    pub claim_unpaid: bool,
    /// A session the user runs whose "you said, we did" has not gone back in time.
    pub feedback_due: bool,
    /// A participant's payment still unpaid after the project's time (30 days unless set).
    pub participant_unpaid: bool,
    /// A contribution of the user's with no feedback after the weeks they chose.
    pub feedback_waiting: bool,
}

impl Default for ReminderSwitches {
    fn default() -> Self {
        ReminderSwitches {
            meeting_tomorrow: true,
            action_due: true,
            claim_unpaid: true,
            feedback_due: true,
            participant_unpaid: true,
            feedback_waiting: true,
        }
    }
}

fn six_weeks() -> u32 {
    6
}

/// The most time a weekly limit may be: every minute of a week.
pub const MINUTES_IN_A_WEEK: i64 = 7 * 24 * 60;

fn first_of_month() -> u8 {
    1
}

fn monthly() -> Option<u32> {
    Some(30)
}

/// The backup reminder intervals offered, in days.
pub const BACKUP_REMINDER_CHOICES: [u32; 4] = [7, 14, 30, 90];

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            theme: Theme::System,
            text_size: TextSize::Normal,
            weekly_thresholds: Vec::new(),
            // The UK tax year starts on 6 April; the user may change it.
            tax_year_start_month: 4,
            tax_year_start_day: 6,
            assessment_start_day: 1,
            mileage_rates: Vec::new(),
            reminders: ReminderSwitches::default(),
            backup_reminder_days: monthly(),
            export_include_private: false,
            export_show_names: false,
            export_leave_out_money: false,
            weekly_minutes_limit: None,
            paused_until: None,
            feedback_wait_weeks: six_weeks(),
            language: crate::words::Language::EnGb,
            easy_read: false,
        }
    }
}

impl Preferences {
    /// Checks every field.
    pub fn validate(&self) -> CoreResult<()> {
        let start = chrono::NaiveDate::from_ymd_opt(
            2001,
            u32::from(self.tax_year_start_month),
            u32::from(self.tax_year_start_day),
        );
        if start.is_none() {
            return Err(CoreError::invalid(
                "tax_year_start_day",
                "Choose a day that exists in every year for the tax year start.",
            ));
        }
        if !(1..=28).contains(&self.assessment_start_day) {
            return Err(CoreError::invalid(
                "assessment_start_day",
                "Choose a day from 1 to 28 for the start of the monthly period.",
            ));
        }
        if self
            .backup_reminder_days
            .is_some_and(|d| !BACKUP_REMINDER_CHOICES.contains(&d))
        {
            return Err(CoreError::invalid(
                "backup_reminder_days",
                "Choose every week, two weeks, month or three months, or never.",
            ));
        }
        if self.weekly_thresholds.len() > validate::MAX_ITEMS
            || self.mileage_rates.len() > validate::MAX_ITEMS
        {
            return Err(CoreError::invalid("weekly_thresholds", "Too many entries."));
        }
        for t in &self.weekly_thresholds {
            validate::date("weekly_thresholds", &t.from)?;
            validate::pence("weekly_thresholds", t.pence)?;
        }
        for r in &self.mileage_rates {
            validate::date("mileage_rates", &r.from)?;
            validate::pence("mileage_rates", r.pence_per_mile)?;
        }
        if self
            .weekly_minutes_limit
            .is_some_and(|m| !(1..=MINUTES_IN_A_WEEK).contains(&m))
        {
            return Err(CoreError::invalid(
                "weekly_minutes_limit",
                "Enter hours from a quarter of an hour to 168, or leave it empty.",
            ));
        }
        if let Some(day) = &self.paused_until {
            validate::date("paused_until", day)?;
        }
        if !(1..=52).contains(&self.feedback_wait_weeks) {
            return Err(CoreError::invalid(
                "feedback_wait_weeks",
                "Choose from 1 to 52 weeks.",
            ));
        }
        Ok(())
    }

    /// Whether involvement is paused on `today` (paused up to and including a day not yet past).
    pub fn paused_on(&self, today: chrono::NaiveDate) -> bool {
        self.paused_until
            .as_deref()
            .is_some_and(|d| d >= today.format("%Y-%m-%d").to_string().as_str())
    }

    /// The rate for `vehicle` in force on `date`, if the user has entered one.
    pub fn mileage_rate_on(&self, vehicle: Vehicle, date: &str) -> Option<i64> {
        self.mileage_rates
            .iter()
            .filter(|r| r.vehicle == vehicle && r.from.as_str() <= date)
            .max_by(|a, b| a.from.cmp(&b.from))
            .map(|r| r.pence_per_mile)
    }

    /// The weekly threshold in force on `date`, if any.
    pub fn threshold_on(&self, date: &str) -> Option<i64> {
        self.weekly_thresholds
            .iter()
            .filter(|t| t.from.as_str() <= date)
            .max_by(|a, b| a.from.cmp(&b.from))
            .map(|t| t.pence)
    }

    /// First day of the monthly assessment period that holds `date`.
    pub fn assessment_period_start(&self, date: chrono::NaiveDate) -> chrono::NaiveDate {
        use chrono::Datelike;
        let day = u32::from(self.assessment_start_day.clamp(1, 28));
        let this_month = date.with_day(day).unwrap_or(date);
        if date >= this_month {
            this_month
        } else {
            date.checked_sub_months(chrono::Months::new(1))
                .and_then(|d| d.with_day(day))
                .unwrap_or(date)
        }
    }

    /// First day of the tax year that holds `date`.
    pub fn tax_year_start(&self, date: chrono::NaiveDate) -> chrono::NaiveDate {
        use chrono::Datelike;
        let start_in = |year: i32| {
            chrono::NaiveDate::from_ymd_opt(
                year,
                u32::from(self.tax_year_start_month),
                u32::from(self.tax_year_start_day),
            )
            .unwrap_or(date)
        };
        let this_year = start_in(date.year());
        if date >= this_year {
            this_year
        } else {
            start_in(date.year() - 1)
        }
    }
}

const KEY: &str = "preferences";

/// Reads the preferences (defaults when never saved).
pub async fn load(pool: &SqlitePool) -> CoreResult<Preferences> {
    match crate::vault::settings::get_raw(pool, KEY).await? {
        None => Ok(Preferences::default()),
        Some(text) => super::from_json(&text, "preferences"),
    }
}

/// Validates and saves the preferences.
pub async fn save(pool: &SqlitePool, prefs: &Preferences) -> CoreResult<Preferences> {
    prefs.validate()?;
    let mut prefs = prefs.clone();
    prefs.weekly_thresholds.sort_by(|a, b| a.from.cmp(&b.from));
    prefs
        .mileage_rates
        .sort_by(|a, b| (a.vehicle.as_str(), &a.from).cmp(&(b.vehicle.as_str(), &b.from)));
    crate::vault::settings::put_raw(pool, KEY, &super::to_json(&prefs)).await?;
    Ok(prefs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn tax_year_starts_on_6_april_by_default() {
        let p = Preferences::default();
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(p.tax_year_start(d(2026, 4, 5)), d(2025, 4, 6));
        assert_eq!(p.tax_year_start(d(2026, 4, 6)), d(2026, 4, 6));
        assert_eq!(p.tax_year_start(d(2026, 12, 31)), d(2026, 4, 6));
    }

    #[test]
    fn dated_values_pick_the_latest_in_force() {
        let p = Preferences {
            weekly_thresholds: vec![
                WeeklyThreshold {
                    from: "2024-04-01".into(),
                    pence: 18_350,
                },
                WeeklyThreshold {
                    from: "2025-04-01".into(),
                    pence: 19_650,
                },
            ],
            ..Preferences::default()
        };
        assert_eq!(p.threshold_on("2024-03-31"), None);
        assert_eq!(p.threshold_on("2024-12-01"), Some(18_350));
        assert_eq!(p.threshold_on("2026-01-01"), Some(19_650));
        let bad = Preferences {
            tax_year_start_month: 2,
            tax_year_start_day: 30,
            ..Preferences::default()
        };
        assert!(bad.validate().is_err());
    }
}
