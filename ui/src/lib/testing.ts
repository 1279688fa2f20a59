// What the window's tests share: the whole app started afresh on a mock vault.
import { render } from "@testing-library/svelte";
import App from "../App.svelte";
import { installMockBackend, type MockVault } from "../mock/backend";
import { lookups } from "./data/lookups.svelte";
import { edits } from "./data/edits.svelte";
import { session, type Screen } from "./session.svelte";

/** Starts the app on `vault` at `where`, with nothing left from an earlier test. */
export function startApp(vault: MockVault, where: Screen = "dashboard"): MockVault {
  installMockBackend(vault);
  session.phase = "loading";
  session.notice = null;
  lookups.choices = null;
  lookups.preferences = null;
  edits.undo = null;
  session.screen = where;
  render(App);
  return vault;
}
