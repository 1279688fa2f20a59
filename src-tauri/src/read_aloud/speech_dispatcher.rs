//! Speech Dispatcher over its socket (the SSIP protocol, through `ssip-client`). A reading has a
//! connection and a thread of its own that speaks one sentence, hears it end, then speaks the
//! next; Pause and Stop cut the sentence off from a second, short connection naming the first by
//! its client number.

use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use alongside_core::words::Language;
use ssip_client::{
    fifo, Client, ClientName, ClientScope, EventType, MessageScope, NotificationType, OK_CANCELED,
    OK_CLIENT_NAME_SET, OK_LANGUAGE_SET, OK_NOTIFICATION_SET,
};

use super::{Asked, Current, OnChange, ReadAloudError, Reading, Speech};

/// How long to wait for a service the app started to open its socket.
const START_WAIT: Duration = Duration::from_secs(5);

/// How long a reply from the service may take; also how often a reading looks at what was
/// asked of it while a sentence is spoken.
const REPLY_WAIT: Duration = Duration::from_secs(2);

/// Starts reading `sentences` in `language` on a connection of its own, on a thread, noting it
/// as the current reading.
pub(super) fn read(
    socket: Option<&Path>,
    current: &Current,
    sentences: Vec<String>,
    language: Language,
    on_change: OnChange,
) -> Result<(), ReadAloudError> {
    let mut client = connect(socket, "reading")?;
    let id = client
        .history_get_client_id()
        .and_then(|c| c.receive_client_id())
        .map_err(refused)?;
    for kind in [NotificationType::End, NotificationType::Cancel] {
        client
            .set_notification(kind, true)
            .and_then(|c| c.check_status(OK_NOTIFICATION_SET))
            .map_err(refused)?;
    }
    choose_voice(&mut client, language)?;
    let reading = Arc::new(Reading {
        client: id,
        asked: Mutex::new(Asked::Read),
        wake: Condvar::new(),
    });
    if let Ok(mut now) = current.lock() {
        *now = Some(Arc::clone(&reading));
    }
    let current = Arc::clone(current);
    std::thread::Builder::new()
        .name("read-aloud".into())
        .spawn(move || {
            let end = read_through(&mut client, &reading, &sentences, &*on_change);
            if let Ok(mut now) = current.lock() {
                if now.as_ref().is_some_and(|r| Arc::ptr_eq(r, &reading)) {
                    *now = None;
                }
            }
            let _ = client.quit();
            on_change(end);
        })
        .map(|_| ())
        .map_err(|_| ReadAloudError::Refused)
}

/// Cuts off what the connection numbered `reading` is saying.
pub(super) fn cancel(socket: Option<&Path>, reading: u32) -> Result<(), ReadAloudError> {
    let mut client = connect(socket, "control")?;
    // The number is the reading connection's: the service acts on that client's messages.
    let answer = client
        .cancel(MessageScope::Message(reading))
        .and_then(|c| c.check_status(OK_CANCELED))
        .map(|_| ())
        .map_err(refused);
    let _ = client.quit();
    answer
}

/// Reads the sentences one after another, doing what is asked between them (a paused reading
/// waits, then says the sentence it was cut off in again); how it ended.
fn read_through(
    client: &mut Client<UnixStream>,
    reading: &Reading,
    sentences: &[String],
    on_change: &dyn Fn(Speech),
) -> Speech {
    on_change(Speech::Speaking);
    let mut next = 0;
    loop {
        if wait_while_paused(reading, on_change) == Asked::Stop {
            return Speech::Stopped;
        }
        let Some(sentence) = sentences.get(next) else {
            return Speech::Finished;
        };
        let line = if sentence.starts_with('.') {
            format!(".{sentence}")
        } else {
            sentence.clone()
        };
        let queued = client
            .speak()
            .and_then(|c| c.check_receiving_data())
            .and_then(|c| c.send_line(&line))
            .and_then(|c| c.receive_message_id());
        if queued.is_err() {
            return Speech::Stopped;
        }
        match hear_end(client, reading) {
            Heard::End => next += 1,
            // Cut off by Pause or Stop: the top of the loop does what was asked.
            Heard::CutOff if reading.asked() != Asked::Read => {}
            // Cut off by someone else (another program, the service itself), or broken.
            Heard::CutOff | Heard::Broken => return Speech::Stopped,
        }
    }
}

/// While the reading is paused, waits for Resume or Stop; what was asked in the end.
fn wait_while_paused(reading: &Reading, on_change: &dyn Fn(Speech)) -> Asked {
    let Ok(mut asked) = reading.asked.lock() else {
        return Asked::Stop;
    };
    if *asked != Asked::Pause {
        return *asked;
    }
    on_change(Speech::Paused);
    while *asked == Asked::Pause {
        asked = match reading.wake.wait(asked) {
            Ok(asked) => asked,
            Err(_) => return Asked::Stop,
        };
    }
    if *asked == Asked::Read {
        on_change(Speech::Speaking);
    }
    *asked
}

/// How a sentence's speaking ended.
enum Heard {
    End,
    CutOff,
    Broken,
}

/// Waits for the sentence to end or be cut off.
fn hear_end(client: &mut Client<UnixStream>, reading: &Reading) -> Heard {
    loop {
        match client.receive_event() {
            Ok(event) => match event.ntype {
                EventType::End => return Heard::End,
                EventType::Cancel => return Heard::CutOff,
                _ => continue,
            },
            // The reply time passing means the voice is still speaking, unless it was asked to
            // stop (the service does not always tell of a cancelled sentence).
            Err(ssip_client::ClientError::Io(err))
                if matches!(
                    err.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                if reading.asked() != Asked::Read {
                    return Heard::CutOff;
                }
            }
            Err(_) => return Heard::Broken,
        }
    }
}

/// Sets the voice's language, refusing when the service has no voice for it (reading Welsh
/// with an English voice helps nobody).
fn choose_voice(client: &mut Client<UnixStream>, language: Language) -> Result<(), ReadAloudError> {
    let voices = client
        .list_synthesis_voices()
        .and_then(|c| c.receive_synthesis_voices())
        .map_err(refused)?;
    let wanted = language.tag();
    let primary = wanted.split('-').next().unwrap_or(wanted);
    let speaks = |voice: &ssip_client::SynthesisVoice| {
        voice.language.as_deref().is_some_and(|l| {
            let l = l.to_ascii_lowercase();
            l == primary || l.starts_with(&format!("{primary}-"))
        })
    };
    if !voices.iter().any(speaks) {
        return Err(ReadAloudError::NoVoice(wanted));
    }
    client
        .set_language(ClientScope::Current, wanted)
        .and_then(|c| c.check_status(OK_LANGUAGE_SET))
        .map(|_| ())
        .map_err(refused)
}

/// A named connection to the service, starting the service when it is not running.
fn connect(socket: Option<&Path>, component: &str) -> Result<Client<UnixStream>, ReadAloudError> {
    let path = match socket {
        Some(path) => path.to_path_buf(),
        None => usual_socket().ok_or(ReadAloudError::NoService)?,
    };
    if !path.exists() {
        start_service(&path)?;
    }
    let mut client = fifo::Builder::new()
        .path(&path)
        .timeout(REPLY_WAIT)
        .build()
        .map_err(|_| ReadAloudError::NoService)?;
    client
        .set_client_name(ClientName::new("alongside", component))
        .and_then(|c| c.check_status(OK_CLIENT_NAME_SET))
        .map_err(refused)?;
    Ok(client)
}

/// Where Speech Dispatcher listens: `speech-dispatcher/speechd.sock` in the runtime folder.
fn usual_socket() -> Option<PathBuf> {
    let runtime = std::env::var_os("XDG_RUNTIME_DIR").filter(|d| !d.is_empty())?;
    Some(
        PathBuf::from(runtime)
            .join("speech-dispatcher")
            .join("speechd.sock"),
    )
}

/// Starts Speech Dispatcher on `socket` (as its own client library does) and waits for it.
fn start_service(socket: &Path) -> Result<(), ReadAloudError> {
    let started = Command::new("speech-dispatcher")
        .args(["--spawn", "--communication-method", "unix_socket"])
        .arg("--socket-path")
        .arg(socket)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    if started.is_err() {
        return Err(ReadAloudError::NoService);
    }
    let since = Instant::now();
    while since.elapsed() < START_WAIT {
        if socket.exists() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(ReadAloudError::NoService)
}

/// Any failure of the conversation: logged by kind only (never the text), told as "refused".
fn refused(err: ssip_client::ClientError) -> ReadAloudError {
    tracing::warn!("read aloud: the speech service answered {err}");
    ReadAloudError::Refused
}
