//! Read aloud: a screen's main text or a report spoken by the computer's own speech service,
//! offline. On Linux that is Speech Dispatcher (with espeak-ng's voices), spoken to over its
//! socket; other systems answer [`ReadAloudError::NoService`] for now. See docs/accessibility.md.
//!
//! The text is read a sentence at a time, so Pause stops at once and Resume carries on from the
//! start of the sentence it stopped in. The text goes only to the local speech service; nothing
//! here logs it.

#[cfg(unix)]
mod speech_dispatcher;

use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};

use alongside_core::words::Language;
use serde::Serialize;
use specta::Type;

/// Where a reading has got to, as the window shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub enum Speech {
    /// The voice is speaking.
    Speaking,
    /// Paused; resuming carries on from the start of the sentence it stopped in.
    Paused,
    /// The whole text was read.
    Finished,
    /// Stopped before the end (by Stop, by another reading, or by the speech service).
    Stopped,
}

/// Why the text could not be read aloud.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReadAloudError {
    /// The computer has no speech service the app can use (or it would not start).
    #[error("this computer's speech service is not available")]
    NoService,
    /// The speech service has no voice for the language.
    #[error("this computer has no voice for the language {0}")]
    NoVoice(&'static str),
    /// The speech service refused or broke off.
    #[error("the speech service did not accept the text")]
    Refused,
    /// There is nothing being read to pause, resume or stop.
    #[error("nothing is being read aloud")]
    NothingReading,
}

/// Told each time a reading moves on (from the thread that reads).
pub type OnChange = Box<dyn Fn(Speech) + Send + 'static>;

/// What the person last asked of a reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Asked {
    Read,
    Pause,
    Stop,
}

/// One reading under way: its connection's number at the service, and what was asked of it.
#[derive(Debug)]
pub(crate) struct Reading {
    /// The speech service's number for the connection that is speaking.
    pub(crate) client: u32,
    pub(crate) asked: Mutex<Asked>,
    /// Wakes a paused reading when Resume or Stop is asked.
    pub(crate) wake: Condvar,
}

impl Reading {
    /// What was last asked (a poisoned lock counts as Stop).
    pub(crate) fn asked(&self) -> Asked {
        self.asked.lock().map(|a| *a).unwrap_or(Asked::Stop)
    }

    fn ask(&self, what: Asked) {
        if let Ok(mut asked) = self.asked.lock() {
            *asked = what;
        }
        self.wake.notify_all();
    }
}

/// The reading under way, shared by the reader and the reading's thread.
pub(crate) type Current = Arc<Mutex<Option<Arc<Reading>>>>;

/// The app's reader: one reading at a time; a new one stops the last.
#[derive(Debug, Clone, Default)]
pub struct ReadAloud {
    /// The speech service's socket; `None` for the system's usual place.
    socket: Option<PathBuf>,
    current: Current,
}

impl ReadAloud {
    /// A reader using the speech service at its usual place (starting it when it is not running).
    pub fn new() -> Self {
        Self::default()
    }

    /// A reader using the speech service listening on `socket` (a test's own service).
    pub fn with_socket(socket: PathBuf) -> Self {
        ReadAloud {
            socket: Some(socket),
            current: Arc::default(),
        }
    }

    /// Starts reading `text` in `language`, stopping any reading before it; `on_change` hears
    /// each step (speaking, paused, finished, stopped). Returns once the service has begun.
    pub fn speak(
        &self,
        text: &str,
        language: Language,
        on_change: OnChange,
    ) -> Result<(), ReadAloudError> {
        // The reading before gives way (nothing being read is fine: stop only refuses that).
        let _ = self.stop();
        let sentences = sentences(text);
        if sentences.is_empty() {
            on_change(Speech::Finished);
            return Ok(());
        }
        self.speak_now(sentences, language, on_change)
    }

    /// Pauses the reading at once; Resume carries on from the start of the sentence.
    pub fn pause(&self) -> Result<(), ReadAloudError> {
        let reading = self.reading()?;
        if reading.asked() == Asked::Read {
            reading.ask(Asked::Pause);
            self.silence(&reading);
        }
        Ok(())
    }

    /// Carries on a paused reading.
    pub fn resume(&self) -> Result<(), ReadAloudError> {
        let reading = self.reading()?;
        if reading.asked() == Asked::Pause {
            reading.ask(Asked::Read);
        }
        Ok(())
    }

    /// Stops the reading.
    pub fn stop(&self) -> Result<(), ReadAloudError> {
        let reading = self.reading()?;
        reading.ask(Asked::Stop);
        self.silence(&reading);
        Ok(())
    }

    /// Whether a reading is under way (speaking or paused).
    pub fn is_reading(&self) -> bool {
        self.current.lock().is_ok_and(|c| c.is_some())
    }

    fn reading(&self) -> Result<Arc<Reading>, ReadAloudError> {
        self.current
            .lock()
            .ok()
            .and_then(|c| c.clone())
            .ok_or(ReadAloudError::NothingReading)
    }

    /// Cuts off the sentence being spoken (the reading's thread then does what was asked).
    fn silence(&self, reading: &Reading) {
        #[cfg(unix)]
        if speech_dispatcher::cancel(self.socket.as_deref(), reading.client).is_err() {
            // The thread still sees what was asked before its next sentence.
            tracing::warn!("read aloud: the speech service did not cut off the sentence");
        }
        #[cfg(not(unix))]
        let _ = reading;
    }

    #[cfg(unix)]
    fn speak_now(
        &self,
        sentences: Vec<String>,
        language: Language,
        on_change: OnChange,
    ) -> Result<(), ReadAloudError> {
        speech_dispatcher::read(
            self.socket.as_deref(),
            &self.current,
            sentences,
            language,
            on_change,
        )
    }

    #[cfg(not(unix))]
    fn speak_now(&self, _: Vec<String>, _: Language, _: OnChange) -> Result<(), ReadAloudError> {
        Err(ReadAloudError::NoService)
    }
}

/// The text cut into sentences (at a full stop, question or exclamation mark followed by a
/// space, and at each line), each ready for the service: no blank ones, no line breaks.
pub(crate) fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut rest = line.trim();
        while !rest.is_empty() {
            let cut = rest
                .char_indices()
                .find(|&(i, c)| {
                    matches!(c, '.' | '?' | '!')
                        && rest[i + c.len_utf8()..].starts_with(char::is_whitespace)
                })
                .map(|(i, c)| i + c.len_utf8())
                .unwrap_or(rest.len());
            let sentence = rest[..cut].trim();
            if sentence.chars().any(char::is_alphanumeric) {
                out.push(sentence.to_owned());
            }
            rest = rest[cut..].trim_start();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cut_into_sentences() {
        assert_eq!(
            sentences("One. Two?  Three!\r\n\n.\n  Dr. Jones said 3.5 hours... fine \nlast"),
            vec![
                "One.",
                "Two?",
                "Three!",
                "Dr.",
                "Jones said 3.5 hours...",
                "fine",
                "last"
            ]
        );
        assert!(sentences(" \n\n . \n").is_empty());
    }

    #[test]
    fn nothing_to_control_when_nothing_is_read() {
        let reader = ReadAloud::with_socket(PathBuf::from("/nonexistent/speechd.sock"));
        assert_eq!(reader.pause(), Err(ReadAloudError::NothingReading));
        assert_eq!(reader.resume(), Err(ReadAloudError::NothingReading));
        assert_eq!(reader.stop(), Err(ReadAloudError::NothingReading));
        assert!(!reader.is_reading());
    }
}
