//! The burgerservicenummer (BSN) and its elfproef (domain page §7): nine digits, weighted
//! 9, 8, …, 2 and −1, the sum divisible by 11 (and not 0).

use std::fmt;

use serde::{Deserialize, Serialize};

/// A BSN that passed the elfproef. Its `Display` is masked; use [`Bsn::reveal`] deliberately.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Bsn(String);

/// Why a text is not a valid BSN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BsnError {
    #[error("een BSN heeft 9 cijfers")]
    Length,
    #[error("een BSN bestaat alleen uit cijfers")]
    NotDigits,
    #[error("dit BSN voldoet niet aan de elfproef")]
    Elfproef,
}

impl Bsn {
    /// Parses a BSN, allowing spaces and dots as people type them ("1234.56.782").
    /// Eight digits get the leading zero that spreadsheets drop.
    pub fn parse(text: &str) -> Result<Self, BsnError> {
        let digits: String = text
            .chars()
            .filter(|c| !matches!(c, ' ' | '.' | '-'))
            .collect();
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(BsnError::NotDigits);
        }
        let digits = match digits.len() {
            8 => format!("0{digits}"),
            9 => digits,
            _ => return Err(BsnError::Length),
        };
        if !passes_elfproef(&digits) {
            return Err(BsnError::Elfproef);
        }
        Ok(Self(digits))
    }

    /// The full number. Callers that show it to a person must audit the reveal.
    pub fn reveal(&self) -> &str {
        &self.0
    }

    /// The number with all but the last three digits hidden: `******782`.
    pub fn masked(&self) -> String {
        format!("******{}", &self.0[6..])
    }
}

impl fmt::Display for Bsn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

impl TryFrom<String> for Bsn {
    type Error = BsnError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Bsn> for String {
    fn from(bsn: Bsn) -> Self {
        bsn.0
    }
}

impl ts_rs::TS for Bsn {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn name(_: &ts_rs::Config) -> String {
        "string".to_owned()
    }
    fn inline(_: &ts_rs::Config) -> String {
        "string".to_owned()
    }
}

/// The elfproef on nine ASCII digits.
fn passes_elfproef(digits: &str) -> bool {
    let sum: i64 = digits
        .bytes()
        .zip([9, 8, 7, 6, 5, 4, 3, 2, -1])
        .map(|(d, w)| i64::from(d - b'0') * w)
        .sum();
    sum != 0 && sum % 11 == 0
}

/// Completes eight digits into a BSN that passes the elfproef, if one exists
/// (used to make synthetic test and demo BSNs).
pub fn complete_with_check_digit(first_eight: &str) -> Option<Bsn> {
    (0..=9).find_map(|last| Bsn::parse(&format!("{first_eight}{last}")).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elfproef_table() {
        let cases: &[(&str, Result<&str, BsnError>)] = &[
            ("111222333", Ok("111222333")),
            ("123456782", Ok("123456782")),
            ("1234.56.782", Ok("123456782")),
            (" 123 456 782 ", Ok("123456782")),
            ("10000021", Ok("010000021")),
            ("12345678", Err(BsnError::Elfproef)),
            ("123456781", Err(BsnError::Elfproef)),
            ("000000000", Err(BsnError::Elfproef)),
            ("12345678a", Err(BsnError::NotDigits)),
            ("1234567", Err(BsnError::Length)),
            ("1234567890", Err(BsnError::Length)),
            ("", Err(BsnError::Length)),
        ];
        for (input, expected) in cases {
            let got = Bsn::parse(input).map(|b| b.reveal().to_owned());
            let expected = expected.map(str::to_owned);
            assert_eq!(got, expected, "input {input:?}");
        }
    }

    #[test]
    fn masked_shows_only_last_three_digits() {
        let bsn = Bsn::parse("123456782").unwrap();
        assert_eq!(bsn.masked(), "******782");
        assert_eq!(bsn.to_string(), "******782");
    }

    #[test]
    fn check_digit_completion_yields_valid_bsn() {
        let bsn = complete_with_check_digit("12345678").unwrap();
        assert_eq!(bsn.reveal(), "123456782");
    }
}
