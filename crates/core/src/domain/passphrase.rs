//! How strong a password or passphrase must be: the server's accounts now, the laptop's
//! database key later. Dutch feedback that says what to change.

/// The shortest password accepted.
pub const MIN_CHARS: usize = 12;

/// Why `password` is too weak, or `None` when it is strong enough.
pub fn weakness(password: &str) -> Option<String> {
    weakness_of(password, "het wachtwoord")
}

/// [`weakness`], worded for the passphrase that encrypts the laptop's database (the lock
/// screen's feedback).
pub fn passphrase_weakness(passphrase: &str) -> Option<String> {
    weakness_of(passphrase, "de wachtwoordzin")
}

/// The rule, naming the secret `noun` ("het wachtwoord", "de wachtwoordzin").
fn weakness_of(password: &str, noun: &str) -> Option<String> {
    let chars: Vec<char> = password.chars().collect();
    if chars.len() < MIN_CHARS {
        return Some(format!(
            "{noun} moet minstens {MIN_CHARS} tekens hebben (nu {})",
            chars.len()
        ));
    }
    if chars.iter().all(|c| *c == chars[0]) {
        return Some(format!("{noun} bestaat uit één teken, herhaald"));
    }
    let kinds = [
        chars.iter().any(|c| c.is_lowercase()),
        chars.iter().any(|c| c.is_uppercase()),
        chars.iter().any(|c| c.is_numeric()),
        chars.iter().any(|c| !c.is_alphanumeric()),
    ];
    // A long passphrase of plain words is fine; a short one needs some variety.
    if chars.len() < 20 && kinds.iter().filter(|k| **k).count() < 2 {
        return Some(
            "gebruik ook hoofdletters, cijfers of leestekens, of maak er een zin van minstens \
             20 tekens van"
                .into(),
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{passphrase_weakness, weakness};

    #[test]
    fn passwords_at_the_boundaries() {
        let cases = [
            ("", false),
            ("Kort1!", false),
            ("elf-tekens1", false),  // 11 characters
            ("twaalftekens", false), // 12, but only lowercase
            ("Twaalftekens", true),  // 12, two kinds
            ("aaaaaaaaaaaaaaaaaaaaaaaa", false),
            ("negentien letters a", true), // a space counts as another kind
            ("eenlangezinzondertekens", true), // 23 lowercase: a passphrase
            ("ßßßßßßßßßßßß", false),
            ("Ünïcödé-wachtw", true),
        ];
        for (password, ok) in cases {
            assert_eq!(
                weakness(password).is_none(),
                ok,
                "{password:?}: {:?}",
                weakness(password)
            );
        }
        assert!(weakness("Kort1!")
            .unwrap()
            .contains("minstens 12 tekens hebben (nu 6)"));
        // The same rule for the database's passphrase, in its words.
        for (password, ok) in cases {
            assert_eq!(passphrase_weakness(password).is_none(), ok, "{password:?}");
        }
        assert_eq!(
            passphrase_weakness("Kort1!").as_deref(),
            Some("de wachtwoordzin moet minstens 12 tekens hebben (nu 6)")
        );
        assert_eq!(
            passphrase_weakness("aaaaaaaaaaaaaaaaaaaaaaaa").as_deref(),
            Some("de wachtwoordzin bestaat uit één teken, herhaald")
        );
    }
}
