use super::*;
use crate::domain::trajectory::test_support::{broken, ctx, day};

fn rules() -> Vec<FineRule> {
    vec![
        FineRule {
            code: "art-3-intake".into(),
            description: "Niet meewerken aan de brede intake".into(),
            trigger: Some(EnforcementTrigger::IntakeNietMeegewerkt),
            max_cents: 25_000,
        },
        FineRule {
            code: "art-4-pip".into(),
            description: "Afspraken uit het PIP niet nakomen".into(),
            trigger: None,
            max_cents: 80_000,
        },
    ]
}

fn fine(trigger: EnforcementTrigger, rule: &str, cents: i64) -> EnforcementCase {
    EnforcementCase {
        trigger,
        opened_on: day(2026, 9, 1),
        investigation: Some("Twee keer niet verschenen, geen reden gegeven".into()),
        decision: Some(EnforcementDecision::Boete),
        decided_on: Some(day(2026, 11, 1)),
        culpability: Some(Culpability::NormaleVerwijtbaarheid),
        fine_rule: Some(rule.into()),
        fine_cents: Some(cents),
        note: None,
    }
}

fn open_case() -> EnforcementCase {
    EnforcementCase {
        decision: None,
        decided_on: None,
        culpability: None,
        fine_rule: None,
        fine_cents: None,
        ..fine(EnforcementTrigger::AfspraakNietNagekomen, "", 0)
    }
}

#[test]
fn enforcement_rules() {
    let rules = rules();
    let warned = [day(2026, 10, 1)];
    let sh = RecordContext {
        fine_rules: &rules,
        warnings: &warned,
        ..ctx(ClientType::Statushouder)
    };
    let gm = RecordContext {
        client_type: Some(ClientType::Gezinsmigrant),
        ..sh
    };
    let not_warned = RecordContext {
        warnings: &[],
        ..sh
    };
    let warned_after = [day(2026, 11, 2)];
    let warned_late = RecordContext {
        warnings: &warned_after,
        ..sh
    };
    use EnforcementTrigger as T;
    let cases: Vec<(&str, EnforcementCase, RecordContext<'_>, Vec<&str>)> = vec![
        ("an open case", open_case(), sh, vec![]),
        (
            "a warning decision",
            EnforcementCase {
                decision: Some(EnforcementDecision::Waarschuwing),
                decided_on: Some(day(2026, 10, 1)),
                ..open_case()
            },
            not_warned,
            vec![],
        ),
        (
            "decision without date",
            EnforcementCase {
                decision: Some(EnforcementDecision::GeenMaatregel),
                ..open_case()
            },
            sh,
            vec!["decided_on:required"],
        ),
        (
            "date without decision",
            EnforcementCase {
                decided_on: Some(day(2026, 10, 1)),
                ..open_case()
            },
            sh,
            vec!["decision:required"],
        ),
        (
            "decided before opened",
            EnforcementCase {
                decision: Some(EnforcementDecision::GeenMaatregel),
                decided_on: Some(day(2026, 8, 31)),
                ..open_case()
            },
            sh,
            vec!["decided_on:not_before_start"],
        ),
        (
            "decided on the opening day",
            EnforcementCase {
                decision: Some(EnforcementDecision::GeenMaatregel),
                decided_on: Some(day(2026, 9, 1)),
                ..open_case()
            },
            sh,
            vec![],
        ),
        (
            "a fine within the regulation",
            fine(T::IntakeNietMeegewerkt, "art-3-intake", 25_000),
            sh,
            vec![],
        ),
        (
            "one cent above the regulation",
            fine(T::IntakeNietMeegewerkt, "art-3-intake", 25_001),
            sh,
            vec!["fine_cents:above_regulation"],
        ),
        (
            "zero",
            fine(T::IntakeNietMeegewerkt, "art-3-intake", 0),
            sh,
            vec!["fine_cents:positive"],
        ),
        (
            "an article about other behaviour",
            fine(T::AfspraakNietNagekomen, "art-3-intake", 100),
            sh,
            vec!["fine_rule:other_behaviour"],
        ),
        (
            "an unknown article",
            fine(T::AfspraakNietNagekomen, "art-99", 100),
            sh,
            vec!["fine_rule:unknown"],
        ),
        (
            "no warning before the fine",
            fine(T::PipAfsprakenNietNagekomen, "art-4-pip", 80_000),
            not_warned,
            vec!["decision:warning_first"],
        ),
        (
            "the warning came after the decision",
            fine(T::PipAfsprakenNietNagekomen, "art-4-pip", 80_000),
            warned_late,
            vec!["decision:warning_first"],
        ),
        (
            "a fine without culpability",
            EnforcementCase {
                culpability: None,
                ..fine(T::PipAfsprakenNietNagekomen, "art-4-pip", 500)
            },
            sh,
            vec!["culpability:fine_needs_culpability"],
        ),
        (
            "a statushouder's class absence",
            fine(T::Verzuim, "art-4-pip", 500),
            sh,
            vec![],
        ),
        (
            "a gezinsmigrant's class absence",
            fine(T::Verzuim, "art-4-pip", 500),
            gm,
            vec!["decision:fine_for_absence_statushouders_only"],
        ),
        (
            "a gezinsmigrant not cooperating with the intake",
            fine(T::IntakeNietMeegewerkt, "art-3-intake", 25_000),
            gm,
            vec![],
        ),
        (
            "a fine without article or amount",
            EnforcementCase {
                fine_rule: None,
                fine_cents: None,
                ..fine(T::Anders, "", 0)
            },
            sh,
            vec!["fine_rule:required", "fine_cents:required"],
        ),
        (
            "an amount without a fine",
            EnforcementCase {
                fine_cents: Some(100),
                ..open_case()
            },
            sh,
            vec!["fine_cents:only_with_fine"],
        ),
    ];
    for (name, record, context, expected) in cases {
        assert_eq!(broken(&record, &context), expected, "{name}");
    }
}

#[test]
fn a_warning_lies_within_its_case() {
    let warning = |date| Warning {
        case_id: Uuid::nil(),
        date,
        letter_sent: true,
        note: None,
    };
    let c = RecordContext {
        case_opened_on: Some(day(2026, 9, 1)),
        ..ctx(ClientType::Statushouder)
    };
    assert!(broken(&warning(day(2026, 9, 1)), &c).is_empty());
    assert_eq!(
        broken(&warning(day(2026, 8, 31)), &c),
        ["date:not_before_start"]
    );
    assert_eq!(
        broken(&warning(day(2026, 11, 30)), &c),
        ["date:not_in_future"]
    );
}
