import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { mkdirSync, writeFileSync } from "node:fs";
import type { Plugin } from "vite";

// Records which npm packages end up in the built app, so the packages can carry their licences
// (scripts/third-party-licences.mjs reads the list).
function shippedPackages(): Plugin {
  return {
    name: "alongside-shipped-packages",
    apply: "build",
    generateBundle(_options, bundle) {
      const roots = new Set<string>();
      for (const output of Object.values(bundle)) {
        if (output.type !== "chunk") continue;
        for (const id of output.moduleIds) {
          const match = /^(.*\/node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(id);
          if (match) roots.add(match[1]);
        }
      }
      mkdirSync("../target/licences", { recursive: true });
      writeFileSync("../target/licences/web-packages.json", JSON.stringify([...roots].sort(), null, 1));
    },
  };
}

// Tauri serves the built files; `--mode mock` builds the same UI with an in-memory IPC mock
// for the accessibility checks in Chromium.
export default defineConfig({
  plugins: [svelte(), shippedPackages()],
  clearScreen: false,
  // The message catalogues live beside the core, in ../locales.
  server: { port: 5173, strictPort: true, fs: { allow: [".."] } },
  build: { target: "es2022", sourcemap: false },
  resolve: process.env.VITEST ? { conditions: ["browser"] } : undefined,
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
    // Whole-app flows; generous so a busy machine does not fail them.
    testTimeout: 20_000,
    setupFiles: ["src/test-setup.ts"],
    // Dates are read and shown in UK time, clocks changing included.
    env: { TZ: "Europe/London" },
  },
});
