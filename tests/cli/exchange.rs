//! The exchange from outside: a lead and two partners, each with their own vault and no
//! network, close the loop through `.alongside` files alone — and every damaged, forged or
//! misaddressed file is refused with nothing written.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use base64::Engine;
use serde_json::Value;

use crate::black_box::{assert_unchanged, init, snapshot, stderr_of, stdout_of};

const CANARY_NOTE: &str = "CANARY-PRIVATE-NOTE-7f3a";
const CANARY_REFLECTION: &str = "CANARY-PRIVATE-REFLECTION-19c2";
const SHARE_PASS: &str = "tangerine otter flies sideways nine";

fn run(dir: &Path) -> Command {
    let mut cmd = Command::from_std(crate::support::std_with_pass(dir));
    cmd.env("ALONGSIDE_SHARE_PASSPHRASE", SHARE_PASS);
    cmd
}

fn vault(root: &Path, name: &str) -> PathBuf {
    let dir = root.join(name);
    std::fs::create_dir(&dir).unwrap();
    init(&dir);
    dir
}

fn identity(dir: &Path, name: &str, role: &str, file: &Path) -> String {
    let out = run(dir)
        .args(["identity", "--name", name, "--role", role, "--export"])
        .arg(file)
        .assert()
        .success();
    stdout_of(&out).trim().to_owned()
}

fn export_all(dir: &Path, out: &Path) -> Value {
    run(dir)
        .args([
            "export",
            "--report",
            "all",
            "--format",
            "json",
            "--include-private",
            "--out",
        ])
        .arg(out)
        .assert()
        .success();
    serde_json::from_slice(&std::fs::read(out).unwrap()).unwrap()
}

/// The lead's vault: the demo, with a canary in one session's private notes and in a private
/// reflection. Returns the session's uid, date and project, and a partner whose quotable words
/// a "you said, we did" item answers, and a second attendee.
struct Scene {
    meeting_uid: String,
    meeting_date: String,
    project: String,
    partner: String,
    partner_words: String,
    partner_voice_uid: String,
    other: String,
}

fn lead_vault(root: &Path) -> (PathBuf, Scene) {
    let source = vault(root, "lead-source");
    run(&source)
        .args(["demo", "--contributions", "40", "--seed", "5"])
        .assert()
        .success();
    let mut all = export_all(&source, &root.join("source.json"));
    let item = all["you_said_we_did"][0].clone();
    let meeting_id = item["meeting_id"].as_i64().unwrap();
    let voices = all["voices"].as_array().unwrap().clone();
    let consents = all["consents"].as_array().unwrap().clone();
    let answered = voices
        .iter()
        .find(|v| {
            let person = v["person_id"].as_i64();
            item["voice_ids"].as_array().unwrap().contains(&v["id"])
                && v["quotable"] == true
                && consents.iter().any(|c| {
                    c["meeting_id"].as_i64() == Some(meeting_id)
                        && c["person_id"].as_i64() == person
                        && c["quote"] == true
                })
        })
        .expect("a quotable voice answered by the first item");
    let partner_id = answered["person_id"].as_i64().unwrap();
    let people = all["people"].as_array().unwrap().clone();
    let name_of = |id: i64| {
        people
            .iter()
            .find(|p| p["id"].as_i64() == Some(id))
            .unwrap()["data"]["name"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let meetings = all["meetings"].as_array_mut().unwrap();
    let meeting = meetings
        .iter_mut()
        .find(|m| m["id"].as_i64() == Some(meeting_id))
        .unwrap();
    meeting["data"]["private_notes"] = Value::from(format!("Worried about funding. {CANARY_NOTE}"));
    let other_id = meeting["data"]["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["person_id"].as_i64().unwrap())
        .find(|id| *id != partner_id)
        .unwrap();
    let scene_meeting = meeting.clone();
    let project_id = scene_meeting["data"]["project_id"].as_i64().unwrap();
    let reflection = &mut all["reflections"][0]["data"];
    reflection["private"] = Value::Bool(true);
    let entries = reflection["entries"].as_object_mut().unwrap();
    let first = entries.keys().next().unwrap().clone();
    entries.insert(first, Value::from(CANARY_REFLECTION));
    let project = all["projects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"].as_i64() == Some(project_id))
        .unwrap()["data"]["title"]
        .as_str()
        .unwrap()
        .to_owned();
    let edited = root.join("lead.json");
    std::fs::write(&edited, serde_json::to_vec(&all).unwrap()).unwrap();
    let lead = vault(root, "lead");
    run(&lead).arg("import").arg(&edited).assert().success();
    let scene = Scene {
        meeting_uid: scene_meeting["uid"].as_str().unwrap().to_owned(),
        meeting_date: scene_meeting["data"]["date"].as_str().unwrap().to_owned(),
        project,
        partner: name_of(partner_id),
        partner_words: answered["text"].as_str().unwrap().to_owned(),
        partner_voice_uid: answered["uid"].as_str().unwrap().to_owned(),
        other: name_of(other_id),
    };
    (lead, scene)
}

fn decrypt_with_passphrase(file: &Path) -> String {
    let bytes = std::fs::read(file).unwrap();
    let decryptor = age::Decryptor::new(age::armor::ArmoredReader::new(bytes.as_slice())).unwrap();
    let identity = age::scrypt::Identity::new(SHARE_PASS.to_owned().into());
    let mut reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .unwrap();
    let mut page = String::new();
    std::io::Read::read_to_string(&mut reader, &mut page).unwrap();
    page
}

fn carried_payload(page: &str) -> String {
    let start =
        page.find("id=\"alongside-envelope\">").unwrap() + "id=\"alongside-envelope\">".len();
    let end = start + page[start..].find("</script>").unwrap();
    let carried: Value = serde_json::from_str(&page[start..end]).unwrap();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(carried["payload"].as_str().unwrap())
        .unwrap();
    String::from_utf8(bytes).unwrap()
}

#[test]
fn a_lead_and_two_partners_close_the_loop_through_files_alone() {
    let root = tempfile::tempdir().unwrap();
    let root = root.path();
    let (lead, scene) = lead_vault(root);
    let sam = vault(root, "sam");
    let jo = vault(root, "jo");

    // Identities and contacts: the lead checked Sam's code in person; Jo has not checked.
    let lead_code = identity(&lead, "Priya Shah", "project lead", &root.join("priya.id"));
    let sam_code = identity(&sam, "Sam Okafor", "patient partner", &root.join("sam.id"));
    identity(&jo, "Jo Baptiste", "patient partner", &root.join("jo.id"));
    assert_ne!(lead_code, sam_code);
    assert_eq!(lead_code.len(), 29);
    let added = run(&lead)
        .args(["contact", "add"])
        .arg(root.join("sam.id"))
        .args(["--person", &scene.partner, "--checked", "in-person"])
        .assert()
        .success();
    assert_eq!(
        stdout_of(&added).trim(),
        sam_code,
        "the contact's code is the one Sam read out"
    );
    run(&lead)
        .args(["contact", "add"])
        .arg(root.join("jo.id"))
        .args(["--person", &scene.other])
        .assert()
        .success();
    let pasted = std::fs::read_to_string(root.join("priya.id")).unwrap();
    run(&sam)
        .args([
            "contact",
            "add",
            &pasted,
            "--person",
            "Priya Shah",
            "--checked",
            "phone",
        ])
        .assert()
        .success();
    run(&jo)
        .args(["contact", "add"])
        .arg(root.join("priya.id"))
        .args(["--person", "Priya Shah"])
        .assert()
        .success();

    // Sam kept their own contribution to the session.
    let csv = root.join("sam.csv");
    std::fs::write(
        &csv,
        format!(
            "date,project,meeting_minutes,summary\n{},{},120,Spoke about leaving hospital\n",
            scene.meeting_date, scene.project
        ),
    )
    .unwrap();
    run(&sam)
        .args(["import", "--format", "csv"])
        .arg(&csv)
        .assert()
        .success();

    // The lead shares the session's record with both partners and a passphrase copy.
    let file = root.join("session.alongside");
    let shared = run(&lead)
        .args([
            "share",
            "--what",
            "session",
            "--meeting",
            &scene.meeting_uid,
        ])
        .args([
            "--to",
            &scene.partner,
            "--to",
            &scene.other,
            "--to-passphrase",
            "--out",
        ])
        .arg(&file)
        .assert()
        .success();
    assert!(stdout_of(&shared).contains("\"you said, we did\" item"));
    let pass_file = root.join("session.passphrase.alongside");
    assert!(file.is_file() && pass_file.is_file());

    // Someone without Alongside opens the passphrase copy with the age format's own reader and
    // reads the record; no private words travel, in the page or in the payload it carries.
    let page = decrypt_with_passphrase(&pass_file);
    assert!(page.contains("<h1>Session record:"), "{}", &page[..200]);
    let payload = carried_payload(&page);
    for text in [&page, &payload] {
        assert!(!text.contains(CANARY_NOTE) && !text.contains(CANARY_REFLECTION));
        assert!(!text.contains("felt_heard") && !text.contains("private_notes"));
    }
    assert!(payload.contains(&scene.meeting_uid));

    // Sam's dry run lists the changes and writes nothing; accepting makes them; again: nothing.
    let before = snapshot(&sam);
    let dry = run(&sam).arg("open").arg(&file).assert().success();
    assert_unchanged(&sam, &before);
    let listed = stdout_of(&dry);
    assert!(
        stderr_of(&dry).contains("✓ checked by phone"),
        "{}",
        stderr_of(&dry)
    );
    assert!(listed.contains("Add the record of"), "{listed}");
    assert!(
        listed.contains("to the feedback of your contribution of"),
        "{listed}"
    );
    let readable = root.join("sam-readable.html");
    let accepted = run(&sam)
        .args(["open", "--accept", "--readable"])
        .arg(&readable)
        .arg(&file)
        .assert()
        .success();
    assert_eq!(
        stdout_of(&accepted),
        listed,
        "Add made exactly the changes listed"
    );
    let copy = std::fs::read_to_string(&readable).unwrap();
    assert!(!copy.contains(CANARY_NOTE) && !copy.contains("alongside-envelope"));
    let before = snapshot(&sam);
    let again = run(&sam)
        .args(["open", "--accept"])
        .arg(&file)
        .assert()
        .success();
    assert!(stderr_of(&again).contains("opened this file before"));
    assert!(stdout_of(&again).is_empty());
    assert_unchanged(&sam, &before);

    // Sam's contribution now has the feedback and its day.
    let sam_all = export_all(&sam, &root.join("sam.json"));
    let contribution = &sam_all["contributions"][0]["data"];
    assert!(contribution["feedback"]
        .as_str()
        .unwrap()
        .contains("We did:"));
    assert!(contribution["feedback_date"].is_string());
    assert!(sam_all["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["uid"] == scene.meeting_uid.as_str()));

    // Jo sees the lead as not checked.
    let jo_dry = run(&jo).arg("open").arg(&file).assert().success();
    assert!(stderr_of(&jo_dry).contains("not checked"));

    // Sam withdraws consent; the lead's ledger and next export obey it.
    let report = |name: &str| {
        let out = root.join(name);
        run(&lead)
            .args([
                "export",
                "--report",
                "meeting",
                "--meeting",
                &scene.meeting_uid,
            ])
            .args(["--format", "md", "--out"])
            .arg(&out)
            .assert()
            .success();
        std::fs::read_to_string(out).unwrap()
    };
    // (The demo gives several people the same words, so count them.)
    let quoted = |text: &str| text.matches(scene.partner_words.as_str()).count();
    let before_withdrawal = quoted(&report("before.md"));
    assert!(before_withdrawal >= 1);
    let withdrawal = root.join("withdraw.alongside");
    run(&sam)
        .args([
            "share",
            "--what",
            "consent",
            "--meeting",
            &scene.meeting_uid,
            "--withdraw",
        ])
        .args(["--to", "Priya Shah", "--out"])
        .arg(&withdrawal)
        .assert()
        .success();
    let applied = run(&lead)
        .args(["open", "--accept"])
        .arg(&withdrawal)
        .assert()
        .success();
    assert!(
        stdout_of(&applied).contains("withdrew consent"),
        "{}",
        stdout_of(&applied)
    );
    assert_eq!(quoted(&report("after.md")), before_withdrawal - 1);

    // Sam sends a summary of contributions back; the lead keeps it to read.
    let summary = root.join("summary.alongside");
    run(&sam)
        .args([
            "share",
            "--what",
            "summary",
            "--since",
            "2000-01-01",
            "--until",
            "2100-01-01",
        ])
        .args(["--to", "Priya Shah", "--armor", "--out"])
        .arg(&summary)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&summary)
        .unwrap()
        .starts_with("-----BEGIN AGE ENCRYPTED FILE-----"));
    let kept = run(&lead)
        .args(["open", "--keep"])
        .arg(&summary)
        .assert()
        .success();
    assert!(stdout_of(&kept).contains("summary of 1 contribution ("));

    // Sam answers the session's file: "got it", and "that's not what I said" about their words
    // (the ids come from `alongside inbox`).
    let listed = stdout_of(&run(&sam).arg("inbox").assert().success());
    let file_id = listed
        .lines()
        .find(|l| l.contains("the record of"))
        .and_then(|l| l.split('\t').nth(3))
        .expect("the session file in Sam's inbox")
        .to_owned();
    assert!(
        listed.contains(&format!("word {}", scene.partner_voice_uid)),
        "{listed}"
    );
    let thanks = root.join("thanks.alongside");
    run(&sam)
        .args(["share", "--what", "acknowledgement", "--reply-to"])
        .arg(&file)
        .args(["--message", "Thank you, this is a fair record.", "--out"])
        .arg(&thanks)
        .assert()
        .success();
    let said = "I said leaving hospital was the hardest part, not the easiest.";
    let correction = root.join("correction.alongside");
    let corrected = run(&sam)
        .args(["share", "--what", "correction", "--reply-to", &file_id])
        .args(["--voice", &scene.partner_voice_uid, "--said", said, "--out"])
        .arg(&correction)
        .assert()
        .success();
    assert!(stdout_of(&corrected).contains(said));
    let sent_before = stdout_of(&run(&lead).arg("sent").assert().success());
    assert!(
        sent_before.contains(&format!("{}\tnot acknowledged yet", scene.partner)),
        "{sent_before}"
    );
    let acknowledged = run(&lead)
        .args(["open", "--accept"])
        .arg(&thanks)
        .assert()
        .success();
    assert!(
        stdout_of(&acknowledged).contains("received the record of"),
        "{}",
        stdout_of(&acknowledged)
    );
    let sent_after = stdout_of(&run(&lead).arg("sent").assert().success());
    assert!(
        sent_after.contains(&format!("{}\tacknowledged on", scene.partner)),
        "{sent_after}"
    );
    assert!(
        sent_after.contains(&format!("{}\tnot acknowledged yet", scene.other)),
        "{sent_after}"
    );
    let applied = run(&lead)
        .args(["open", "--accept"])
        .arg(&correction)
        .assert()
        .success();
    assert!(
        stdout_of(&applied).contains(&format!("to “{said}”")),
        "{}",
        stdout_of(&applied)
    );
    let lead_all = export_all(&lead, &root.join("lead-after.json"));
    let voice = lead_all["voices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["uid"] == scene.partner_voice_uid.as_str())
        .unwrap();
    assert_eq!(voice["text"], said);
    assert!(stdout_of(&run(&lead).arg("sent").assert().success()).contains("1 correction"));
    // Jo never added the file, so has nothing to answer.
    let nothing = run(&jo)
        .args(["share", "--what", "acknowledgement", "--reply-to", &file_id])
        .args(["--out"])
        .arg(root.join("jo-thanks.alongside"))
        .assert()
        .code(4);
    assert!(stderr_of(&nothing).contains("not been opened"));

    // Bad files: each refused in one sentence, nothing written.
    let bytes = std::fs::read(&file).unwrap();
    let before = snapshot(&jo);
    let mut changed = bytes.clone();
    let at = changed.len() - 40;
    changed[at] ^= 0x01;
    let truncated = bytes[..bytes.len() - 100].to_vec();
    for (name, bad) in [("changed", changed), ("truncated", truncated)] {
        let path = root.join(format!("{name}.alongside"));
        std::fs::write(&path, bad).unwrap();
        let refused = run(&jo)
            .args(["open", "--accept"])
            .arg(&path)
            .assert()
            .code(4);
        assert_eq!(
            stderr_of(&refused).lines().count(),
            1,
            "{name}: {}",
            stderr_of(&refused)
        );
    }
    // Addressed to someone else: the lead's withdrawal file was for the lead, not Jo.
    let refused = run(&jo)
        .args(["open", "--accept"])
        .arg(&withdrawal)
        .assert()
        .code(3);
    assert!(stderr_of(&refused).contains("not sent to you"));
    // The passphrase copy with a wrong passphrase.
    let wrong = run(&jo)
        .env("ALONGSIDE_SHARE_PASSPHRASE", "not the passphrase at all")
        .args(["open", "--accept"])
        .arg(&pass_file)
        .assert()
        .code(3);
    assert!(stderr_of(&wrong).contains("passphrase"));
    assert_unchanged(&jo, &before);
}
