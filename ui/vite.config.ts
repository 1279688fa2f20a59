import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// Tauri serves the built files; `--mode mock` builds the same UI with an in-memory IPC mock
// for the accessibility checks in Chromium.
export default defineConfig({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
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
