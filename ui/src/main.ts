import "./lib/styles/tokens.css";
import "./lib/styles/base.css";
import { mount } from "svelte";
import App from "./App.svelte";

async function start() {
  if (import.meta.env.MODE === "mock") {
    const { installMockBackend } = await import("./mock/backend");
    installMockBackend();
  }
  const target = document.getElementById("app");
  if (target) mount(App, { target });
}

void start();
