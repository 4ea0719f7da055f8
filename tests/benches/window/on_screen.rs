//! A keystroke's way to the screen, as a user gets it: the key pressed through the X server
//! (XTest, as a keyboard does) into the focused caseload search, and the screen polled
//! (GetImage) until the pixels of the client count or the first rows' names change. This
//! includes what the page's own spans cannot see: GTK handing the key to WebKit, and the frame
//! going from the web process through GTK to the display.

use std::time::{Duration, Instant};

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{self, ConnectionExt as _, Window};
use x11rb::protocol::xtest::ConnectionExt as _;
use x11rb::rust_connection::RustConnection;

use crate::webdriver::capture::{self, Region};

/// How long a keystroke may take to show before it counts as one that changed nothing there.
const NO_CHANGE: Duration = Duration::from_millis(500);
/// Time between keystrokes: what the previous one drew has reached the screen.
const BETWEEN: Duration = Duration::from_millis(150);

const BACKSPACE: u32 = 0xff08;

struct Screen {
    conn: RustConnection,
    root: Window,
    min_keycode: u8,
    keysyms_per_keycode: u8,
    keysyms: Vec<u32>,
}

impl Screen {
    fn connect() -> Screen {
        let (conn, root) = capture::connect();
        let setup = conn.setup();
        let (min, max) = (setup.min_keycode, setup.max_keycode);
        let mapping = conn
            .get_keyboard_mapping(min, max - min + 1)
            .unwrap()
            .reply()
            .unwrap();
        Screen {
            root,
            min_keycode: min,
            keysyms_per_keycode: mapping.keysyms_per_keycode,
            keysyms: mapping.keysyms,
            conn,
        }
    }

    /// The key that types `keysym` without a modifier.
    fn keycode(&self, keysym: u32) -> u8 {
        let per = usize::from(self.keysyms_per_keycode);
        let index = self
            .keysyms
            .chunks(per)
            .position(|syms| syms.first() == Some(&keysym))
            .unwrap_or_else(|| panic!("no key types keysym {keysym:#x}"));
        self.min_keycode + index as u8
    }

    fn press(&self, keycode: u8) {
        for event in [xproto::KEY_PRESS_EVENT, xproto::KEY_RELEASE_EVENT] {
            self.conn
                .xtest_fake_input(event, keycode, x11rb::CURRENT_TIME, self.root, 0, 0, 0)
                .unwrap();
        }
        // A round trip: the X server has the key when this returns.
        self.conn.get_input_focus().unwrap().reply().unwrap();
    }

    /// Moves the pointer to `(x, y)`, away from anything that changes under it.
    fn point(&self, x: i16, y: i16) {
        self.conn
            .xtest_fake_input(
                xproto::MOTION_NOTIFY_EVENT,
                0,
                x11rb::CURRENT_TIME,
                self.root,
                x,
                y,
                0,
            )
            .unwrap();
        self.conn.get_input_focus().unwrap().reply().unwrap();
    }

    fn pixels(&self, regions: &[Region]) -> Vec<Vec<u8>> {
        regions
            .iter()
            .map(|&region| capture::pixels(&self.conn, self.root, region))
            .collect()
    }
}

/// The keysym of a character typed into the search (lower-case ASCII letters and a space).
fn keysym(ch: char) -> u32 {
    assert!(
        ch == ' ' || ch.is_ascii_lowercase(),
        "{ch:?} is not typed here"
    );
    u32::from(ch)
}

/// Types each word into the focused field and deletes it again, one key at a time; the time
/// from each key to the first change of the pixels in `regions` (ms), for the keys that
/// changed them. `rest` is a point on the screen where the pointer changes nothing.
pub fn keystrokes(words: &[&str], regions: &[Region], rest: (i16, i16)) -> Vec<f64> {
    let screen = Screen::connect();
    screen.point(rest.0, rest.1);
    let backspace = screen.keycode(BACKSPACE);
    let mut took = Vec::new();
    for word in words {
        let typed = word.chars().map(|ch| screen.keycode(keysym(ch)));
        let deleted = std::iter::repeat_n(backspace, word.chars().count());
        for keycode in typed.chain(deleted).collect::<Vec<_>>() {
            std::thread::sleep(BETWEEN);
            let before = screen.pixels(regions);
            let pressed = Instant::now();
            screen.press(keycode);
            while pressed.elapsed() < NO_CHANGE {
                if screen.pixels(regions) != before {
                    took.push(pressed.elapsed().as_secs_f64() * 1000.0);
                    break;
                }
                std::thread::sleep(Duration::from_micros(300));
            }
        }
    }
    took
}
