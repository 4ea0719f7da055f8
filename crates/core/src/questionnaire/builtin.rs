//! The questionnaires that ship with Traject; the store adds them on open when missing.

use super::validate::Compiled;

/// The id of the Brede intake; new intakes use its highest version in the store.
pub const BREDE_INTAKE: &str = "brede-intake-wi2021";

/// Each built-in definition with its id and version, so the store can see whether it already
/// has one without parsing it (a test checks they match the files).
pub const SOURCES: [(&str, u32, &str); 1] = [(
    BREDE_INTAKE,
    1,
    include_str!("../../questionnaires/brede-intake-wi2021.toml"),
)];

/// Every built-in definition, validated (a test guarantees they are valid).
pub fn all() -> Vec<Compiled> {
    SOURCES
        .iter()
        .filter_map(|(_, _, source)| Compiled::from_toml(source).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_brede_intake_is_valid_and_complete_enough() {
        for (id, version, source) in SOURCES {
            match Compiled::from_toml(source) {
                Ok(compiled) => {
                    assert_eq!(
                        (compiled.definition.id.as_str(), compiled.definition.version),
                        (id, version)
                    )
                }
                Err(errors) => {
                    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
                    panic!("built-in questionnaire is broken:\n{}", shown.join("\n"));
                }
            }
        }
        let intake = all()
            .into_iter()
            .find(|c| c.definition.id == BREDE_INTAKE)
            .unwrap();
        let questions: usize = intake
            .definition
            .groups
            .iter()
            .map(|g| g.questions.len())
            .sum();
        assert!(questions >= 60, "{questions} questions");
        assert!(
            intake
                .definition
                .groups
                .iter()
                .filter(|g| g.repeat.is_some())
                .count()
                >= 2
        );
        for topic in [
            "leerbaarheidstoets",
            "route",
            "gezondheid",
            "opleiding",
            "werk",
        ] {
            assert!(
                intake
                    .definition
                    .groups
                    .iter()
                    .any(|g| g.id.contains(topic) || g.title.to_lowercase().contains(topic)),
                "no group about {topic}"
            );
        }
    }
}
