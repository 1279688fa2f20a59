#!/bin/sh
# Runs a command inside a private D-Bus session with an unlocked GNOME keyring (Secret Service),
# so keyring tests use the real thing. Usage: scripts/with-keyring.sh <command> [args...]
set -eu
if [ -z "${ALONGSIDE_IN_KEYRING_SESSION:-}" ]; then
  export ALONGSIDE_IN_KEYRING_SESSION=1
  exec dbus-run-session -- "$0" "$@"
fi
keyring_home=$(mktemp -d)
export HOME_FOR_KEYRING="$keyring_home"
export XDG_DATA_HOME="$keyring_home/data"
mkdir -p "$XDG_DATA_HOME"
eval "$(printf 'alongside-test' | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null
export ALONGSIDE_TEST_KEYRING=1
status=0
"$@" || status=$?
rm -rf "$keyring_home"
exit $status
