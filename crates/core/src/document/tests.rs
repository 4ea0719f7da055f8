//! Tests of the beschikking PDF. The example data is invented.

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;

use super::beschikking::{layout, place_name};
use super::typeset::{Fonts, Op, Style, Weight, MM, PAGE_HEIGHT, PAGE_WIDTH};
use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn rows(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(l, v)| ((*l).to_owned(), (*v).to_owned()))
        .collect()
}

/// A realistic beschikking with invented data.
pub fn example() -> Beschikking {
    Beschikking {
        letterhead: Letterhead {
            municipality: "Gemeente Lisse".into(),
            department: "Team Inburgering".into(),
            address: "Heereweg 254".into(),
            postcode_city: "2161 BM Lisse".into(),
            phone: Some("0252 12 34 56".into()),
            email: Some("inburgering@lisse.example".into()),
            website: Some("www.lisse.example".into()),
        },
        reference: "PIP-2026-0193-v2".into(),
        dagtekening: d(2026, 11, 29),
        subject: "Besluit over uw Persoonlijk Plan Inburgering en Participatie (PIP)".into(),
        client_name: "Amira Haddad".into(),
        client_address: vec!["Nassaustraat 7".into(), "2161 XK Lisse".into()],
        client_birth_date: Some(d(1991, 3, 14)),
        bsn_masked: Some("******782".into()),
        introduction: vec![
            "Op 12 november 2026 hebben wij met u gesproken over uw inburgering. We hebben \
             samen gekeken naar uw opleiding, uw werkervaring en uw wensen. Met deze brief \
             stellen wij uw Persoonlijk Plan Inburgering en Participatie (PIP) vast. Dit is de \
             tweede versie van uw PIP; deze vervangt de versie van 3 juni 2026."
                .into(),
            "Hieronder leest u wat wij hebben besloten en wat dat voor u betekent. Hebt u \
             vragen over deze brief? Neem dan contact op met uw consulent."
                .into(),
        ],
        sections: vec![
            Section {
                heading: "Leerroute".into(),
                rows: rows(&[
                    ("Leerroute", "B1-route"),
                    (
                        "Taalniveau",
                        "B1 voor lezen, luisteren, spreken en schrijven; A2 voor het \
                         onderdeel Kennis van de Nederlandse Maatschappij wordt niet apart \
                         getoetst",
                    ),
                    ("Taalschool", "Taalcentrum Bollenstreek, Leiden"),
                    ("Start lessen", "5 januari 2027"),
                    (
                        "Lesuren",
                        "12 uur per week (maandag, woensdag en donderdag)",
                    ),
                ]),
            },
            Section {
                heading: "Module Arbeidsmarkt en Participatie (MAP)".into(),
                rows: rows(&[
                    (
                        "Onderdelen",
                        "Oriëntatie op de arbeidsmarkt, een beroepsgerichte stage van 16 \
                         weken en een sollicitatietraining “Samen aan de slag”",
                    ),
                    ("Begeleider", "Sanne de Vries, Team Inburgering"),
                    ("Portfolio", "Inleveren vóór 1 september 2028"),
                ]),
            },
            Section {
                heading: "Ontzorgen en financiële begeleiding".into(),
                rows: rows(&[
                    (
                        "Ontzorgen",
                        "De eerste zes maanden betalen wij uw huur, energie en \
                         zorgverzekering rechtstreeks uit uw bijstandsuitkering.",
                    ),
                    (
                        "Financiële ondersteuning",
                        "Budgetcursus “Geld in één oogopslag” – kosten € 10.000 totaal voor \
                         de hele groep, voor u kosteloos (eigen bijdrage € 0,00)",
                    ),
                    ("Geïnformeerd op", "12 november 2026"),
                ]),
            },
        ],
        termijn_start: Some(d(2026, 11, 30)),
        termijn_end: Some(d(2029, 11, 30)),
        signer_name: "Sanne de Vries".into(),
        signer_role: "Inburgeringsconsulent".into(),
    }
}

fn long_example() -> Beschikking {
    let mut doc = example();
    for i in 1..=14 {
        doc.sections.push(Section {
            heading: format!("Aanvullende afspraak {i}"),
            rows: rows(&[
                (
                    "Activiteit",
                    "Taalcafé in de bibliotheek, elke dinsdagmiddag",
                ),
                (
                    "Toelichting",
                    "Een lange toelichting die over meerdere regels loopt, zodat het afbreken \
                     van regels in de rechterkolom van de tabel ook over paginagrenzen heen \
                     goed gaat en niets over elkaar heen wordt gedrukt.",
                ),
                ("Vergoeding", "€ 25,00 per maand"),
            ]),
        });
    }
    doc
}

/// Counts page objects (`/Type /Page`, not `/Type /Pages`; with or without the space).
fn count_pages(pdf: &[u8]) -> usize {
    let compact: Vec<u8> = pdf.iter().copied().filter(|b| *b != b' ').collect();
    let needle = b"/Type/Page";
    compact
        .windows(needle.len() + 1)
        .filter(|w| &w[..needle.len()] == needle && w[needle.len()] != b's')
        .count()
}

fn has(program: &str) -> bool {
    Command::new(program).arg("-v").output().is_ok()
}

#[test]
fn renders_a_pdf() {
    let pdf = render(&example()).unwrap();
    assert!(pdf.starts_with(b"%PDF"), "geen PDF-kop");
    assert_eq!(
        count_pages(&pdf),
        1 + usize::from(layout_pages(&example()) > 1)
    );
    // The fonts are subset: the letter stays small.
    assert!(pdf.len() < 150_000, "PDF is {} bytes", pdf.len());
}

fn layout_pages(doc: &Beschikking) -> usize {
    layout(doc, &Fonts::load().unwrap()).len()
}

#[test]
fn a_long_letter_breaks_over_pages_with_numbers() {
    let doc = long_example();
    let pages = layout(&doc, &Fonts::load().unwrap());
    assert!(pages.len() > 2, "{} pages", pages.len());
    let pdf = render(&doc).unwrap();
    assert_eq!(count_pages(&pdf), pages.len());
    for (i, page) in pages.iter().enumerate() {
        let expected = format!("Pagina {} van {}", i + 1, pages.len());
        assert!(
            page.ops
                .iter()
                .any(|op| matches!(op, Op::Text { text, .. } if *text == expected)),
            "{expected} ontbreekt"
        );
    }
}

/// Text boxes never overlap, stay inside the page margins and above the footer.
#[test]
fn no_text_overlaps_or_leaves_the_margins() {
    let fonts = Fonts::load().unwrap();
    for doc in [example(), long_example()] {
        for (n, page) in layout(&doc, &fonts).iter().enumerate() {
            let boxes: Vec<(f32, f32, f32, f32, &str)> = page
                .ops
                .iter()
                .filter_map(|op| match op {
                    Op::Text { x, y, text, style } if !text.trim().is_empty() => Some((
                        *x,
                        y - style.size * 0.75,
                        x + fonts.width(text, *style),
                        y + style.size * 0.22,
                        text.as_str(),
                    )),
                    _ => None,
                })
                .collect();
            for (i, a) in boxes.iter().enumerate() {
                assert!(a.0 >= 20.0 * MM && a.2 <= PAGE_WIDTH - 19.9 * MM, "{a:?}");
                assert!(a.1 >= 10.0 * MM && a.3 <= PAGE_HEIGHT - 10.0 * MM, "{a:?}");
                for b in &boxes[i + 1..] {
                    let overlap = a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
                    assert!(!overlap, "pagina {}: {a:?} overlapt {b:?}", n + 1);
                }
            }
        }
    }
}

#[test]
fn wraps_within_the_width() {
    let fonts = Fonts::load().unwrap();
    let style = Style::new(Weight::Regular, 10.0, 14.0, super::typeset::Color(0, 0, 0));
    let text = "Een zin met woorden en eenheelerglangwoordzonderspatiesdatnietpastopéénregel \
                en nog wat.\nEen tweede alinea.";
    let lines = fonts.wrap(text, style, 100.0);
    assert!(lines.len() > 3, "{lines:?}");
    assert!(
        lines.iter().all(|l| fonts.width(l, style) <= 100.0),
        "{lines:?}"
    );
    assert_eq!(lines.last().unwrap(), "Een tweede alinea.");
    assert_eq!(
        lines.concat().replace(' ', ""),
        text.replace([' ', '\n'], "")
    );
}

#[test]
fn dutch_dates_and_place_names() {
    assert_eq!(dutch_date(d(2026, 11, 29)), "29 november 2026");
    assert_eq!(dutch_date(d(2027, 1, 5)), "5 januari 2027");
    assert_eq!(dutch_date(d(2029, 3, 1)), "1 maart 2029");
    assert_eq!(place_name("Gemeente Lisse"), "Lisse");
    assert_eq!(place_name(" gemeente  Hillegom "), "Hillegom");
    assert_eq!(place_name("Lisse"), "Lisse");
    assert_eq!(place_name("Gemeentebedrijf"), "Gemeentebedrijf");
}

#[test]
fn refuses_incomplete_or_unprintable_letters() {
    let mut doc = example();
    doc.client_name = "  ".into();
    let err = render(&doc).unwrap_err();
    assert!(matches!(err, DocumentError::MissingField(_)));
    assert_eq!(
        err.to_string(),
        "de naam van de cliënt ontbreekt; de brief kan zo niet worden opgemaakt"
    );

    let mut doc = example();
    doc.termijn_end = Some(d(2025, 1, 1));
    assert!(render(&doc)
        .unwrap_err()
        .to_string()
        .contains("ligt vóór het begin (30 november 2026)"));

    let mut doc = example();
    doc.client_address.push("北京".into());
    let err = render(&doc).unwrap_err();
    assert!(err.to_string().contains("U+5317"), "{err}");
}

#[test]
fn optional_parts_may_be_missing() {
    let mut doc = example();
    doc.letterhead.phone = None;
    doc.letterhead.email = None;
    doc.letterhead.website = None;
    doc.client_address.clear();
    doc.client_birth_date = None;
    doc.bsn_masked = None;
    doc.introduction.clear();
    doc.sections.clear();
    doc.termijn_start = None;
    doc.termijn_end = None;
    doc.signer_role = String::new();
    assert!(render(&doc).unwrap().starts_with(b"%PDF"));
}

/// With poppler-utils installed: the first page rasterises, and the Dutch text (ë, €, the
/// bezwaar sentence) can be extracted, i.e. the font is embedded with a proper Unicode map.
#[test]
fn poppler_can_rasterise_and_extract_the_text() {
    if !has("pdftoppm") || !has("pdftotext") {
        println!("pdftoppm/pdftotext (poppler-utils) niet gevonden; test overgeslagen");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf_path = dir.path().join("beschikking.pdf");
    std::fs::write(&pdf_path, render(&example()).unwrap()).unwrap();

    let prefix = dir.path().join("pagina");
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", "50", "-f", "1", "-l", "1"])
        .arg(&pdf_path)
        .arg(&prefix)
        .status()
        .unwrap();
    assert!(status.success());
    let png = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.path().extension().is_some_and(|x| x == "png"))
        .expect("geen PNG gemaakt");
    let bytes = std::fs::read(png.path()).unwrap();
    assert!(bytes.starts_with(b"\x89PNG"));

    let text_path = dir.path().join("beschikking.txt");
    let status = Command::new("pdftotext")
        .arg(&pdf_path)
        .arg(&text_path)
        .status()
        .unwrap();
    assert!(status.success());
    let text = std::fs::read_to_string(&text_path).unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Gemeente Lisse",
        "Geachte Amira Haddad,",
        "29 november 2026",
        "Financiële ondersteuning",
        "Geïnformeerd op",
        "€ 10.000",
        "“Geld in één oogopslag”",
        "Bezwaar maken",
        "binnen zes weken na de datum van deze brief bezwaar maken",
        "college van burgemeester en wethouders van Lisse",
        "schort de werking van dit besluit niet op",
        "Uw inburgeringstermijn loopt van 30 november 2026 tot 30 november 2029",
        "Met vriendelijke groet,",
        "Pagina 1 van",
    ] {
        assert!(flat.contains(expected), "‘{expected}’ niet in:\n{text}");
    }
}

/// Writes the example to the temp dir for a look: `cargo test -p traject-core --lib
/// document::tests::write_sample -- --ignored`.
#[test]
#[ignore = "writes files for manual inspection"]
fn write_sample() {
    let dir = std::env::temp_dir();
    for (name, doc) in [
        ("beschikking", example()),
        ("beschikking-lang", long_example()),
    ] {
        let path = dir.join(format!("{name}.pdf"));
        std::fs::write(&path, render(&doc).unwrap()).unwrap();
        println!("{}", Path::new(&path).display());
    }
}
