# Alongside — one Makefile for a newcomer and for CI. `make run` and `make test` each set up
# what they need first (Debian packages, npm packages, tauri-driver), fast when already done.
SHELL := /bin/bash
.DEFAULT_GOAL := help

export TAURI_APP_PATH := src-tauri
export TAURI_FRONTEND_PATH := ui
export CARGO_TERM_COLOR ?= never

# python3-gi and gir1.2-webkit2-4.1 run make bench's bare WebKitGTK page (scripts/webkit-floor.py);
# hunspell-en-gb is the British English dictionary the app's spell checking uses; pandoc reads
# the Word reports back in the tests, as a reader other than Word would; speech-dispatcher with
# espeak-ng's voices (Welsh among them) is the speech service Read aloud uses.
APT_PACKAGES := build-essential pkg-config file libssl-dev libgtk-3-dev libwebkit2gtk-4.1-dev \
  librsvg2-dev libayatana-appindicator3-dev libxdo-dev xvfb xauth webkit2gtk-driver dbus-x11 \
  gnome-keyring libsecret-tools libdbus-1-dev poppler-utils chromium fonts-liberation imagemagick \
  python3-gi gir1.2-webkit2-4.1 hunspell-en-gb pandoc appstream desktop-file-utils rpm \
  speech-dispatcher speech-dispatcher-espeak-ng espeak-ng
TAURI_DRIVER_VERSION := 2.1.0
CARGO_ABOUT_VERSION := 0.9.3
TAURI := ui/node_modules/.bin/tauri
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
XVFB := xvfb-run -a -s "-screen 0 1280x900x24"
KEYRING := scripts/with-keyring.sh

.PHONY: help setup setup-system setup-npm setup-driver setup-about setup-windows windows \
  windows-test licences run dev app test test-rust test-ui \
  test-e2e lint bindings bench soak package clean

help:
	@echo "make run      set up, build and open Alongside"
	@echo "make test     set up and run every test (lint, Rust, UI + axe, real-app end to end)"
	@echo "make lint     rustfmt, clippy, svelte-check, eslint, prettier, binding drift"
	@echo "make bench    benchmarks against their targets (docs/performance.md)"
	@echo "make soak     crash and hostile-input tests at full strength"
	@echo "make package  build the .deb and .rpm"
	@echo "make windows  cross-build Windows: the programs and a per-user installer"
	@echo "make windows-test  the Windows build tested under Wine (also part of make soak)"

setup: setup-system setup-npm setup-driver setup-about

setup-system:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

setup-npm: ui/node_modules/.package-lock.json

ui/node_modules/.package-lock.json: ui/package-lock.json
	@# npm ci refuses a lock made on Linux that lacks other platforms' optional Tauri CLI
	@# packages; npm install then installs the same pinned versions.
	cd ui && (npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1 || npm install --no-audit --no-fund)
	@touch $@

setup-driver:
	@command -v tauri-driver >/dev/null 2>&1 || cargo install tauri-driver --locked --version $(TAURI_DRIVER_VERSION)

# Windows is cross-built with Debian's mingw-w64 and tested under Debian's Wine (docs/windows.md).
WINDOWS_APT := gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 wine wine64 nsis
setup-windows: setup-system setup-about
	@$(MAKE) --no-print-directory setup-system APT_PACKAGES="$(WINDOWS_APT)"
	@rustup target list --installed | grep -qx x86_64-pc-windows-gnu || rustup target add x86_64-pc-windows-gnu

windows: setup-windows setup-npm
	scripts/windows.sh release

windows-test: setup-windows setup-npm
	scripts/windows.sh debug test

setup-about:
	@command -v cargo-about >/dev/null 2>&1 || cargo install cargo-about --locked --features cli --version $(CARGO_ABOUT_VERSION)

# Third-party licences into target/licences (docs/licences.md); fails on a licence about.toml does
# not accept. The Rust list is made again only when the lock file or the rules change (it takes
# minutes); the web list needs the UI built (the build records which packages it carries).
target/licences/third-party-licences.html: Cargo.lock about.toml packaging/third-party-licences.hbs
	@$(MAKE) --no-print-directory setup-about
	@mkdir -p target/licences
	cargo fetch --locked -q
	cargo about generate --workspace --frozen --fail -o $@.part packaging/third-party-licences.hbs
	mv $@.part $@

licences: setup-npm target/licences/third-party-licences.html
	@test -f target/licences/web-packages.json || (cd ui && npm run build)
	node scripts/third-party-licences.mjs

# The Tauri CLI reads its config beside the app's Cargo.toml: a copy of the one at the top
# (src-tauri/build.rs makes the same copy for plain cargo builds; docs/architecture.md).
src-tauri/tauri.conf.json: tauri.conf.json
	cp $< $@

# The debug app with the built UI embedded (what `run` opens and the end-to-end tests drive).
app: setup-system setup-npm src-tauri/tauri.conf.json
	$(TAURI) build --debug --no-bundle

run: app
	./target/debug/alongside-app

# Hot-reloading development build (Vite dev server + cargo).
dev: setup-system setup-npm src-tauri/tauri.conf.json
	$(TAURI) dev

test: setup lint test-rust test-ui test-e2e
	@echo "All tests passed."

test-rust: setup-system
	$(KEYRING) cargo test --workspace

test-ui: setup-system setup-npm
	cd ui && npx vitest run
	cd ui && npm run build:mock && node tests/a11y/run.mjs

test-e2e: app setup-driver
	cargo build -p alongside-cli
	$(XVFB) $(KEYRING) node tests/e2e/app.e2e.mjs

lint: setup-system setup-npm
	cargo fmt --all --check
	appstreamcli validate --no-net packaging/linux/org.alongside.Alongside.metainfo.xml
	desktop-file-validate packaging/linux/org.alongside.Alongside.desktop
	scripts/check-without-symlinks.sh
	rm -f target/licences/web-packages.json
	$(MAKE) --no-print-directory licences
	cargo clippy --workspace --all-targets -- -D warnings
	@# The lock watcher's Windows and macOS code, checked as those platforms' code (no linking).
	@for t in x86_64-pc-windows-gnu x86_64-apple-darwin; do \
	  rustup target list --installed | grep -qx $$t || rustup target add $$t; done
	cargo clippy -p alongside-os-lock --all-targets --target x86_64-pc-windows-gnu -- -D warnings
	cargo clippy -p alongside-os-lock --all-targets --target x86_64-apple-darwin -- -D warnings
	cd ui && npm run check && npm run lint
	cargo test -p alongside-app --test all bindings::

bindings:
	UPDATE_BINDINGS=1 cargo test -p alongside-app --test all bindings::

# Every benchmark against its target (docs/performance.md), then the whole report as one table;
# fails when a figure misses its target. Release builds throughout.
bench: setup-system setup-npm
	@rm -f target/bench/report.json
	@status=0; \
	cargo bench -p alongside-core --bench vault || status=1; \
	cargo bench -p alongside-core --bench records || status=1; \
	cargo bench -p alongside-export --bench exports || status=1; \
	{ $(MAKE) --no-print-directory package && cargo build --release -p alongside-cli && \
	  $(XVFB) $(KEYRING) node scripts/bench-app.mjs; } || status=1; \
	node scripts/bench-report.mjs || status=1; \
	exit $$status

# The crash and hostile-input tests at full strength (make test runs them shorter), and the
# Windows build under Wine (about half an hour more from nothing: too long for make test).
soak: setup-system windows-test
	ALONGSIDE_CRASH_ROUNDS=60 $(KEYRING) cargo test -p alongside-cli --test cli crash::
	PROPTEST_CASES=1000 cargo test -p alongside-core --test all hostile::
	PROPTEST_CASES=5000 $(KEYRING) cargo test -p alongside-app --test all hostile_ipc::

# The .deb and .rpm, finished and checked by scripts/finish-linux-packages.sh (docs/packaging.md).
package: setup-system setup-npm setup-about src-tauri/tauri.conf.json
	rm -rf target/release/bundle/deb target/release/bundle/rpm target/licences/web-packages.json
	$(TAURI) build --bundles deb
	$(MAKE) --no-print-directory licences
	scripts/finish-linux-packages.sh target/release/bundle/deb target/release/bundle/rpm
	@ls -l target/release/bundle/deb/*.deb target/release/bundle/rpm/*/*.rpm

clean:
	cargo clean
	rm -rf ui/dist ui/dist-mock
