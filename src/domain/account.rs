//! Staff accounts: roles, what makes a good username and password, and when repeated failed
//! sign-ins slow down and then lock out.

use chrono::{DateTime, Duration, Utc};

use super::input::FieldProblem;

/// A staff account as the app sees it (never its password hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub role: Role,
    pub active: bool,
    /// Grows with every password change; a session from an older epoch is void.
    pub session_epoch: i64,
    /// The sites a clerk keeps (an admin keeps all, whatever this lists).
    pub site_ids: Vec<i64>,
}

impl Account {
    /// Whether this account may change the stock, hours and reports of a site.
    pub fn keeps_site(&self, site_id: i64) -> bool {
        self.active && (self.role == Role::Admin || self.site_ids.contains(&site_id))
    }

    pub fn is_admin(&self) -> bool {
        self.active && self.role == Role::Admin
    }
}

/// What an account may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// City staff: everything.
    Admin,
    /// Showroom staff: the stock, hours and phone of their own sites, and their reports.
    Clerk,
}

impl Role {
    pub const ALL: [Role; 2] = [Role::Admin, Role::Clerk];

    pub fn key(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Clerk => "clerk",
        }
    }

    pub fn parse(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }
}

pub const USERNAME_MAX: usize = 32;
pub const PASSWORD_MIN: usize = 10;
pub const PASSWORD_MAX: usize = 128;

/// A username: 3–32 of a–z, 0–9, `.`, `_`, `-`, stored lowercase so "Lan" and "lan" are one
/// account.
pub fn parse_username(raw: &str) -> Result<String, FieldProblem> {
    let name = raw.trim().to_lowercase();
    if name.is_empty() {
        return Err(FieldProblem::Required);
    }
    if name.chars().count() > USERNAME_MAX {
        return Err(FieldProblem::TooLong { max: USERNAME_MAX });
    }
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-');
    if name.len() < 3 || !name.chars().all(allowed) {
        return Err(FieldProblem::Malformed);
    }
    Ok(name)
}

/// A new password: long enough to resist guessing, short enough to hash cheaply.
pub fn check_new_password(password: &str) -> Result<(), FieldProblem> {
    let length = password.chars().count();
    if length == 0 {
        Err(FieldProblem::Required)
    } else if length < PASSWORD_MIN {
        Err(FieldProblem::TooShort { min: PASSWORD_MIN })
    } else if length > PASSWORD_MAX {
        Err(FieldProblem::TooLong { max: PASSWORD_MAX })
    } else {
        Ok(())
    }
}

/// Failures are counted within this window from the first one.
pub const FAILURE_WINDOW_MINUTES: i64 = 15;
/// After this many failures, every further attempt waits a little longer.
const SLOW_AFTER: i64 = 3;
/// Extra wait per failure beyond `SLOW_AFTER`.
const SLOW_STEP_MS: i64 = 400;
/// Failures on one account before it is locked.
pub const ACCOUNT_LOCK_AFTER: i64 = 5;
/// Failures from one address (across accounts) before it is locked.
pub const ADDRESS_LOCK_AFTER: i64 = 20;
/// How long a lock-out lasts after the last failure.
pub const LOCK_MINUTES: i64 = 15;

/// The failed sign-ins counted for one account or one address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failures {
    pub count: i64,
    pub first: DateTime<Utc>,
    pub last: DateTime<Utc>,
}

/// Whether a sign-in attempt may go ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Throttle {
    Open,
    /// Go ahead after waiting this long.
    Slow(std::time::Duration),
    /// Refused, whatever the password, until then.
    Locked {
        until: DateTime<Utc>,
    },
}

impl Throttle {
    /// The rule for one subject: `lock_after` failures in the window lock it for `LOCK_MINUTES`
    /// from the last one; past `SLOW_AFTER` each attempt is slowed. An old window counts nothing.
    pub fn of(failures: Option<Failures>, lock_after: i64, now: DateTime<Utc>) -> Throttle {
        let Some(f) = failures else { return Throttle::Open };
        if f.count >= lock_after {
            let until = f.last + Duration::minutes(LOCK_MINUTES);
            return if now < until { Throttle::Locked { until } } else { Throttle::Open };
        }
        if now - f.first > Duration::minutes(FAILURE_WINDOW_MINUTES) || f.count < SLOW_AFTER {
            return Throttle::Open;
        }
        Throttle::Slow(std::time::Duration::from_millis(((f.count - SLOW_AFTER + 1) * SLOW_STEP_MS) as u64))
    }

    /// The stricter of two (account and address).
    pub fn stricter(self, other: Throttle) -> Throttle {
        match (self, other) {
            (Throttle::Locked { until: a }, Throttle::Locked { until: b }) => Throttle::Locked { until: a.max(b) },
            (locked @ Throttle::Locked { .. }, _) | (_, locked @ Throttle::Locked { .. }) => locked,
            (Throttle::Slow(a), Throttle::Slow(b)) => Throttle::Slow(a.max(b)),
            (slow @ Throttle::Slow(_), Throttle::Open) | (Throttle::Open, slow @ Throttle::Slow(_)) => slow,
            (Throttle::Open, Throttle::Open) => Throttle::Open,
        }
    }
}

/// Signed-in sessions end after this long without a request.
pub const SESSION_IDLE_MINUTES: i64 = 8 * 60;

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minute: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + minute * 60, 0).expect("valid in tests")
    }

    fn failures(count: i64, first: i64, last: i64) -> Option<Failures> {
        Some(Failures { count, first: at(first), last: at(last) })
    }

    #[test]
    fn usernames_are_lowercased_and_limited_to_a_safe_alphabet() {
        assert_eq!(parse_username("  Lan.Nguyen "), Ok("lan.nguyen".to_owned()));
        assert_eq!(parse_username(""), Err(FieldProblem::Required));
        assert_eq!(parse_username("ab"), Err(FieldProblem::Malformed));
        assert_eq!(parse_username("lan nguyen"), Err(FieldProblem::Malformed));
        assert_eq!(parse_username("<script>"), Err(FieldProblem::Malformed));
        assert_eq!(parse_username(&"a".repeat(33)), Err(FieldProblem::TooLong { max: USERNAME_MAX }));
    }

    #[test]
    fn new_passwords_need_ten_characters() {
        assert_eq!(check_new_password("short"), Err(FieldProblem::TooShort { min: PASSWORD_MIN }));
        assert_eq!(check_new_password("mật khẩu dài"), Ok(()));
        assert_eq!(check_new_password(&"x".repeat(129)), Err(FieldProblem::TooLong { max: PASSWORD_MAX }));
    }

    #[test]
    fn a_few_failures_pass_then_slow_then_lock() {
        assert_eq!(Throttle::of(None, 5, at(0)), Throttle::Open);
        assert_eq!(Throttle::of(failures(2, 0, 1), 5, at(1)), Throttle::Open);
        assert!(matches!(Throttle::of(failures(3, 0, 1), 5, at(1)), Throttle::Slow(_)));
        assert_eq!(Throttle::of(failures(5, 0, 2), 5, at(3)), Throttle::Locked { until: at(17) });
    }

    #[test]
    fn a_lock_out_ends_fifteen_minutes_after_the_last_failure() {
        assert_eq!(Throttle::of(failures(5, 0, 2), 5, at(16)), Throttle::Locked { until: at(17) });
        assert_eq!(Throttle::of(failures(5, 0, 2), 5, at(17)), Throttle::Open);
    }

    #[test]
    fn failures_from_an_old_window_count_for_nothing() {
        assert_eq!(Throttle::of(failures(4, 0, 10), 5, at(16)), Throttle::Open);
    }

    #[test]
    fn the_stricter_throttle_wins() {
        let locked = Throttle::Locked { until: at(5) };
        assert_eq!(Throttle::Open.stricter(locked), locked);
        assert_eq!(
            Throttle::Slow(std::time::Duration::from_secs(1)).stricter(Throttle::Open),
            Throttle::Slow(std::time::Duration::from_secs(1))
        );
    }

    #[test]
    fn a_clerk_keeps_only_their_sites_and_an_admin_keeps_all() {
        let clerk = Account { id: 1, username: "lan".into(), role: Role::Clerk, active: true, session_epoch: 0, site_ids: vec![7] };
        assert!(clerk.keeps_site(7));
        assert!(!clerk.keeps_site(8));
        assert!(!clerk.is_admin());
        let admin = Account { role: Role::Admin, site_ids: vec![], ..clerk.clone() };
        assert!(admin.keeps_site(8));
        let gone = Account { active: false, ..clerk };
        assert!(!gone.keeps_site(7));
    }

    #[test]
    fn roles_round_trip_through_their_keys() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.key()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }
}
