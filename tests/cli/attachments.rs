//! `attach`, `attachments` and `detach` from outside: files in and copies out byte for byte,
//! the 50 MB limit refused with exit 4 and nothing written, unknown ids, detaching, and the
//! count in `status`.

use std::path::Path;

use crate::black_box::{assert_unchanged, init, snapshot, stderr_of, stdout_of};
use crate::support::{std_with_pass, PASS};

fn run(dir: &Path, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::from_std(std_with_pass(dir));
    cmd.args(args);
    cmd
}

/// The global id of the first contribution in the vault, from the complete JSON export.
pub(crate) fn first_contribution(dir: &Path) -> String {
    let out = dir.join("everything.json");
    run(
        dir,
        &["export", "--report", "all", "--format", "json", "--out"],
    )
    .arg(&out)
    .assert()
    .success();
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    std::fs::remove_file(&out).unwrap();
    json["contributions"][0]["uid"].as_str().unwrap().to_owned()
}

fn attached_count(dir: &Path) -> u64 {
    let status = run(dir, &["status", "--json"]).assert().success();
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&status)).unwrap();
    json["records"]["attachments"].as_u64().unwrap()
}

#[test]
fn files_go_in_and_come_out_byte_for_byte_and_the_limit_is_kept() {
    let vault = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let dir = vault.path();
    init(dir);
    run(dir, &["demo", "--contributions", "20", "--seed", "2"])
        .assert()
        .success();
    let uid = first_contribution(dir);
    let receipt = files.path().join("taxi receipt.txt");
    std::fs::write(&receipt, "Taxi from the station: £14.20\n").unwrap();
    let scan: Vec<u8> = (0..200_000u32).map(|i| (i * 31 % 251) as u8).collect();
    let scan_path = files.path().join("scan.bin");
    std::fs::write(&scan_path, &scan).unwrap();

    let attached = run(dir, &["attach", "--to", "contribution", &uid])
        .arg(&receipt)
        .arg(&scan_path)
        .assert()
        .success();
    let lines: Vec<String> = stdout_of(&attached).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].ends_with("\ttaxi receipt.txt\ttext/plain\t31"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].contains("\tscan.bin\tapplication/octet-stream\t200000"),
        "{}",
        lines[1]
    );
    assert_eq!(attached_count(dir), 2);

    let listed = run(dir, &["attachments", &uid]).assert().success();
    assert_eq!(stdout_of(&listed).lines().count(), 2);
    let out = files.path().join("copies");
    std::fs::create_dir(&out).unwrap();
    // Twice: the second copies are saved beside the first, never over them.
    for _ in 0..2 {
        run(dir, &["attachments", &uid, "--out"])
            .arg(&out)
            .assert()
            .success();
    }
    assert_eq!(std::fs::read(out.join("scan.bin")).unwrap(), scan);
    assert_eq!(std::fs::read(out.join("scan (2).bin")).unwrap(), scan);
    assert_eq!(
        std::fs::read(out.join("taxi receipt.txt")).unwrap(),
        std::fs::read(&receipt).unwrap()
    );

    // 60 MB: exit 4, one sentence, no file of the vault touched — and the small file given
    // with it is not added either.
    let big = files.path().join("video.mp4");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(60 * 1024 * 1024)
        .unwrap();
    let before = snapshot(dir);
    let refused = run(dir, &["attach", "--to", "contribution", &uid])
        .arg(&receipt)
        .arg(&big)
        .assert()
        .code(4);
    assert_eq!(
        stderr_of(&refused).trim(),
        "“video.mp4” is 60 MB; files up to 50 MB can be attached. Nothing was added."
    );
    assert_unchanged(dir, &before);

    // Unknown and malformed ids.
    run(dir, &["attach", "--to", "meeting", &uid])
        .arg(&receipt)
        .assert()
        .code(1);
    run(dir, &["attach", "--to", "meeting", "not-an-id"])
        .arg(&receipt)
        .assert()
        .code(4);

    // Detach one; the other stays.
    let first_id = lines[0].split('\t').next().unwrap();
    let detached = run(dir, &["detach", first_id]).assert().success();
    assert!(stderr_of(&detached).contains("Detached “taxi receipt.txt”."));
    assert_eq!(attached_count(dir), 1);
    run(dir, &["detach", first_id]).assert().code(1);
    run(dir, &["check"]).assert().success();
    let _ = PASS;
}

#[test]
fn a_claim_pack_from_the_command_line_holds_the_receipt_and_marks_the_lines_when_asked() {
    let vault = tempfile::tempdir().unwrap();
    let dir = vault.path();
    init(dir);
    run(dir, &["demo", "--contributions", "300", "--seed", "2"])
        .assert()
        .success();
    // A contribution with expenses to claim, found in the complete export.
    let all = dir.join("all.json");
    run(
        dir,
        &["export", "--report", "all", "--format", "json", "--out"],
    )
    .arg(&all)
    .assert()
    .success();
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&all).unwrap()).unwrap();
    std::fs::remove_file(&all).unwrap();
    let c = json["contributions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            let d = &c["data"];
            !d["expenses"].as_array().unwrap().is_empty()
                && d["claim_submitted_on"].is_null()
                && d["paid_on"].is_null()
        })
        .unwrap();
    let project = json["projects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == c["data"]["project_id"])
        .unwrap();
    let (title, organisation) = (
        project["data"]["title"].as_str().unwrap(),
        project["data"]["organisation"].as_str().unwrap(),
    );
    let day = c["data"]["date"].as_str().unwrap();
    // A real PNG receipt (its IHDR and IDAT, 1×1).
    let receipt = dir.join("receipt.png");
    std::fs::write(
        &receipt,
        [
            0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
            0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde, 0, 0, 0, 0x0c, 0x49,
            0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0, 0, 0x03, 0x01, 0x01, 0, 0x18,
            0xdd, 0x8d, 0xb0, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
        ],
    )
    .unwrap();
    // The receipt is for the contribution's first expense line; a line it does not have is
    // refused with the lines it has.
    let lines = c["data"]["expenses"].as_array().unwrap().len();
    let too_far = (lines + 1).to_string();
    let cuid = c["uid"].as_str().unwrap();
    let refused = run(
        dir,
        &[
            "attach",
            "--to",
            "contribution",
            cuid,
            "--expense",
            &too_far,
        ],
    )
    .arg(&receipt)
    .assert()
    .code(4);
    assert!(
        stderr_of(&refused).contains(&format!("--expense takes a number from 1 to {lines}")),
        "{}",
        stderr_of(&refused)
    );
    run(
        dir,
        &["attach", "--to", "contribution", cuid, "--expense", "1"],
    )
    .arg(&receipt)
    .assert()
    .success();
    let listed = run(dir, &["attachments", cuid]).assert().success();
    assert!(
        stdout_of(&listed).trim_end().ends_with("\t1"),
        "{}",
        stdout_of(&listed)
    );
    let saved = run(
        dir,
        &[
            "claim-details",
            "--organisation",
            organisation,
            "--name",
            "Sam Patel",
        ],
    )
    .args([
        "--payee-reference",
        "SUP-20417",
        "--payee-reference-label",
        "Supplier number",
    ])
    .assert()
    .success();
    assert!(stdout_of(&saved).contains("Supplier number\tSUP-20417"));
    let out = dir.join("claim.pdf");
    // The format comes from the file's name; the lines are marked only when asked.
    let made = run(
        dir,
        &[
            "export",
            "--report",
            "claim",
            "--project",
            title,
            "--from",
            day,
            "--to",
            day,
            "--out",
        ],
    )
    .arg(&out)
    .assert()
    .success();
    assert!(!stdout_of(&made).contains("Marked"));
    let images = std::process::Command::new("pdfimages")
        .arg("-list")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&images.stdout)
            .lines()
            .skip(2)
            .count(),
        1
    );
    let text = std::process::Command::new("pdftotext")
        .arg(&out)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Sam Patel")
            && text.contains("Supplier number: SUP-20417")
            && text.contains("Receipt 1: receipt.png, for ")
            && text.contains("receipt 1"),
        "{text}"
    );
    let marked = run(
        dir,
        &[
            "export",
            "--report",
            "claim",
            "--project",
            title,
            "--from",
            day,
            "--to",
            day,
            "--mark-claimed",
            "--out",
        ],
    )
    .arg(dir.join("claim-2.csv"))
    .assert()
    .success();
    assert!(
        stdout_of(&marked).contains("as claim submitted on"),
        "{}",
        stdout_of(&marked)
    );
    assert!(!stdout_of(&marked).contains("Marked no contributions"));
    run(
        dir,
        &[
            "export",
            "--report",
            "involvement",
            "--mark-claimed",
            "--out",
        ],
    )
    .arg(dir.join("x.pdf"))
    .assert()
    .code(2);
}
