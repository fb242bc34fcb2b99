//! Password hashing (Argon2id, the crate's defaults: 19 MiB, two passes) and the random
//! secrets the app hands out: generated passwords and tokens. Hashing takes ~15 ms of CPU:
//! callers on the async runtime run it in `web::block`.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

/// A PHC string (`$argon2id$v=19$…`) with its own random salt.
pub fn hash(password: &str) -> anyhow::Result<String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hashing a password failed: {e}"))
}

/// Whether `password` matches a stored hash. A malformed stored hash matches nothing.
pub fn verify(password: &str, stored: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(parsed) => Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    }
}

/// A hash of a password nobody knows, verified when the username is unknown so that an
/// unknown user takes as long to refuse as a wrong password.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| hash(&random_token()).unwrap_or_default());
    &DECOY
}

/// Random bytes from the operating system.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    // The OS generator failing means no secret can be made safely at all.
    getrandom::fill(&mut bytes).expect("the operating system's random number generator failed");
    bytes
}

/// 256 random bits as 64 hex digits: CSRF tokens, session keys.
pub fn random_token() -> String {
    random_bytes::<32>().iter().map(|b| format!("{b:02x}")).collect()
}

/// A password to hand over once (first admin, reset): 16 characters, ~90 bits, none of the
/// look-alikes (0/O, 1/l/I) that get misread off a screen.
pub fn generate_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    // 256 is not a multiple of 56: drop bytes past the largest multiple so each letter is equally likely.
    let limit = 256 - 256 % ALPHABET.len();
    let mut password = String::with_capacity(16);
    while password.len() < 16 {
        for byte in random_bytes::<32>() {
            if usize::from(byte) < limit && password.len() < 16 {
                password.push(char::from(ALPHABET[usize::from(byte) % ALPHABET.len()]));
            }
        }
    }
    password
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let stored = hash("mật khẩu bí mật").expect("valid in tests");
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify("mật khẩu bí mật", &stored));
        assert!(!verify("mat khau bi mat", &stored));
        assert!(!verify("anything", "not a hash"));
    }

    #[test]
    fn generated_passwords_differ_and_avoid_look_alikes() {
        let (a, b) = (generate_password(), generate_password());
        assert_eq!(a.len(), 16);
        assert_ne!(a, b);
        assert!(!a.contains(['0', 'O', '1', 'l', 'I']));
        assert_eq!(random_token().len(), 64);
    }
}
