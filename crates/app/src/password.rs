//! Password hashing with argon2id and a random salt per password.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng};
use argon2::{Algorithm, Argon2, Params, Version};
use lotline_domain::ApiError;

/// The argon2id cost a desk hashes new passwords with. Verifying reads the cost from the hash
/// itself, so hashes made with other settings keep working and are upgraded at sign-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hashing {
    memory_kib: u32,
    iterations: u32,
    lanes: u32,
}

impl Hashing {
    /// 64 MiB, 3 passes, 1 lane: RFC 9106's second recommended setting (with one lane, as the
    /// argon2 crate runs lanes one after the other anyway), about 3.4 times the work and memory
    /// of OWASP's floor (19 MiB, 2 passes), which is argon2's default and what Lotline used before.
    /// A sign-in takes a few hundred milliseconds on an office PC: unnoticed by a person, costly
    /// for whoever guesses at a stolen database.
    pub const PRODUCTION: Hashing = Hashing { memory_kib: 64 * 1024, iterations: 3, lanes: 1 };

    /// The cheapest argon2id there is, so that test suites that sign in hundreds of times stay
    /// fast. Only `Ctx::with_test_hashing` uses it; no host calls that.
    pub(crate) const TESTS_ONLY: Hashing = Hashing { memory_kib: 8, iterations: 1, lanes: 1 };

    fn argon2(self) -> Result<Argon2<'static>, ApiError> {
        let params = Params::new(self.memory_kib, self.iterations, self.lanes, None).map_err(ApiError::internal)?;
        Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
    }

    pub(crate) fn hash(self, password: &str) -> Result<String, ApiError> {
        let salt = SaltString::generate(&mut OsRng);
        let hash = self.argon2()?.hash_password(password.as_bytes(), &salt).map_err(ApiError::internal)?;
        Ok(hash.to_string())
    }

    /// Checks `password` against `stored` with the cost `stored` was made with.
    pub(crate) fn verify(password: &str, stored: &str) -> bool {
        PasswordHash::new(stored)
            .is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
    }

    /// Whether `stored` was made with another algorithm or less memory or fewer passes than this
    /// setting asks for, and should be made again while the password is at hand.
    pub(crate) fn is_weaker(self, stored: &str) -> bool {
        let Ok(parsed) = PasswordHash::new(stored) else { return true };
        let Ok(params) = Params::try_from(&parsed) else { return true };
        parsed.algorithm != Algorithm::Argon2id.ident()
            || params.m_cost() < self.memory_kib
            || params.t_cost() < self.iterations
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_of_lower_cost_is_weaker_and_any_cost_verifies() {
        let cheap = Hashing::TESTS_ONLY.hash("a long passphrase").unwrap();
        assert!(cheap.starts_with("$argon2id$v=19$m=8,t=1,p=1$"), "{cheap}");
        assert!(Hashing::verify("a long passphrase", &cheap));
        assert!(!Hashing::verify("another passphrase", &cheap));
        assert!(Hashing::PRODUCTION.is_weaker(&cheap));
        assert!(!Hashing::TESTS_ONLY.is_weaker(&cheap));
        let floor = "$argon2id$v=19$m=19456,t=2,p=1$bm8tb25lLWF0LWFsbA$Xq2yJ3mGiPpBq7QfC3tQyCwJ0oZbmQ1y7s8XbLx0Fz8";
        assert!(Hashing::PRODUCTION.is_weaker(floor), "argon2's default, OWASP's floor");
        assert!(Hashing::PRODUCTION.is_weaker("not a hash"));
    }
}
