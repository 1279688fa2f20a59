import { describe, expect, it } from "vitest";
import answers from "./core-answers.json";
import { handle, newMockVault } from "./backend";

// The mocked core repeats a few of the core's rules (mileage rounding, the length part of the
// passphrase rule). The Rust bindings test writes the real core's answers to core-answers.json;
// the mock must give the same ones, so it cannot drift from the core it stands in for.
describe("the mocked core", () => {
  it.each(answers.map((a) => [a.cmd, JSON.stringify(a.args), a] as const))("answers %s %s as the core does", (_cmd, _args, a) => {
    expect(handle(newMockVault("open"), a.cmd, a.args)).toEqual(a.answer);
  });
});
