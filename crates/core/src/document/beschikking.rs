//! The layout of the PIP beschikking: an A4 letter in the shape of a Dutch municipal decision
//! letter (letterhead, address in the window of a venstercouvert, reference block, the decision
//! as labelled tables, the inburgeringstermijn, the bezwaar notice and the signature).

use chrono::{Datelike, NaiveDate};
use krilla::metadata::Metadata;

use super::typeset::{
    baseline, write_pdf, Color, Flow, Fonts, Op, Page, Style, Weight, MM, PAGE_HEIGHT, PAGE_WIDTH,
};
use super::{Beschikking, DocumentError, Section};

const MARGIN_LEFT: f32 = 25.0 * MM;
const MARGIN_RIGHT: f32 = 20.0 * MM;
const CONTENT_RIGHT: f32 = PAGE_WIDTH - MARGIN_RIGHT;
const CONTENT_WIDTH: f32 = CONTENT_RIGHT - MARGIN_LEFT;
/// The contact column of the letterhead.
const COLUMN_X: f32 = 140.0 * MM;
/// The address window of a standard (NEN 1026) window envelope: 85 mm wide, from 50 mm down.
const WINDOW_TOP: f32 = 50.0 * MM;
const WINDOW_WIDTH: f32 = 85.0 * MM;
/// The reference block starts here, or lower when the address block is long.
const META_TOP: f32 = 90.0 * MM;
/// Width of the label column of the reference block and of the decision tables.
const META_LABEL_WIDTH: f32 = 32.0 * MM;
const TABLE_LABEL_WIDTH: f32 = 55.0 * MM;
const TABLE_GAP: f32 = 4.0 * MM;
const CONTINUATION_TOP: f32 = 27.0 * MM;
const CONTENT_BOTTOM: f32 = PAGE_HEIGHT - 25.0 * MM;
const FOOTER_RULE: f32 = PAGE_HEIGHT - 17.0 * MM;
const FOOTER_BASELINE: f32 = PAGE_HEIGHT - 12.0 * MM;

const INK: Color = Color(0x1c, 0x1c, 0x1e);
const MUTED: Color = Color(0x5b, 0x61, 0x6b);
const ACCENT: Color = Color(0x1d, 0x3c, 0x64);
const HAIRLINE: Color = Color(0xc9, 0xcf, 0xd8);

const BODY: Style = Style::new(Weight::Regular, 10.0, 14.0, INK);
const HEADING: Style = Style::new(Weight::Bold, 11.0, 16.0, ACCENT);
const MUNICIPALITY: Style = Style::new(Weight::Bold, 20.0, 24.0, ACCENT);
const DEPARTMENT: Style = Style::new(Weight::Regular, 10.5, 14.0, MUTED);
const CONTACT: Style = Style::new(Weight::Regular, 8.5, 11.5, MUTED);
const META_LABEL: Style = Style::new(Weight::Regular, 8.5, 14.0, MUTED);
const SMALL: Style = Style::new(Weight::Regular, 8.0, 11.0, MUTED);

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// A date as Dutch letters write it: "29 november 2026".
pub fn dutch_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// "Gemeente Lisse" → "Lisse", for "het college van burgemeester en wethouders van Lisse".
pub(super) fn place_name(municipality: &str) -> &str {
    let trimmed = municipality.trim();
    match trimmed.get(..9) {
        Some(prefix) if prefix.eq_ignore_ascii_case("gemeente ") => trimmed[9..].trim_start(),
        _ => trimmed,
    }
}

/// Typesets the beschikking as an A4 PDF.
pub fn render(doc: &Beschikking) -> Result<Vec<u8>, DocumentError> {
    validate(doc)?;
    let fonts = Fonts::load()?;
    let pages = layout(doc, &fonts);
    for op in pages.iter().flat_map(|p| &p.ops) {
        if let Op::Text { text, .. } = op {
            fonts.check_coverage(text)?;
        }
    }
    let metadata = Metadata::new()
        .title(doc.subject.trim().to_owned())
        .description(format!("Ons kenmerk {}", doc.reference.trim()))
        .authors(vec![doc.letterhead.municipality.trim().to_owned()])
        .creator("Traject".to_owned())
        .language("nl-NL".to_owned());
    write_pdf(&fonts, &pages, metadata)
}

fn validate(doc: &Beschikking) -> Result<(), DocumentError> {
    let required = [
        (&doc.letterhead.municipality, "de naam van de gemeente"),
        (&doc.reference, "het kenmerk"),
        (&doc.subject, "het onderwerp"),
        (&doc.client_name, "de naam van de cliënt"),
        (&doc.signer_name, "de naam van de ondertekenaar"),
    ];
    if let Some((_, field)) = required.iter().find(|(value, _)| value.trim().is_empty()) {
        return Err(DocumentError::MissingField(field));
    }
    if let (Some(start), Some(end)) = (doc.termijn_start, doc.termijn_end) {
        if end < start {
            return Err(DocumentError::TermijnReversed {
                start: dutch_date(start),
                end: dutch_date(end),
            });
        }
    }
    Ok(())
}

/// Lays out every page, headers and footers included.
pub(crate) fn layout(doc: &Beschikking, fonts: &Fonts) -> Vec<Page> {
    let mut flow = Flow::new(fonts, META_TOP, CONTINUATION_TOP, CONTENT_BOTTOM);
    let window_bottom = letterhead(&mut flow, doc);
    flow.y = flow.y.max(window_bottom + 12.0 * MM);
    reference_block(&mut flow, doc);

    flow.space(11.0 * MM);
    flow.paragraph(
        MARGIN_LEFT,
        CONTENT_WIDTH,
        &format!("Geachte {},", doc.client_name.trim()),
        BODY,
    );
    flow.space(7.0);
    for paragraph in doc.introduction.iter().filter(|p| !p.trim().is_empty()) {
        flow.paragraph(MARGIN_LEFT, CONTENT_WIDTH, paragraph, BODY);
        flow.space(7.0);
    }

    for section in &doc.sections {
        decision_table(&mut flow, section);
    }
    if let Some(text) = termijn_text(doc.termijn_start, doc.termijn_end) {
        heading(&mut flow, "Inburgeringstermijn", 2);
        flow.paragraph(MARGIN_LEFT, CONTENT_WIDTH, &text, BODY);
    }
    bezwaar(&mut flow, doc);
    closing(&mut flow, doc);

    let mut pages = flow.finish();
    let total = pages.len();
    for (index, page) in pages.iter_mut().enumerate() {
        if index > 0 {
            continuation_header(fonts, page, doc);
        }
        footer(fonts, page, doc, index + 1, total);
    }
    pages
}

/// The letterhead, the contact column and the address in the envelope window. Returns the
/// bottom of the address block.
fn letterhead(flow: &mut Flow<'_>, doc: &Beschikking) -> f32 {
    let head = &doc.letterhead;
    // A short accent bar above the name of the municipality.
    flow.push(Op::Rule {
        from: (MARGIN_LEFT, 13.0 * MM),
        to: (MARGIN_LEFT + 14.0 * MM, 13.0 * MM),
        width: 2.5,
        color: ACCENT,
    });
    let name_width = COLUMN_X - MARGIN_LEFT - 6.0 * MM;
    let mut y = 15.5 * MM;
    for line in flow
        .fonts
        .wrap(head.municipality.trim(), MUNICIPALITY, name_width)
    {
        text(
            flow,
            MARGIN_LEFT,
            baseline(y, MUNICIPALITY),
            &line,
            MUNICIPALITY,
        );
        y += MUNICIPALITY.leading;
    }
    for line in flow
        .fonts
        .wrap(head.department.trim(), DEPARTMENT, name_width)
    {
        text(
            flow,
            MARGIN_LEFT,
            baseline(y, DEPARTMENT),
            &line,
            DEPARTMENT,
        );
        y += DEPARTMENT.leading;
    }

    // The contact column, top right.
    let column_width = CONTENT_RIGHT - COLUMN_X;
    let mut y = 13.0 * MM;
    let column =
        |flow: &mut Flow<'_>, y: &mut f32, label: Option<&str>, value: &str, style: Style| {
            let indent = if label.is_some() { 4.0 * MM } else { 0.0 };
            for (i, line) in flow
                .fonts
                .wrap(value.trim(), style, column_width - indent)
                .iter()
                .enumerate()
            {
                if let (Some(label), 0) = (label, i) {
                    text(flow, COLUMN_X, baseline(*y, style), label, style.bold());
                }
                text(flow, COLUMN_X + indent, baseline(*y, style), line, style);
                *y += style.leading;
            }
        };
    let column_heading = CONTACT.bold().with_color(INK);
    column(flow, &mut y, None, "Bezoekadres", column_heading);
    column(flow, &mut y, None, &head.address, CONTACT);
    column(flow, &mut y, None, &head.postcode_city, CONTACT);
    let contacts = [
        ("T", head.phone.as_deref()),
        ("E", head.email.as_deref()),
        ("I", head.website.as_deref()),
    ];
    if contacts
        .iter()
        .any(|(_, v)| v.is_some_and(|v| !v.trim().is_empty()))
    {
        y += 4.0;
        column(flow, &mut y, None, "Contact", column_heading);
        for (label, value) in contacts {
            if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
                column(flow, &mut y, Some(label), value, CONTACT);
            }
        }
    }

    // Return address and the addressee, in the window.
    let retour = [
        head.municipality.trim(),
        head.address.trim(),
        head.postcode_city.trim(),
    ]
    .iter()
    .filter(|s| !s.is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join(", ");
    let retour_style = Style::new(Weight::Regular, 7.0, 9.0, MUTED);
    let mut y = WINDOW_TOP - 1.0 * MM;
    let retour_line = flow
        .fonts
        .wrap(
            &format!("Retouradres: {retour}"),
            retour_style,
            WINDOW_WIDTH,
        )
        .into_iter()
        .next()
        .unwrap_or_default();
    text(
        flow,
        MARGIN_LEFT,
        baseline(y, retour_style),
        &retour_line,
        retour_style,
    );
    y += retour_style.leading + 2.0 * MM;
    let address = std::iter::once(doc.client_name.as_str())
        .chain(doc.client_address.iter().map(String::as_str))
        .filter(|l| !l.trim().is_empty());
    for line in address.flat_map(|l| flow.fonts.wrap(l.trim(), BODY, WINDOW_WIDTH)) {
        text(flow, MARGIN_LEFT, baseline(y, BODY), &line, BODY);
        y += BODY.leading;
    }
    y
}

/// Datum, Ons kenmerk, Onderwerp, Geboortedatum, BSN.
fn reference_block(flow: &mut Flow<'_>, doc: &Beschikking) {
    let mut rows: Vec<(&str, String)> = vec![
        ("Datum", dutch_date(doc.dagtekening)),
        ("Ons kenmerk", doc.reference.trim().to_owned()),
        ("Onderwerp", doc.subject.trim().to_owned()),
    ];
    if let Some(birth) = doc.client_birth_date {
        rows.push(("Geboortedatum", dutch_date(birth)));
    }
    if let Some(bsn) = doc.bsn_masked.as_deref().filter(|b| !b.trim().is_empty()) {
        rows.push(("BSN", bsn.trim().to_owned()));
    }
    let value_x = MARGIN_LEFT + META_LABEL_WIDTH;
    for (label, value) in rows {
        let lines = flow.fonts.wrap(&value, BODY, CONTENT_RIGHT - value_x);
        let base = baseline(flow.y, BODY);
        text(flow, MARGIN_LEFT, base, label, META_LABEL);
        for line in lines {
            flow.line(value_x, &line, BODY);
        }
    }
}

/// A section heading, kept together with the `keep` lines of body text that follow it.
fn heading(flow: &mut Flow<'_>, title: &str, keep: usize) {
    flow.space(12.0);
    flow.ensure(HEADING.leading + 4.0 + BODY.leading * keep as f32);
    flow.paragraph(MARGIN_LEFT, CONTENT_WIDTH, title, HEADING);
    flow.space(4.0);
}

/// A section as a heading and a two-column table with hairlines between the rows.
fn decision_table(flow: &mut Flow<'_>, section: &Section) {
    const PAD: f32 = 3.5;
    let value_x = MARGIN_LEFT + TABLE_LABEL_WIDTH + TABLE_GAP;
    let value_width = CONTENT_RIGHT - value_x;
    let rows: Vec<(Vec<String>, Vec<String>)> = section
        .rows
        .iter()
        .map(|(label, value)| {
            let label_lines = flow.fonts.wrap(label.trim(), BODY, TABLE_LABEL_WIDTH);
            let value = if value.trim().is_empty() {
                "–"
            } else {
                value.trim()
            };
            (label_lines, flow.fonts.wrap(value, BODY, value_width))
        })
        .collect();
    let row_height = |(label, value): &(Vec<String>, Vec<String>)| {
        label.len().max(value.len()) as f32 * BODY.leading + 2.0 * PAD
    };

    flow.space(12.0);
    let first_row = rows.first().map_or(0.0, row_height);
    flow.ensure(HEADING.leading + 4.0 + first_row);
    flow.paragraph(MARGIN_LEFT, CONTENT_WIDTH, section.heading.trim(), HEADING);
    flow.space(4.0);
    flow.rule(MARGIN_LEFT, CONTENT_RIGHT, 0.6, HAIRLINE);

    for row in &rows {
        let height = row_height(row);
        if flow.y + height > flow.bottom && height <= flow.bottom - CONTINUATION_TOP {
            flow.new_page();
            flow.rule(MARGIN_LEFT, CONTENT_RIGHT, 0.6, HAIRLINE);
        }
        let top = flow.y + PAD;
        let (label, value) = row;
        for (i, line) in label.iter().enumerate() {
            let y = baseline(top + i as f32 * BODY.leading, BODY);
            text(flow, MARGIN_LEFT, y, line, BODY.with_color(MUTED));
        }
        for (i, line) in value.iter().enumerate() {
            let y = baseline(top + i as f32 * BODY.leading, BODY);
            text(flow, value_x, y, line, BODY);
        }
        flow.y += height;
        flow.rule(MARGIN_LEFT, CONTENT_RIGHT, 0.6, HAIRLINE);
    }
}

fn termijn_text(start: Option<NaiveDate>, end: Option<NaiveDate>) -> Option<String> {
    let text = match (start, end) {
        (Some(start), Some(end)) => format!(
            "Uw inburgeringstermijn loopt van {} tot {}. Binnen deze termijn moet u aan uw \
             inburgeringsplicht voldoen.",
            dutch_date(start),
            dutch_date(end)
        ),
        (Some(start), None) => format!(
            "Uw inburgeringstermijn loopt vanaf {}. Binnen deze termijn moet u aan uw \
             inburgeringsplicht voldoen.",
            dutch_date(start)
        ),
        (None, Some(end)) => format!(
            "Uw inburgeringstermijn loopt tot {}. Binnen deze termijn moet u aan uw \
             inburgeringsplicht voldoen.",
            dutch_date(end)
        ),
        (None, None) => return None,
    };
    Some(text)
}

/// The fixed notice on how to object (Algemene wet bestuursrecht, art. 6:4, 6:5 and 6:7).
fn bezwaar(flow: &mut Flow<'_>, doc: &Beschikking) {
    let place = place_name(&doc.letterhead.municipality);
    let office = [
        doc.letterhead.address.trim(),
        doc.letterhead.postcode_city.trim(),
    ]
    .iter()
    .filter(|s| !s.is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join(", ");
    let address = if office.is_empty() {
        String::new()
    } else {
        format!(" ({office})")
    };
    heading(flow, "Bezwaar maken", 2);
    flow.paragraph(
        MARGIN_LEFT,
        CONTENT_WIDTH,
        &format!(
            "Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken na de datum van \
             deze brief bezwaar maken. U doet dat schriftelijk bij het college van burgemeester \
             en wethouders van {place}{address}. Zet in uw bezwaarschrift in elk geval:"
        ),
        BODY,
    );
    flow.space(3.0);
    let items = [
        "uw naam en adres;".to_owned(),
        "de datum;".to_owned(),
        format!(
            "het kenmerk van dit besluit ({}) of een kopie van deze brief;",
            doc.reference.trim()
        ),
        "waarom u het niet eens bent met dit besluit;".to_owned(),
        "uw handtekening.".to_owned(),
    ];
    for item in &items {
        flow.bullet(MARGIN_LEFT, CONTENT_WIDTH, 5.0 * MM, "–", item, BODY);
    }
    flow.space(7.0);
    flow.paragraph(
        MARGIN_LEFT,
        CONTENT_WIDTH,
        "Het maken van bezwaar schort de werking van dit besluit niet op: het besluit blijft \
         gelden zolang er niet anders op uw bezwaar is beslist. Is uw zaak spoedeisend? Dan \
         kunt u de voorzieningenrechter van de rechtbank vragen om een voorlopige voorziening.",
        BODY,
    );
}

/// "Met vriendelijke groet," and the signature, kept on one page.
fn closing(flow: &mut Flow<'_>, doc: &Beschikking) {
    let on_behalf = format!(
        "namens het college van burgemeester en wethouders van {}",
        place_name(&doc.letterhead.municipality)
    );
    let signature_space = 12.0 * MM;
    let role = doc.signer_role.trim();
    let lines = 3 + usize::from(!role.is_empty());
    flow.space(14.0);
    flow.ensure(lines as f32 * BODY.leading + signature_space);
    flow.line(MARGIN_LEFT, "Met vriendelijke groet,", BODY);
    flow.space(signature_space);
    flow.line(MARGIN_LEFT, doc.signer_name.trim(), BODY.bold());
    if !role.is_empty() {
        flow.paragraph(MARGIN_LEFT, CONTENT_WIDTH, role, BODY);
    }
    flow.paragraph(MARGIN_LEFT, CONTENT_WIDTH, &on_behalf, BODY);
}

fn continuation_header(fonts: &Fonts, page: &mut Page, doc: &Beschikking) {
    let name = Style::new(Weight::Bold, 9.0, 12.0, ACCENT);
    let y = 14.0 * MM;
    page.ops.push(Op::Text {
        x: MARGIN_LEFT,
        y,
        text: doc.letterhead.municipality.trim().to_owned(),
        style: name,
    });
    let right = format!(
        "Datum {}   ·   Ons kenmerk {}",
        dutch_date(doc.dagtekening),
        doc.reference.trim()
    );
    page.ops.push(Op::Text {
        x: CONTENT_RIGHT - fonts.width(&right, SMALL),
        y,
        text: right,
        style: SMALL,
    });
    page.ops.push(Op::Rule {
        from: (MARGIN_LEFT, 17.0 * MM),
        to: (CONTENT_RIGHT, 17.0 * MM),
        width: 0.6,
        color: HAIRLINE,
    });
}

fn footer(fonts: &Fonts, page: &mut Page, doc: &Beschikking, number: usize, total: usize) {
    page.ops.push(Op::Rule {
        from: (MARGIN_LEFT, FOOTER_RULE),
        to: (CONTENT_RIGHT, FOOTER_RULE),
        width: 0.6,
        color: HAIRLINE,
    });
    page.ops.push(Op::Text {
        x: MARGIN_LEFT,
        y: FOOTER_BASELINE,
        text: format!("Ons kenmerk {}", doc.reference.trim()),
        style: SMALL,
    });
    let pagina = format!("Pagina {number} van {total}");
    page.ops.push(Op::Text {
        x: CONTENT_RIGHT - fonts.width(&pagina, SMALL),
        y: FOOTER_BASELINE,
        text: pagina,
        style: SMALL,
    });
}

fn text(flow: &mut Flow<'_>, x: f32, y: f32, text: &str, style: Style) {
    flow.push(Op::Text {
        x,
        y,
        text: text.to_owned(),
        style,
    });
}
