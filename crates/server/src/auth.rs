//! Passwords (Argon2id, the crate's default parameters) and device tokens (256 random bits,
//! kept on the server as their SHA-256: a token has too much entropy to guess, so a fast hash
//! suffices and every request stays cheap).

use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;
use rand::RngCore;
use sha2::{Digest, Sha256};

use crate::error::ServerError;

pub fn hash_password(password: &str) -> Result<String, ServerError> {
    if let Some(weakness) = traject_core::domain::passphrase::weakness(password) {
        return Err(ServerError::BadRequest(weakness));
    }
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| ServerError::Internal(format!("wachtwoord hashen: {e}")))
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    Argon2::default()
        .verify_password(password.as_bytes(), hash)
        .is_ok()
}

/// A new device token, as the client will send it.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex(&bytes)
}

/// What the server keeps of a token.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_verifies_against_its_own_hash_only() {
        let hash = hash_password("Correct paard batterij").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("Correct paard batterij", &hash));
        assert!(!verify_password("correct paard batterij", &hash));
        assert!(!verify_password("Correct paard batterij", "geen hash"));
    }

    #[test]
    fn a_hash_stored_by_an_earlier_version_still_verifies() {
        // Made by argon2 0.5 (the crate's default cost then and now: 19 MiB, 2 passes).
        let stored = "$argon2id$v=19$m=19456,t=2,p=1$BwcHBwcHBwcHBwcHBwcHBw$uJQD381fEFDMu43/OP+w7L25gbEA6xBBH5dNkc76lvo";
        assert!(verify_password(
            "Zeven lange woorden voor de server",
            stored
        ));
        assert!(!verify_password(
            "Zeven lange woorden voor de Server",
            stored
        ));
    }

    #[test]
    fn a_weak_password_is_refused_with_the_reason() {
        let err = hash_password("kort").unwrap_err();
        assert!(err.to_string().contains("minstens 12 tekens"), "{err}");
    }

    #[test]
    fn tokens_are_random_and_hashed() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_eq!(token_hash(&a), token_hash(&a));
        assert_ne!(token_hash(&a), a);
    }
}
