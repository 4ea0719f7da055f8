//! A small typesetter on top of `krilla`: the embedded fonts, text measuring and line
//! wrapping, a page flow with page breaks, and the final PDF pass. Letter layouts (such as
//! [`super::beschikking`]) lay out into [`Page`]s first, so that the total page count is known
//! when headers and footers ("Pagina 1 van 2") are drawn.

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use krilla::Document;

use super::DocumentError;

/// One millimetre in PDF points.
pub const MM: f32 = 72.0 / 25.4;
/// A4 in points.
pub const PAGE_WIDTH: f32 = 210.0 * MM;
pub const PAGE_HEIGHT: f32 = 297.0 * MM;

static REGULAR_TTF: &[u8] = include_bytes!("../../fonts/LiberationSans-Regular.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../../fonts/LiberationSans-Bold.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Color(pub u8, pub u8, pub u8);

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    pub weight: Weight,
    /// Font size in points.
    pub size: f32,
    pub color: Color,
    /// Distance between baselines, in points.
    pub leading: f32,
}

impl Style {
    pub const fn new(weight: Weight, size: f32, leading: f32, color: Color) -> Self {
        Self {
            weight,
            size,
            color,
            leading,
        }
    }

    pub const fn with_color(self, color: Color) -> Self {
        Self { color, ..self }
    }

    pub const fn bold(self) -> Self {
        Self {
            weight: Weight::Bold,
            ..self
        }
    }
}

/// Something to draw; coordinates in points from the top-left corner of the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// A single line of text; `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        text: String,
        style: Style,
    },
    /// A straight line.
    Rule {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        color: Color,
    },
}

/// The drawing operations of one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub ops: Vec<Op>,
}

/// The two embedded faces, for drawing (krilla) and for measuring (rustybuzz, the shaper
/// krilla itself uses, so measured widths match the drawn ones).
pub struct Fonts {
    regular: Font,
    bold: Font,
    regular_face: rustybuzz::Face<'static>,
    bold_face: rustybuzz::Face<'static>,
}

impl Fonts {
    pub fn load() -> Result<Self, DocumentError> {
        let font = |bytes: &'static [u8]| Font::new(bytes.into(), 0).ok_or(DocumentError::Font);
        let face =
            |bytes: &'static [u8]| rustybuzz::Face::from_slice(bytes, 0).ok_or(DocumentError::Font);
        Ok(Self {
            regular: font(REGULAR_TTF)?,
            bold: font(BOLD_TTF)?,
            regular_face: face(REGULAR_TTF)?,
            bold_face: face(BOLD_TTF)?,
        })
    }

    fn face(&self, weight: Weight) -> &rustybuzz::Face<'static> {
        match weight {
            Weight::Regular => &self.regular_face,
            Weight::Bold => &self.bold_face,
        }
    }

    fn font(&self, weight: Weight) -> Font {
        match weight {
            Weight::Regular => self.regular.clone(),
            Weight::Bold => self.bold.clone(),
        }
    }

    /// Fails on the first character the embedded font has no glyph for, so that an official
    /// letter never shows an empty box instead of a letter.
    pub fn check_coverage(&self, text: &str) -> Result<(), DocumentError> {
        match text
            .chars()
            .find(|&c| !c.is_whitespace() && self.regular_face.glyph_index(c).is_none())
        {
            Some(c) => Err(DocumentError::UnsupportedCharacter(c)),
            None => Ok(()),
        }
    }

    /// The advance width of `text` in points.
    pub fn width(&self, text: &str, style: Style) -> f32 {
        if text.is_empty() {
            return 0.0;
        }
        let face = self.face(style.weight);
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(face, &[], buffer);
        let units: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
        units as f32 * style.size / face.units_per_em() as f32
    }

    /// Breaks `text` into lines no wider than `max_width`: greedily at spaces, at explicit
    /// newlines, and inside a word only when the word alone is wider than the line.
    pub fn wrap(&self, text: &str, style: Style, max_width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if self.width(&candidate, style) <= max_width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if self.width(word, style) <= max_width {
                    line = word.to_owned();
                } else {
                    // A word longer than the line (an URL, an IBAN): cut it where it must.
                    for c in word.chars() {
                        line.push(c);
                        if self.width(&line, style) > max_width && line.chars().count() > 1 {
                            line.pop();
                            lines.push(std::mem::take(&mut line));
                            line.push(c);
                        }
                    }
                }
            }
            lines.push(line);
        }
        lines
    }
}

/// Lays content out top to bottom over as many pages as it needs.
pub struct Flow<'f> {
    pub fonts: &'f Fonts,
    pages: Vec<Page>,
    /// The top of the free space on the current page.
    pub y: f32,
    /// Where content starts on pages after the first.
    continuation_top: f32,
    /// Content may not go below this.
    pub bottom: f32,
}

impl<'f> Flow<'f> {
    pub fn new(fonts: &'f Fonts, first_top: f32, continuation_top: f32, bottom: f32) -> Self {
        Self {
            fonts,
            pages: vec![Page::default()],
            y: first_top,
            continuation_top,
            bottom,
        }
    }

    pub fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.ops.push(op);
        }
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.continuation_top;
    }

    /// Whether nothing has been laid out yet on this continuation page.
    fn at_top(&self) -> bool {
        self.pages.len() > 1 && self.y <= self.continuation_top
    }

    /// Starts a new page unless `height` points still fit on this one. A block taller than a
    /// whole page gets a fresh page and then runs over as it must.
    pub fn ensure(&mut self, height: f32) {
        if self.y + height > self.bottom && !self.at_top() {
            self.new_page();
        }
    }

    /// Vertical space, dropped at the top of a page.
    pub fn space(&mut self, height: f32) {
        if !self.at_top() {
            self.y += height;
        }
    }

    /// Draws one line of text whose box starts at the current `y`, and moves down.
    pub fn line(&mut self, x: f32, text: &str, style: Style) {
        self.ensure(style.leading);
        let baseline = baseline(self.y, style);
        self.push(Op::Text {
            x,
            y: baseline,
            text: text.to_owned(),
            style,
        });
        self.y += style.leading;
    }

    /// A wrapped paragraph; keeps at least two lines together at a page break.
    pub fn paragraph(&mut self, x: f32, width: f32, text: &str, style: Style) {
        let lines = self.fonts.wrap(text, style, width);
        self.ensure(style.leading * lines.len().min(2) as f32);
        for line in &lines {
            self.line(x, line, style);
        }
    }

    /// A bulleted item with a hanging indent.
    pub fn bullet(
        &mut self,
        x: f32,
        width: f32,
        indent: f32,
        marker: &str,
        text: &str,
        style: Style,
    ) {
        let lines = self.fonts.wrap(text, style, width - indent);
        self.ensure(style.leading * lines.len().min(2) as f32);
        for (i, line) in lines.iter().enumerate() {
            if i == 0 {
                self.ensure(style.leading);
                self.push(Op::Text {
                    x,
                    y: baseline(self.y, style),
                    text: marker.to_owned(),
                    style,
                });
            }
            self.line(x + indent, line, style);
        }
    }

    pub fn rule(&mut self, x1: f32, x2: f32, width: f32, color: Color) {
        self.push(Op::Rule {
            from: (x1, self.y),
            to: (x2, self.y),
            width,
            color,
        });
    }

    pub fn finish(self) -> Vec<Page> {
        self.pages
    }
}

/// The baseline of a line whose box (one `leading` high) starts at `top`: the capitals sit
/// centred in the box.
pub fn baseline(top: f32, style: Style) -> f32 {
    top + style.leading / 2.0 + style.size * 0.36
}

/// Writes the pages as an A4 PDF.
pub fn write_pdf(
    fonts: &Fonts,
    pages: &[Page],
    metadata: Metadata,
) -> Result<Vec<u8>, DocumentError> {
    let mut document = Document::new();
    document.set_metadata(metadata);
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or(DocumentError::PageSize)?;
    for page in pages {
        let mut pdf_page = document.start_page_with(settings.clone());
        let mut surface = pdf_page.surface();
        for op in &page.ops {
            match op {
                Op::Text { x, y, text, style } => {
                    surface.set_fill(Some(fill(style.color)));
                    surface.draw_text(
                        Point::from_xy(*x, *y),
                        fonts.font(style.weight),
                        style.size,
                        text,
                        false,
                        TextDirection::LeftToRight,
                    );
                }
                Op::Rule {
                    from,
                    to,
                    width,
                    color,
                } => {
                    let mut builder = PathBuilder::new();
                    builder.move_to(from.0, from.1);
                    builder.line_to(to.0, to.1);
                    if let Some(path) = builder.finish() {
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke {
                            paint: rgb::Color::new(color.0, color.1, color.2).into(),
                            width: *width,
                            ..Stroke::default()
                        }));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                    }
                }
            }
        }
        surface.finish();
        pdf_page.finish();
    }
    document
        .finish()
        .map_err(|e| DocumentError::Pdf(format!("{e:?}")))
}

fn fill(color: Color) -> Fill {
    Fill {
        paint: rgb::Color::new(color.0, color.1, color.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}
