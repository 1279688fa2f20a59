#!/bin/sh
# Finishes the Linux packages from the .deb Tauri's bundler writes: adds what a desktop package
# should carry (docs/packaging.md), rebuilds the .deb with xz compression and xz's x86 filter
# (Tauri's bundler writes gzip; the filter takes about 4% more off a program), and makes an .rpm
# from the very same files. Both are checked by listing them back.
# Usage: scripts/finish-linux-packages.sh TAURI_DEB_DIR RPM_DIR
set -eu
deb_dir=$1
rpm_dir=$2
root=$(cd "$(dirname "$0")/.." && pwd)
linux="$root/packaging/linux"
licences="$root/target/licences"
id=org.alongside.Alongside

for deb in "$deb_dir"/*.deb; do
  work=$(mktemp -d)
  tree="$work/tree"
  mkdir "$tree" "$work/parts"
  chmod 755 "$tree"
  dpkg-deb -R "$deb" "$tree"

  # The desktop entry, icons, AppStream metainfo and file types, all named after the app id.
  rm -f "$tree"/usr/share/applications/*.desktop
  install -Dm644 "$linux/$id.desktop" "$tree/usr/share/applications/$id.desktop"
  install -Dm644 "$linux/$id.metainfo.xml" "$tree/usr/share/metainfo/$id.metainfo.xml"
  rm -f "$tree"/usr/share/mime/packages/*.xml
  install -Dm644 "$linux/$id.mime.xml" "$tree/usr/share/mime/packages/$id.xml"
  for icon in "$tree"/usr/share/icons/hicolor/*/apps/alongside-app.png; do
    mv "$icon" "$(dirname "$icon")/$id.png"
  done

  # The command line: the app's own program run under the name `alongside`, its manual page and
  # its completions, all made by that program.
  ln -s alongside-app "$tree/usr/bin/alongside"
  cli="$work/bin/alongside"
  mkdir -p "$work/bin"
  ln -s "$tree/usr/bin/alongside-app" "$cli"
  mkdir -p "$tree/usr/share/man/man1" "$tree/usr/share/bash-completion/completions" \
    "$tree/usr/share/zsh/vendor-completions" "$tree/usr/share/fish/vendor_completions.d"
  "$cli" man | gzip -9n >"$tree/usr/share/man/man1/alongside.1.gz"
  "$cli" completions bash >"$tree/usr/share/bash-completion/completions/alongside"
  "$cli" completions zsh >"$tree/usr/share/zsh/vendor-completions/_alongside"
  "$cli" completions fish >"$tree/usr/share/fish/vendor_completions.d/alongside.fish"

  # Copyright, the project's licences and every third-party licence (scripts/third-party-licences.mjs
  # and `cargo about`, run before this by `make package`).
  doc="$tree/usr/share/doc/alongside"
  install -Dm644 "$linux/copyright" "$doc/copyright"
  install -m644 "$root/LICENSE-MIT" "$root/LICENSE-APACHE" "$licences/third-party-licences.html" \
    "$licences/third-party-web-and-fonts.txt" "$doc/"
  find "$tree" -path "$tree/DEBIAN" -prune -o -type d -exec chmod 755 {} +

  size=$(du -sk --exclude=DEBIAN "$tree" | cut -f1)
  sed -i "s/^Installed-Size: .*/Installed-Size: $size/" "$tree/DEBIAN/control"

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
  diff -r --no-dereference --exclude=DEBIAN "$tree" "$work/check"
  mv "$work/new.deb" "$deb"

  # The .rpm: the same files, its dependencies found from the program's own libraries.
  version=$(sed -n 's/^Version: //p' "$tree/DEBIAN/control")
  rm -rf "$tree/DEBIAN"
  mkdir -p "$rpm_dir"
  files=$(cd "$tree" && find . ! -type d | sed 's/^\.//' | sort)
  sed -e "s/@VERSION@/$version/" "$linux/alongside.spec.in" >"$work/alongside.spec"
  printf '%s\n' "$files" >>"$work/alongside.spec"
  rpmbuild -bb --quiet --nodeps --target x86_64 \
    --define "_topdir $work/rpm" --define "_rpmdir $rpm_dir" --define "tree $tree" \
    "$work/alongside.spec"
  rm -rf "$work"
done

# What both packages must carry, read back from each package's own listing.
lists=$(mktemp -d)
for deb in "$deb_dir"/*.deb; do
  dpkg-deb -c "$deb" | awk '{ print substr($6, 2) }' >>"$lists/deb"
done
for rpm in "$rpm_dir"/*/*.rpm; do
  rpm -qlp "$rpm" 2>/dev/null >>"$lists/rpm"
done
for want in /usr/bin/alongside /usr/bin/alongside-app /usr/share/man/man1/alongside.1.gz \
  /usr/share/bash-completion/completions/alongside /usr/share/zsh/vendor-completions/_alongside \
  /usr/share/fish/vendor_completions.d/alongside.fish "/usr/share/applications/$id.desktop" \
  "/usr/share/metainfo/$id.metainfo.xml" "/usr/share/mime/packages/$id.xml" \
  /usr/share/doc/alongside/copyright /usr/share/doc/alongside/third-party-licences.html \
  /usr/share/doc/alongside/third-party-web-and-fonts.txt; do
  for kind in deb rpm; do
    grep -qx "$want" "$lists/$kind" || { echo "the .$kind lacks $want" >&2; exit 1; }
  done
done
rm -rf "$lists"
echo "Packages checked: CLI, manual, completions, desktop entry, metainfo, file types, licences."
