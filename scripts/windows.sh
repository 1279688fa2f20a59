#!/usr/bin/env bash
# Windows, cross-built on Linux with Debian's mingw-w64 (docs/windows.md).
#   scripts/windows.sh release        the release programs and the installer (`make windows`)
#   scripts/windows.sh debug test     debug programs and installer, then the tests under Wine
#                                     (`make windows-test`)
# Output in target/windows/PROFILE: alongside-app.exe, alongside.exe, Alongside-VERSION-setup.exe.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=$1
testing=${2:-}
triple=x86_64-pc-windows-gnu
release=()
[ "$profile" = release ] && release=(--release)
out=target/windows/$profile
built=target/$triple/$profile
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)

echo "== Building the UI and the Windows programs ($profile)"
(cd ui && npm run build --silent)
cargo build "${release[@]}" --target $triple -p alongside-cli
# The app with its UI inside it (what the Tauri CLI does for a production build).
cargo build "${release[@]}" --target $triple -p alongside-app --features tauri/custom-protocol
make --no-print-directory licences

echo "== Making the installer"
rm -rf "$out" && mkdir -p "$out/docs"
cp "$built/alongside.exe" "$built/alongside-app.exe" "$out/"
compressor=lzma
if [ "$profile" = debug ]; then
  # The test installer: without debug symbols, and packed quickly.
  x86_64-w64-mingw32-strip "$out/alongside.exe" "$out/alongside-app.exe"
  compressor=zlib
fi
cp packaging/windows/README.txt "$out/docs/README.txt"
cp LICENSE-MIT "$out/docs/LICENSE-MIT.txt"
cp LICENSE-APACHE "$out/docs/LICENSE-APACHE.txt"
cp target/licences/third-party-licences.html target/licences/third-party-web-and-fonts.txt "$out/docs/"
setup="Alongside-$version-setup.exe"
makensis -V2 -DCOMPRESSOR=$compressor -DVERSION="$version" -DAPP_EXE="$PWD/$out/alongside-app.exe" \
  -DCLI_EXE="$PWD/$out/alongside.exe" -DDOCS="$PWD/$out/docs" -DOUTFILE="$PWD/$out/$setup" \
  packaging/windows/alongside.nsi
ls -l "$out"/*.exe

[ "$testing" = test ] || exit 0

echo "== Testing under Wine"
export WINEPREFIX=$PWD/target/wine WINEDEBUG=-all
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  wineboot -i >/dev/null 2>&1
fi
# Debian 12's Wine (8.0) lacks ProcessPrng, which Rust's standard library needs; a stand-in for
# the tests only (packaging/windows/wine/bcryptprimitives.c).
x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
  packaging/windows/wine/bcryptprimitives.c packaging/windows/wine/bcryptprimitives.def -ladvapi32
wineserver -k 2>/dev/null || true # a server left from an earlier run
wineserver -p 600 # one Wine server for the whole run, not one per program

# The lock watcher's hidden window, and the unit tests of the shared crates, run as Windows
# programs (Wine needs a display for a window, even a hidden one).
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=wine xvfb-run -a \
  cargo test "${release[@]}" --target $triple -p alongside-os-lock

# Install for this user, silently, as someone double-clicking it would (but without the pages).
wine "$out/$setup" /S
local_app_data=$(winepath -u "$(wine cmd /c 'echo %LOCALAPPDATA%' | tr -d '\r')")
installed="$local_app_data/Programs/Alongside"
for file in alongside-app.exe alongside.exe "Uninstall Alongside.exe" README.txt \
  LICENSE-MIT.txt third-party-licences.html; do
  [ -f "$installed/$file" ] || { echo "the installer did not install $file" >&2; exit 1; }
done
wine reg query 'HKCU\Software\Classes\Alongside.Backup\shell\open\command' | grep -q alongside-app.exe
wine "$installed/alongside.exe" --version | grep -q "alongside $version"
echo "Installed in $installed"

# The command line's black-box suite, against the installed alongside.exe: every test that runs
# the program under test, except those about Unix file modes, the Linux Secret Service, or a
# computer with no keyring (Windows always has Credential Manager), and the crash tests (they kill
# with Unix signals). Wine's own services start first, so they do not hold the tests' pipes open.
wine cmd /c exit </dev/null >/dev/null 2>&1
ALONGSIDE_TEST_EXE="$installed/alongside.exe" cargo test -p alongside-cli --test cli -- \
  --test-threads 2 --exact \
  attachments::a_claim_pack_from_the_command_line_holds_the_receipt_and_marks_the_lines_when_asked \
  attachments::files_go_in_and_come_out_byte_for_byte_and_the_limit_is_kept \
  black_box::a_key_file_edited_to_ask_for_4_gib_is_refused_at_once_with_exit_4 \
  black_box::a_locked_vault_with_no_way_to_unlock_exits_3 \
  black_box::backup_and_restore_round_trip_with_exit_codes_for_bad_passphrase_and_bad_files \
  black_box::dangerous_commands_need_the_passphrase_or_recovery_code \
  black_box::demo_search_export_and_import_work_from_the_command_line \
  black_box::init_prints_a_recovery_code_once_and_refuses_a_second_vault \
  black_box::nothing_is_saved_over_the_vault_and_two_inits_leave_one_vault \
  black_box::one_sessions_record_and_the_lead_side_of_the_json_export \
  black_box::passphrase_change_rewraps_and_bad_input_exits_4_with_nothing_written \
  black_box::passphrase_from_stdin_unlocks_and_check_passes \
  black_box::recovery_code_prints_a_new_code \
  black_box::rekey_shuts_out_an_old_key_file_and_keeps_the_records \
  black_box::status_shows_facts_locked_and_unlocked_but_no_secrets \
  black_box::the_cli_checks_a_vault_while_another_process_writes_to_it \
  black_box::usage_errors_exit_2 \
  black_box::weak_passphrases_are_refused_with_exit_4 \
  black_box::wrong_passphrase_exits_3_with_one_sentence_and_changes_nothing \
  conventions::completions_and_the_manual_page_come_from_the_same_definitions \
  conventions::json_results_have_their_documented_shape_and_progress_stays_off_pipes \
  exchange::a_lead_and_two_partners_close_the_loop_through_files_alone \
  windows::the_credential_manager_remembers_the_key

wine "$installed/Uninstall Alongside.exe" /S
sleep 2 # the uninstaller finishes in a copy of itself
[ ! -e "$installed/alongside.exe" ] || { echo "the uninstaller left alongside.exe" >&2; exit 1; }
if wine reg query 'HKCU\Software\Classes\Alongside.Backup' >/dev/null 2>&1; then
  echo "the uninstaller left the file type" >&2
  exit 1
fi
wineserver -k
echo "Windows: built, installed, tested and uninstalled under Wine."
