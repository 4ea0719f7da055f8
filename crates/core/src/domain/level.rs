//! Language levels on the CEFR scale, as language schools report them and DUO examines them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
pub enum CefrLevel {
    A0,
    A1,
    A2,
    B1,
    B2,
}

impl CefrLevel {
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_uppercase().as_str() {
            "A0" => Some(Self::A0),
            "A1" => Some(Self::A1),
            "A2" => Some(Self::A2),
            "B1" => Some(Self::B1),
            "B2" => Some(Self::B2),
            _ => None,
        }
    }
}
