//! The screen as the X server shows it: what a user sees, in whichever way WebKit draws. The
//! screenshots are taken here: WebKitWebDriver's own screenshot asks the web process to draw the
//! page again, and never answers when WebKit draws without compositing (as the app chooses on a
//! machine without a GPU, `src-tauri/src/rendering.rs`, and so under Xvfb). The window bench
//! polls it too (`benches/window/on_screen.rs`).

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{ConnectionExt as _, ImageFormat, Window};
use x11rb::rust_connection::RustConnection;

/// A rectangle of the screen, in pixels.
#[derive(Clone, Copy, Debug)]
pub struct Region {
    pub x: i16,
    pub y: i16,
    pub width: u16,
    pub height: u16,
}

/// A connection to the X display (DISPLAY) and its screen's root window.
pub fn connect() -> (RustConnection, Window) {
    let (conn, screen) = x11rb::connect(None).expect("the X display (DISPLAY)");
    let root = conn.setup().roots[screen].root;
    (conn, root)
}

/// The pixels of `region`: at 24-bit depth, 32 bits each (blue, green, red, padding).
pub fn pixels(conn: &RustConnection, root: Window, region: Region) -> Vec<u8> {
    let image = conn
        .get_image(
            ImageFormat::Z_PIXMAP,
            root,
            region.x,
            region.y,
            region.width,
            region.height,
            !0,
        )
        .unwrap()
        .reply()
        .unwrap();
    assert_eq!(
        image.depth, 24,
        "a 24-bit screen (xvfb-run -s '-screen 0 WxHx24')"
    );
    image.data
}

/// The screen's `region` as a PNG.
pub fn png(region: Region) -> Vec<u8> {
    let (conn, root) = connect();
    let rgb: Vec<u8> = pixels(&conn, root, region)
        .chunks_exact(4)
        .flat_map(|px| [px[2], px[1], px[0]])
        .collect();
    let mut out = Vec::new();
    let mut encoder =
        png::Encoder::new(&mut out, u32::from(region.width), u32::from(region.height));
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(&rgb).unwrap();
    writer.finish().unwrap();
    out
}
