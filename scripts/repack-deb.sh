#!/bin/sh
# Rebuilds each .deb in the given folder with xz compression (Tauri's bundler writes gzip):
# the same files, owners root, a third smaller to download. Usage: scripts/repack-deb.sh DIR
set -eu
for deb in "$1"/*.deb; do
  tree=$(mktemp -d)
  chmod 755 "$tree"
  dpkg-deb -R "$deb" "$tree"
  dpkg-deb --root-owner-group -Zxz -z9 -Sextreme -b "$tree" "$deb.new" >/dev/null
  mv "$deb.new" "$deb"
  rm -rf "$tree"
  dpkg-deb --info "$deb" >/dev/null
done
