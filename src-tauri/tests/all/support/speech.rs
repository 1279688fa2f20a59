//! A real Speech Dispatcher of the test's own (espeak-ng's voices), in a temporary folder, its
//! sound going to ALSA's null device so the tests run on machines without speakers.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running speech service; stopped when dropped.
pub struct SpeechService {
    child: Child,
    folder: tempfile::TempDir,
}

impl SpeechService {
    /// Starts one (the system's configuration, with the sound sent to the null device).
    pub fn start() -> SpeechService {
        let folder = tempfile::tempdir().unwrap();
        let config = folder.path().join("config");
        copy_folder(Path::new("/etc/speech-dispatcher"), &config);
        let conf = config.join("speechd.conf");
        let mut text = std::fs::read_to_string(&conf).unwrap();
        text.push_str("\nAudioOutputMethod \"alsa\"\nAudioALSADevice \"null\"\n");
        std::fs::write(&conf, text).unwrap();
        let socket = folder.path().join("speechd.sock");
        let logs = folder.path().join("log");
        std::fs::create_dir_all(&logs).unwrap();
        let child = Command::new("speech-dispatcher")
            .args([
                "--run-single",
                "--communication-method",
                "unix_socket",
                "--timeout",
                "0",
            ])
            .arg("--socket-path")
            .arg(&socket)
            .arg("--config-dir")
            .arg(&config)
            .arg("--log-dir")
            .arg(&logs)
            .arg("--pid-file")
            .arg(folder.path().join("speechd.pid"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("speech-dispatcher is installed (make setup)");
        let since = Instant::now();
        while !socket.exists() {
            assert!(
                since.elapsed() < Duration::from_secs(20),
                "the speech service did not open its socket"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        SpeechService { child, folder }
    }

    /// Where it listens.
    pub fn socket(&self) -> PathBuf {
        self.folder.path().join("speechd.sock")
    }
}

impl Drop for SpeechService {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        // Follow links (the modules' configurations are often links into /usr/share).
        if std::fs::metadata(entry.path()).unwrap().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
