//! Read aloud against a real Speech Dispatcher with espeak-ng's voices: a reading in Welsh and
//! in English runs to its end; pause, resume and stop reach the service and come back as
//! events; a new reading stops the last; locking the vault stops it; no service is a typed refusal; and the commands over
//! the IPC send their events to the window.

use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use alongside_app::read_aloud::{ReadAloud, ReadAloudError, Speech};
use alongside_app::state::AppState;
use alongside_core::words::Language;
use serde_json::json;
use tauri::Listener;

use crate::support::speech::SpeechService;
use crate::support::{app_with, invoke};

/// Long enough that it is still being read while the test pauses and stops it.
fn long_text() -> String {
    (1..=400)
        .map(|n| format!("This is sentence number {n} of a long report, read slowly and clearly."))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A reading's steps, as a channel.
fn heard() -> (alongside_app::read_aloud::OnChange, Receiver<Speech>) {
    let (tx, rx) = channel();
    (
        Box::new(move |speech| {
            let _ = tx.send(speech);
        }),
        rx,
    )
}

/// Waits for `wanted`, skipping other steps; fails after 30 s.
fn wait_for(rx: &Receiver<Speech>, wanted: Speech) {
    let until = Instant::now() + Duration::from_secs(30);
    loop {
        let left = until.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(step) if step == wanted => return,
            Ok(_) => continue,
            Err(_) => panic!("the reading never reached {wanted:?}"),
        }
    }
}

#[test]
fn a_short_text_is_read_to_its_end_in_welsh_and_in_english() {
    let service = SpeechService::start();
    let reader = ReadAloud::with_socket(service.socket());
    for (language, text) in [
        (
            Language::Cy,
            "Croeso i Alongside. Dyma grynodeb o'ch cyfraniad.",
        ),
        (
            Language::EnGb,
            "Welcome to Alongside.\n.\nHere is a summary.",
        ),
    ] {
        let (on_change, rx) = heard();
        reader.speak(text, language, on_change).unwrap();
        wait_for(&rx, Speech::Speaking);
        wait_for(&rx, Speech::Finished);
        assert!(!reader.is_reading(), "{language:?} still reading");
    }
}

#[test]
fn pause_resume_and_stop_reach_the_service() {
    let service = SpeechService::start();
    let reader = ReadAloud::with_socket(service.socket());
    let (on_change, rx) = heard();
    reader
        .speak(&long_text(), Language::EnGb, on_change)
        .unwrap();
    wait_for(&rx, Speech::Speaking);
    assert!(reader.is_reading());

    reader.pause().unwrap();
    wait_for(&rx, Speech::Paused);
    assert!(reader.is_reading(), "a paused reading is still a reading");
    reader.resume().unwrap();
    wait_for(&rx, Speech::Speaking);

    reader.stop().unwrap();
    wait_for(&rx, Speech::Stopped);
    assert!(!reader.is_reading());
    assert_eq!(reader.stop(), Err(ReadAloudError::NothingReading));
}

#[test]
fn a_new_reading_stops_the_one_before() {
    let service = SpeechService::start();
    let reader = ReadAloud::with_socket(service.socket());
    let (first, first_rx) = heard();
    reader.speak(&long_text(), Language::EnGb, first).unwrap();
    wait_for(&first_rx, Speech::Speaking);
    let (second, second_rx) = heard();
    reader.speak("A short one.", Language::Cy, second).unwrap();
    wait_for(&first_rx, Speech::Stopped);
    wait_for(&second_rx, Speech::Finished);
    assert!(!reader.is_reading());
}

#[test]
fn no_speech_service_is_a_typed_refusal() {
    let dir = tempfile::tempdir().unwrap();
    // A socket in a folder that does not exist: the service cannot be started there.
    let reader = ReadAloud::with_socket(dir.path().join("missing").join("speechd.sock"));
    let (on_change, _rx) = heard();
    assert_eq!(
        reader.speak("Hello.", Language::EnGb, on_change),
        Err(ReadAloudError::NoService)
    );
    assert!(!reader.is_reading());
}

#[test]
fn the_commands_read_aloud_and_tell_the_window() {
    let service = SpeechService::start();
    let dir = tempfile::tempdir().unwrap();
    let mut state = AppState::new(dir.path().to_path_buf());
    state.read_aloud = ReadAloud::with_socket(service.socket());
    let w = app_with(state);
    let (tx, rx) = channel();
    w.listen_any("read-aloud-changed", move |event| {
        let _ = tx.send(event.payload().to_owned());
    });

    // Nothing to pause yet; stopping nothing is fine.
    let refused = invoke(&w, "read_aloud_pause", json!({})).unwrap_err();
    assert_eq!(refused["code"], "not_found");
    invoke(&w, "read_aloud_stop", json!({})).unwrap();

    let first = invoke(
        &w,
        "read_aloud",
        json!({"text": long_text(), "language": "cy"}),
    )
    .unwrap();
    let n = first.as_u64().unwrap();
    let next = || rx.recv_timeout(Duration::from_secs(30)).unwrap();
    let step = |speech: &str| format!(r#"{{"reading":{n},"speech":"{speech}"}}"#);
    assert_eq!(next(), step("speaking"));
    invoke(&w, "read_aloud_pause", json!({})).unwrap();
    assert_eq!(next(), step("paused"));
    invoke(&w, "read_aloud_resume", json!({})).unwrap();
    assert_eq!(next(), step("speaking"));
    invoke(&w, "read_aloud_stop", json!({})).unwrap();
    assert_eq!(next(), step("stopped"));

    // The next reading has the next number.
    let second = invoke(
        &w,
        "read_aloud",
        json!({"text": "Diolch.", "language": "cy"}),
    );
    assert_eq!(second.unwrap().as_u64(), Some(n + 1));
    assert_eq!(
        next(),
        format!(r#"{{"reading":{},"speech":"speaking"}}"#, n + 1)
    );
}
