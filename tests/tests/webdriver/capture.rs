//! A screenshot of the app as the X server shows it. WebKitWebDriver's own screenshot asks the
//! web process to draw the page again, and never answers when WebKit draws without compositing
//! (as the app chooses on a machine without a GPU, `src-tauri/src/rendering.rs`, and so under
//! Xvfb); the screen's pixels are what a user sees either way.

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{ConnectionExt as _, ImageFormat};

/// The screen's rectangle at `(x, y)` of `width` × `height` pixels, as a PNG.
pub fn png(x: i16, y: i16, width: u16, height: u16) -> Vec<u8> {
    let (conn, screen) = x11rb::connect(None).expect("the X display (DISPLAY)");
    let root = conn.setup().roots[screen].root;
    let image = conn
        .get_image(ImageFormat::Z_PIXMAP, root, x, y, width, height, !0)
        .unwrap()
        .reply()
        .unwrap();
    assert_eq!(
        image.depth, 24,
        "a 24-bit screen (xvfb-run -s '-screen 0 WxHx24')"
    );
    // 24-bit depth comes as 32 bits per pixel, blue, green, red and padding.
    let rgb: Vec<u8> = image
        .data
        .chunks_exact(4)
        .flat_map(|px| [px[2], px[1], px[0]])
        .collect();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, u32::from(width), u32::from(height));
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(&rgb).unwrap();
    writer.finish().unwrap();
    out
}
