//! CSRF tokens for forms anyone may send (shoppers' reports): signed with the app's secret and
//! dated, so they need no session, and no cookie that would take the visitor's pages out of
//! the page cache.

use chrono::{DateTime, Utc};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// A token is good for this long after the form was served.
const VALID_SECONDS: i64 = 2 * 3600;
/// Clocks of instances may disagree a little.
const SKEW_SECONDS: i64 = 60;

/// Issues and checks tokens for one purpose (a token for one form is void for another).
#[derive(Clone)]
pub struct FormTokens {
    key: Vec<u8>,
}

impl std::fmt::Debug for FormTokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FormTokens(…)")
    }
}

impl FormTokens {
    pub fn new(secret: &[u8]) -> FormTokens {
        FormTokens { key: secret.to_vec() }
    }

    fn mac(&self, purpose: &str, issued: i64) -> Hmac<Sha256> {
        // HMAC takes keys of any length: this cannot fail.
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.key).expect("HMAC accepts any key length");
        mac.update(format!("{purpose}:{issued}").as_bytes());
        mac
    }

    /// `ISSUED.SIGNATURE`.
    pub fn issue(&self, purpose: &str, now: DateTime<Utc>) -> String {
        let issued = now.timestamp();
        let tag = self.mac(purpose, issued).finalize().into_bytes();
        let hex: String = tag.iter().map(|b| format!("{b:02x}")).collect();
        format!("{issued}.{hex}")
    }

    /// Whether `token` was issued by us, for `purpose`, within its validity.
    pub fn verify(&self, purpose: &str, token: &str, now: DateTime<Utc>) -> bool {
        let Some((issued, hex)) = token.split_once('.') else { return false };
        let Ok(issued) = issued.parse::<i64>() else { return false };
        let age = now.timestamp() - issued;
        if !(-SKEW_SECONDS..=VALID_SECONDS).contains(&age) || hex.len() != 64 {
            return false;
        }
        let Some(tag) = (0..32).map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()).collect::<Option<Vec<u8>>>() else {
            return false;
        };
        self.mac(purpose, issued).verify_slice(&tag).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn a_token_verifies_for_its_purpose_within_two_hours_only() {
        let tokens = FormTokens::new(b"a secret of some length");
        let now = Utc::now();
        let token = tokens.issue("report", now);
        assert!(tokens.verify("report", &token, now + Duration::minutes(90)));
        assert!(!tokens.verify("report", &token, now + Duration::hours(3)), "expired");
        assert!(!tokens.verify("login", &token, now), "another purpose");
        assert!(!FormTokens::new(b"another secret").verify("report", &token, now), "another key");
        let forged = format!("{}.{}", now.timestamp() + 1, &token[token.len() - 64..]);
        assert!(!tokens.verify("report", &forged, now), "re-dated");
        for junk in ["", ".", "x.y", "1.zz", &"1.".repeat(40)] {
            assert!(!tokens.verify("report", junk, now), "{junk:?}");
        }
    }
}
