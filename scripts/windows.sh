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
cp packaging/windows/README.txt "$out/docs/README.txt"
cp LICENSE-MIT "$out/docs/LICENSE-MIT.txt"
cp LICENSE-APACHE "$out/docs/LICENSE-APACHE.txt"
cp target/licences/third-party-licences.html target/licences/third-party-web-and-fonts.txt "$out/docs/"
setup="Alongside-$version-setup.exe"
makensis -V2 -DVERSION="$version" -DAPP_EXE="$PWD/$out/alongside-app.exe" \
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
wineserver -p 60 # one Wine server for the whole run, not one per program

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

# The command line's black-box suite, against the installed alongside.exe.
ALONGSIDE_TEST_EXE="$installed/alongside.exe" cargo test -p alongside-cli --test cli -- \
  --test-threads 2 windows::

wine "$installed/Uninstall Alongside.exe" /S
sleep 2 # the uninstaller finishes in a copy of itself
[ ! -e "$installed/alongside.exe" ] || { echo "the uninstaller left alongside.exe" >&2; exit 1; }
if wine reg query 'HKCU\Software\Classes\Alongside.Backup' >/dev/null 2>&1; then
  echo "the uninstaller left the file type" >&2
  exit 1
fi
echo "Windows: built, installed, tested and uninstalled under Wine."
