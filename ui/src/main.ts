import "./lib/styles/tokens.css";
import "./lib/styles/base.css";
import { mount } from "svelte";
import App from "./App.svelte";
import { applyTheme } from "./lib/theme";
import { markStartup } from "./lib/startupTimes";

markStartup("script_ms");

async function start() {
  if (import.meta.env.MODE === "mock") {
    const { installMockBackend } = await import("./mock/backend");
    installMockBackend();
  }
  if (!document.documentElement.dataset.theme) applyTheme();
  const target = document.getElementById("app");
  if (target) mount(App, { target });
}

void start();
