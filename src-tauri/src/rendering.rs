//! How WebKitGTK draws the window on Linux. It draws the page with Skia on the GPU (OpenGL) by
//! default. A machine without a GPU — a virtual desktop, a VM, a thin client — only has Mesa's
//! software OpenGL (llvmpipe): Skia's GPU renderer then draws each frame through a GPU emulated
//! on the CPU, with llvmpipe's threads taking most of the web process's time (measured with
//! `perf` under Xvfb: 60 %). Skia's own CPU renderer draws the same frames directly, so Traject
//! chooses it when there is no GPU to draw with. Chosen before GTK and WebKit start, through the
//! environment WebKit reads in every process it spawns.

use std::ffi::OsStr;
use std::path::Path;

/// WebKitGTK's switch between Skia's CPU ("1") and GPU ("0") renderer.
const CPU_RENDERING: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// What the choice depends on.
struct Machine<'a> {
    /// WEBKIT_SKIA_ENABLE_CPU_RENDERING as set by the user, who decides if it is set at all.
    cpu_rendering: Option<&'a OsStr>,
    /// Mesa's switch to its software renderer (LIBGL_ALWAYS_SOFTWARE), e.g. for a broken driver.
    libgl_always_software: Option<&'a OsStr>,
    /// Whether the kernel offers a GPU to render with (a DRM render node, /dev/dri/renderD*).
    render_node: bool,
}

/// Whether Traject asks WebKit to draw on the CPU: when the user has not chosen, and Mesa will
/// render in software (no render node, or told to).
fn draws_on_cpu(machine: &Machine) -> bool {
    if machine.cpu_rendering.is_some() {
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

/// Chooses the CPU renderer on a machine without a GPU. Called first thing in `run`, before
/// any thread is started: it sets an environment variable.
pub fn choose() {
    let cpu_rendering = std::env::var_os(CPU_RENDERING);
    let libgl_always_software = std::env::var_os("LIBGL_ALWAYS_SOFTWARE");
    let machine = Machine {
        cpu_rendering: cpu_rendering.as_deref(),
        libgl_always_software: libgl_always_software.as_deref(),
        render_node: has_render_node(Path::new("/dev/dri")),
    };
    if draws_on_cpu(&machine) {
        std::env::set_var(CPU_RENDERING, "1");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webkit_draws_on_the_cpu_only_where_mesa_would_render_in_software() {
        let os = |s: &'static str| Some(OsStr::new(s));
        // (user's WEBKIT_SKIA_ENABLE_CPU_RENDERING, LIBGL_ALWAYS_SOFTWARE, render node, expected)
        let cases = [
            (None, None, true, false),
            (None, None, false, true),
            (None, os("1"), true, true),
            (None, os("true"), true, true),
            (None, os("0"), true, false),
            (None, os("false"), true, false),
            (None, os(""), true, false),
            (None, os("0"), false, true),
            // The user's own choice stands, either way.
            (os("0"), None, false, false),
            (os("1"), None, true, false),
            (os("0"), os("1"), false, false),
        ];
        for (cpu_rendering, libgl_always_software, render_node, expected) in cases {
            let machine = Machine {
                cpu_rendering,
                libgl_always_software,
                render_node,
            };
            assert_eq!(
                draws_on_cpu(&machine),
                expected,
                "{CPU_RENDERING}={cpu_rendering:?} LIBGL_ALWAYS_SOFTWARE={libgl_always_software:?} render node {render_node}"
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
