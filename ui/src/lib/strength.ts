// Passphrase strength feedback with zxcvbn-ts, loaded on first use so start-up stays fast.
export const MIN_CHARS = 10;

export type Strength = { score: 0 | 1 | 2 | 3 | 4; label: string; advice: string };

const LABELS = ["Very weak", "Weak", "Fair", "Strong", "Very strong"] as const;

type Scorer = (p: string) => { score: 0 | 1 | 2 | 3 | 4; feedback: { warning: string | null; suggestions: string[] } };
let scorer: Promise<Scorer> | null = null;

async function loadScorer(): Promise<Scorer> {
  const [{ ZxcvbnFactory }, common, en] = await Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]);
  const factory = new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return (p: string) => factory.check(p) as ReturnType<Scorer>;
}

/** Scores a passphrase; anything shorter than the minimum is "Very weak" whatever else. */
export async function strengthOf(passphrase: string): Promise<Strength> {
  if (passphrase.trim().length < MIN_CHARS) {
    return {
      score: 0,
      label: LABELS[0],
      advice: `Use at least ${MIN_CHARS} characters. A few unrelated words work well.`,
    };
  }
  scorer ??= loadScorer();
  const result = (await scorer)(passphrase);
  const advice =
    result.feedback.warning ||
    result.feedback.suggestions[0] ||
    (result.score >= 3 ? "Good choice." : "Add another word or two.");
  return { score: result.score, label: LABELS[result.score], advice };
}
