//! Calendar dates (proleptic Gregorian), enough for birth dates, ages,
//! certificate validity and expiry windows. No time zones: a date is what
//! the user sees on the calendar (the JS binding passes the local date).

#[allow(unused_imports)]
use crate::rt::prelude::*;

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2026.
    pub year: i32,
    /// Month 1–12.
    pub month: u32,
    /// Day 1–31.
    pub day: u32,
}

/// True for a Gregorian leap year.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month (0 for a month outside 1–12).
// Vision wasm: one copy, not one per caller (docs/notes/vision-speed2.md).
#[cfg_attr(vision_only, inline(never))]
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date, if it exists on the calendar.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if day >= 1 && day <= days_in_month(year, month) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    /// Parses `YYYY-MM-DD` (also `YYYY/MM/DD`, `YYYY.MM.DD` and `YYYYMMDD`).
    pub fn parse(s: &str) -> Option<Date> {
        let s = crate::options::trim(s);
        let b = s.as_bytes();
        let digits = |r: core::ops::Range<usize>| -> Option<u32> {
            let mut n = 0;
            for c in b.get(r)? {
                n = n * 10 + (*c as char).to_digit(10)?;
            }
            Some(n)
        };
        let (y, m, d) = match b.len() {
            8 => (digits(0..4)?, digits(4..6)?, digits(6..8)?),
            10 => {
                let sep = *b.get(4)?;
                if !matches!(sep, b'-' | b'/' | b'.') || b.get(7) != Some(&sep) {
                    return None;
                }
                (digits(0..4)?, digits(5..7)?, digits(8..10)?)
            }
            _ => return None,
        };
        Date::new(y as i32, m, d)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Working days (Monday to Friday; public holidays are not known) after
    /// `self` up to and including `other`, counted up to `cap`.
    pub fn working_days_until(self, other: Date, cap: i64) -> i64 {
        let (from, to) = (self.days_since_epoch(), other.days_since_epoch());
        let mut n = 0;
        let mut d = from + 1;
        while d <= to && n < cap {
            // 1970-01-01 was a Thursday: (d + 3) mod 7 is 0 on Mondays.
            if (d + 3).rem_euclid(7) < 5 {
                n += 1;
            }
            d += 1;
        }
        n
    }

    /// Days from `self` to `other` (positive when `other` is later).
    pub fn days_until(self, other: Date) -> i64 {
        other.days_since_epoch() - self.days_since_epoch()
    }

    /// The same day `months` later (clamped to the month's last day).
    pub fn add_months(self, months: i32) -> Date {
        let total = self.year * 12 + self.month as i32 - 1 + months;
        let year = total.div_euclid(12);
        let month = total.rem_euclid(12) as u32 + 1;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// Whole years from `self` (a birth date) to `on`.
    pub fn age_on(self, on: Date) -> i32 {
        let mut age = on.year - self.year;
        if (on.month, on.day) < (self.month, self.day) {
            age -= 1;
        }
        age
    }

    /// Today's date in UTC from the system clock (native builds; the wasm
    /// binding passes the browser's local date instead).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Date::from_days_since_epoch(secs.div_euclid(86_400))
    }
}

impl Date {
    /// `YYYY-MM-DD` (what the API writes and `Display` shows).
    pub fn iso(&self) -> String {
        let mut out = String::new();
        if self.year < 0 {
            out.put_char('-');
        }
        push_padded(&mut out, self.year.unsigned_abs(), 4);
        out.put_char('-');
        push_padded(&mut out, self.month, 2);
        out.put_char('-');
        push_padded(&mut out, self.day, 2);
        out
    }
}

/// Appends `n` in decimal, zero-padded to `width` digits (written in place,
/// not through a padded copy).
fn push_padded(out: &mut String, n: u32, width: u32) {
    let (mut digits, mut m) = (1, n);
    while m >= 10 {
        m /= 10;
        digits += 1;
    }
    for _ in digits..width {
        out.put_char('0');
    }
    crate::rt::push_u64(out, n.into());
}

/// Native builds only: in the wasm, `to_string()` on a date would link
/// `core::fmt`; the code calls [`Date::iso`].
#[cfg(not(target_arch = "wasm32"))]
impl core::fmt::Display for Date {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.iso())
    }
}

impl crate::rt::Piece for Date {
    fn push_to(&self, out: &mut String) {
        out.push_str(&self.iso());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn working_days_skip_weekends() {
        let d = |s| Date::parse(s).unwrap();
        let fri = d("2026-11-27");
        assert_eq!(fri.working_days_until(d("2026-11-27"), 9), 0);
        assert_eq!(fri.working_days_until(d("2026-11-29"), 9), 0); // Sat, Sun
        assert_eq!(fri.working_days_until(d("2026-11-30"), 9), 1); // Mon
        assert_eq!(fri.working_days_until(d("2026-12-02"), 9), 3); // Wed
        assert_eq!(fri.working_days_until(d("2026-12-11"), 9), 9);
        assert_eq!(fri.working_days_until(d("2027-11-27"), 3), 3); // capped
        assert_eq!(fri.working_days_until(d("2026-11-01"), 9), 0); // earlier
                                                                   // against a day-by-day weekday count from a known Monday
        let mon = d("2024-01-01");
        for span in 0..40 {
            let to = Date::from_days_since_epoch(mon.days_since_epoch() + span);
            let want = (1..=span).filter(|k| (k % 7) != 5 && (k % 7) != 6).count() as i64;
            assert_eq!(mon.working_days_until(to, 100), want, "{span}");
        }
    }

    #[test]
    fn iso_pads_like_format() {
        for year in [-10_000, -1, 0, 7, 999, 2026, 9999, 10_000, 123_456] {
            for (month, day) in [(1, 1), (9, 30), (12, 31)] {
                let d = Date { year, month, day };
                let sign = if year < 0 { "-" } else { "" };
                let want = format!("{sign}{:04}-{month:02}-{day:02}", year.unsigned_abs());
                assert_eq!(d.iso(), want);
            }
        }
    }

    #[test]
    fn parses_and_rejects() {
        assert_eq!(
            Date::parse("2024-02-29"),
            Some(Date {
                year: 2024,
                month: 2,
                day: 29
            })
        );
        assert_eq!(Date::parse("20240229"), Date::parse("2024/02/29"));
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-04-31",
            "2024-1-01",
            "abcd-ef-gh",
            "",
            "2024-02-3x",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn epoch_round_trip() {
        for days in [-800_000i64, -1, 0, 1, 11_016, 20_000, 2_000_000] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
        assert_eq!(
            Date::parse("2000-03-01").map(|d| d.days_since_epoch()),
            Some(11_017)
        );
    }

    #[test]
    fn months_and_ages() {
        let d = Date::parse("2024-01-31").unwrap();
        assert_eq!(d.add_months(1).to_string(), "2024-02-29");
        assert_eq!(d.add_months(-2).to_string(), "2023-11-30");
        let birth = Date::parse("2008-11-28").unwrap();
        assert_eq!(birth.age_on(Date::parse("2026-11-27").unwrap()), 17);
        assert_eq!(birth.age_on(Date::parse("2026-11-28").unwrap()), 18);
    }
}
