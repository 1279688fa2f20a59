#!/usr/bin/env bash
# Runs inside a private mount namespace (see `disk_faults` in cli.rs): a small tmpfs is mounted,
# a vault is made on it, the disk is filled to the brim, then the folder is made read-only, and
# every writing command is tried. Results go to OUT (outside the tmpfs): "name code" lines in
# OUT/codes, each command's stderr in OUT/name.err, folder listings in OUT/*.txt.
set -u
fs=$1 bin=$2 out=$3
mount -t tmpfs -o size=16m tmpfs "$fs" || exit 77
v=$fs/vault
run() {
  local name=$1
  shift
  "$bin" "$@" >/dev/null 2>"$out/$name.err"
  echo "$name $?" >>"$out/codes"
}
run init --data-dir "$v" init
run seed --data-dir "$v" demo --contributions 300
# A backup to restore later, kept outside the small disk.
run seed_backup --data-dir "$v" backup --out "$out/good.backup"
# Fill the disk to the brim.
dd if=/dev/zero of="$fs/filler" bs=4k >/dev/null 2>&1
dd if=/dev/zero of="$fs/filler2" bs=512 >/dev/null 2>&1
run full_demo --data-dir "$v" demo --contributions 3000
run full_import --data-dir "$v" import "$out/sheet.csv"
run full_backup --data-dir "$v" backup --out "$fs/b.backup"
run full_export --data-dir "$v" export --report involvement --format pdf --out "$fs/x.pdf"
run full_restore --data-dir "$fs/restored" restore "$out/good.backup"
ls -A "$fs" >"$out/full_fs.txt"
ls -A "$v" >"$out/full_vault.txt"
rm -f "$fs/filler" "$fs/filler2"
run full_check --data-dir "$v" check
# The folder turns read-only.
mount -o remount,ro "$fs" || exit 78
run ro_demo --data-dir "$v" demo --contributions 50
run ro_backup --data-dir "$v" backup --out "$fs/c.backup"
run ro_export --data-dir "$v" export --report involvement --format md --out "$fs/y.md"
run ro_restore --data-dir "$fs/restored2" restore "$out/good.backup"
mount -o remount,rw "$fs" || exit 79
ls -A "$fs" >"$out/ro_fs.txt"
run ro_check --data-dir "$v" check
exit 0
