#!/bin/sh
# Rebuilds each .deb in the given folder with xz compression and xz's x86 filter (Tauri's
# bundler writes gzip; dpkg-deb offers no filter, and the filter takes about 4% more off a
# program): the same files, owners root, verified by unpacking again.
# Usage: scripts/repack-deb.sh DIR
set -eu
for deb in "$1"/*.deb; do
  work=$(mktemp -d)
  tree="$work/tree"
  mkdir "$tree" "$work/parts"
  chmod 755 "$tree"
  dpkg-deb -R "$deb" "$tree"
  printf '2.0\n' >"$work/parts/debian-binary"
  pack() { tar --create --format=gnu --owner=0 --group=0 --numeric-owner --sort=name "$@"; }
  (cd "$tree/DEBIAN" && pack .) | xz -9 >"$work/parts/control.tar.xz"
  (cd "$tree" && pack --exclude=./DEBIAN .) |
    xz --x86 --lzma2=preset=9e,dict=64MiB --threads=1 >"$work/parts/data.tar.xz"
  (cd "$work/parts" && ar -rcD "$work/new.deb" debian-binary control.tar.xz data.tar.xz)
  # The new package must hold exactly the same control files and unpack to the same files.
  dpkg-deb --info "$work/new.deb" >/dev/null
  dpkg-deb -e "$work/new.deb" "$work/control"
  diff -r "$tree/DEBIAN" "$work/control"
  mkdir "$work/check"
  dpkg-deb -x "$work/new.deb" "$work/check"
  diff -r --exclude=DEBIAN "$tree" "$work/check"
  mv "$work/new.deb" "$deb"
  rm -rf "$work"
done
