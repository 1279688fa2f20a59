//! Spell checking in British English for what people type. WebKitGTK leaves it off unless the
//! app turns it on; the dictionary is the `hunspell-en-gb` package (a recommended package of the
//! .deb, installed by `make setup`). Fields opt in or out with the HTML `spellcheck` attribute.

use serde::Serialize;
use specta::Type;
use tauri::{Runtime, WebviewWindow};

/// The dictionaries asked for, in enchant's naming.
pub const LANGUAGES: [&str; 1] = ["en_GB"];

/// What the web view itself reports about its spell checking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Spelling {
    /// Whether the web view checks spelling.
    pub enabled: bool,
    /// The languages it has a dictionary for and checks in (empty when none could be loaded).
    pub languages: Vec<String>,
}

/// Turns spell checking on in the window's web view, in [`LANGUAGES`].
pub fn turn_on<R: Runtime>(window: &WebviewWindow<R>) {
    let asked = window.with_webview(|_view| {
        #[cfg(target_os = "linux")]
        {
            use webkit2gtk::{WebContextExt, WebViewExt};
            if let Some(context) = _view.inner().context() {
                context.set_spell_checking_enabled(true);
                context.set_spell_checking_languages(&LANGUAGES);
            }
        }
    });
    if asked.is_err() {
        tracing::warn!("spell checking could not be turned on");
    }
}

/// Asks the window's web view whether it checks spelling and in which languages.
pub async fn report<R: Runtime>(window: &WebviewWindow<R>) -> Spelling {
    let (tx, rx) = tokio::sync::oneshot::channel();
    let asked = window.with_webview(move |_view| {
        #[cfg(target_os = "linux")]
        {
            use webkit2gtk::{WebContextExt, WebViewExt};
            let spelling = _view.inner().context().map(|c| Spelling {
                enabled: c.is_spell_checking_enabled(),
                languages: c
                    .spell_checking_languages()
                    .iter()
                    .map(|l| l.to_string())
                    .collect(),
            });
            let _ = tx.send(spelling);
        }
        #[cfg(not(target_os = "linux"))]
        let _ = tx.send(None);
    });
    let none = Spelling {
        enabled: false,
        languages: Vec::new(),
    };
    if asked.is_err() {
        return none;
    }
    match tokio::time::timeout(std::time::Duration::from_secs(5), rx).await {
        Ok(Ok(Some(spelling))) => spelling,
        _ => none,
    }
}
