//! How WebKitGTK draws the window on Linux. By default it draws the page with Skia on the GPU
//! (OpenGL) and composites the page's layers with OpenGL in a thread of its own. A machine
//! without a GPU — a virtual desktop, a VM, a thin client — only has Mesa's software OpenGL
//! (llvmpipe), which emulates the GPU on the CPU: measured with `perf` under Xvfb, llvmpipe's
//! threads took 60 % of the web process's time with Skia's GPU renderer, and still 56 % with
//! its CPU renderer, compositing every frame of the whole window. So where there is no GPU,
//! Traject has WebKit draw with Skia's CPU renderer and without compositing: the page is drawn
//! into one image that GTK shows. A search keystroke in the caseload of 10,000 clients then
//! reaches the screen (XTest key to the pixels changed, under Xvfb) in a median of 18 ms
//! instead of 35, and the web process uses 60 % less CPU. Chosen before GTK and WebKit start,
//! through the environment WebKit reads in every process it spawns.

use std::ffi::OsStr;
use std::path::Path;

/// WebKitGTK's switch between Skia's CPU ("1") and GPU ("0") renderer.
const CPU_RENDERING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";
/// WebKitGTK's switch that turns compositing the page's layers with OpenGL off ("1").
const NO_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// What the choice depends on.
struct Machine<'a> {
    /// Whether the user has set either of WebKit's switches: then the user decides both.
    user_choice: bool,
    /// Mesa's switch to its software renderer (LIBGL_ALWAYS_SOFTWARE), e.g. for a broken driver.
    libgl_always_software: Option<&'a OsStr>,
    /// Whether the kernel offers a GPU to render with (a DRM render node, /dev/dri/renderD*).
    render_node: bool,
}

/// Whether Traject has WebKit draw on the CPU without compositing: when the user has not
/// chosen, and Mesa would render in software (no render node, or told to).
fn draws_without_gpu(machine: &Machine) -> bool {
    if machine.user_choice {
        return false;
    }
    let forced_software = machine
        .libgl_always_software
        .is_some_and(|v| !v.is_empty() && v != "0" && v != "false");
    forced_software || !machine.render_node
}

/// Whether `dri` (normally /dev/dri) holds a render node.
fn has_render_node(dri: &Path) -> bool {
    std::fs::read_dir(dri).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
    })
}

/// Chooses the CPU renderer without compositing on a machine without a GPU. Called first
/// thing in `run`, before any thread is started: it sets environment variables.
pub fn choose() {
    let libgl_always_software = std::env::var_os("LIBGL_ALWAYS_SOFTWARE");
    let machine = Machine {
        user_choice: [CPU_RENDERING, NO_COMPOSITING]
            .iter()
            .any(|var| std::env::var_os(var).is_some()),
        libgl_always_software: libgl_always_software.as_deref(),
        render_node: has_render_node(Path::new("/dev/dri")),
    };
    if draws_without_gpu(&machine) {
        std::env::set_var(CPU_RENDERING, "1");
        std::env::set_var(NO_COMPOSITING, "1");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webkit_draws_without_gpu_only_where_mesa_would_render_in_software() {
        let os = |s: &'static str| Some(OsStr::new(s));
        // (user set a switch, LIBGL_ALWAYS_SOFTWARE, render node, expected)
        let cases = [
            (false, None, true, false),
            (false, None, false, true),
            (false, os("1"), true, true),
            (false, os("true"), true, true),
            (false, os("0"), true, false),
            (false, os("false"), true, false),
            (false, os(""), true, false),
            (false, os("0"), false, true),
            // The user's own choice stands, either way.
            (true, None, false, false),
            (true, None, true, false),
            (true, os("1"), false, false),
        ];
        for (user_choice, libgl_always_software, render_node, expected) in cases {
            let machine = Machine {
                user_choice,
                libgl_always_software,
                render_node,
            };
            assert_eq!(
                draws_without_gpu(&machine),
                expected,
                "user's choice {user_choice} LIBGL_ALWAYS_SOFTWARE={libgl_always_software:?} render node {render_node}"
            );
        }
    }

    #[test]
    fn a_render_node_is_a_renderd_device_in_the_dri_directory() {
        let dri = std::env::temp_dir().join(format!("traject-dri-{}", uuid::Uuid::now_v7()));
        assert!(!has_render_node(&dri), "no directory: no GPU");
        std::fs::create_dir_all(&dri).unwrap();
        assert!(!has_render_node(&dri), "empty");
        std::fs::write(dri.join("card0"), "").unwrap();
        assert!(
            !has_render_node(&dri),
            "a display only (framebuffer, no GPU)"
        );
        std::fs::write(dri.join("renderD128"), "").unwrap();
        assert!(has_render_node(&dri));
        std::fs::remove_dir_all(&dri).unwrap();
    }
}
