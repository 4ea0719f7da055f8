//! Memory the app process keeps after its work, on Linux with glibc. glibc's allocator gives
//! threads that allocate at the same moment arenas of their own and keeps what is freed in
//! them for later: after opening the caseload of 10,000 clients and ten dossiers, 7–9 MB of
//! the app process's resident memory was memory already freed (`malloc_trim` gave it back).
//! Sharing one arena kept it too, but made the Werkvoorraad's decoding threads queue for it
//! (every client evaluated: 92–122 → 140–154 ms). So the threads keep their arenas and the
//! freed memory goes back to the system once the user pauses: a second after the last command.

use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use tauri::ipc::Invoke;
use tauri::Runtime;

/// How long no command has come before the freed memory goes back.
const IDLE: Duration = Duration::from_secs(1);

/// `handler` (the app's commands), each call of which postpones giving back the freed memory
/// until [`IDLE`] after it.
pub fn trim_when_idle<R: Runtime>(
    handler: impl Fn(Invoke<R>) -> bool + Send + Sync + 'static,
) -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    trim_after_calls(handler, IDLE, release_freed_memory)
}

/// `handler`, with `trim` run on a thread of its own once its calls pause for `idle`.
fn trim_after_calls<A>(
    handler: impl Fn(A) -> bool + Send + Sync + 'static,
    idle: Duration,
    trim: impl FnMut() + Send + 'static,
) -> impl Fn(A) -> bool + Send + Sync + 'static {
    let (call_came, calls) = mpsc::sync_channel(1);
    std::thread::spawn(move || trimmer(idle, calls, trim));
    move |call| {
        // A full channel already holds a call the trimmer has not seen.
        let _ = call_came.try_send(());
        handler(call)
    }
}

/// Runs `trim` once after each burst of `commands` that ends with `idle` without one; returns
/// when the sender is gone.
fn trimmer(idle: Duration, commands: mpsc::Receiver<()>, mut trim: impl FnMut()) {
    while commands.recv().is_ok() {
        loop {
            match commands.recv_timeout(idle) {
                Ok(()) => continue,
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        trim();
    }
}

/// Hands the memory glibc keeps free in its arenas back to the system.
fn release_freed_memory() {
    // SAFETY: malloc_trim only releases free pages of glibc's own arenas; it takes a size to
    // keep at the top of the main arena.
    #[allow(unsafe_code)]
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};
    use std::time::Instant;

    #[test]
    fn trims_once_after_a_burst_of_commands_and_not_while_they_come() {
        let idle = Duration::from_millis(300);
        let trims = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&trims);
        let handler = trim_after_calls(
            |n: u32| n.is_multiple_of(2),
            idle,
            move || seen.lock().unwrap().push(Instant::now()),
        );
        let first = Instant::now();
        let mut last = first;
        for n in 0..8 {
            last = Instant::now();
            assert_eq!(handler(n), n.is_multiple_of(2), "the command's own answer");
            std::thread::sleep(Duration::from_millis(30));
            assert!(trims.lock().unwrap().is_empty(), "trimmed between commands");
        }
        std::thread::sleep(idle * 3);
        let after_burst = trims.lock().unwrap().clone();
        assert_eq!(after_burst.len(), 1);
        assert!(
            after_burst[0] >= last + idle,
            "trimmed {:?} after the first command",
            after_burst[0] - first
        );
        handler(8);
        drop(handler);
        std::thread::sleep(idle * 3);
        assert_eq!(
            trims.lock().unwrap().len(),
            1,
            "no trim once the commands are gone"
        );
    }

    #[test]
    fn no_trim_without_commands() {
        let (send, calls) = mpsc::sync_channel(1);
        let trims = Arc::new(Mutex::new(0));
        let seen = Arc::clone(&trims);
        let thread = std::thread::spawn(move || {
            trimmer(Duration::from_millis(20), calls, || {
                *seen.lock().unwrap() += 1
            })
        });
        std::thread::sleep(Duration::from_millis(100));
        drop(send);
        thread.join().unwrap();
        assert_eq!(*trims.lock().unwrap(), 0);
    }
}
