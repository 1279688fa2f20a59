// What pickers and labels need on every screen, loaded once after unlock and kept current: the
// core's fixed choices, the projects and people to pick from, and the person's preferences.
// Everything here is dropped on lock (`lookups.clear`).
import { commands, type Choices, type Contribution, type Language, type Person, type PersonRole, type Preferences, type Stored } from "../bindings";
import { setLanguage, words } from "../words.svelte";
import { call, messageOf } from "../api";
import { changes } from "./changes.svelte";
import { expensesPence } from "./format";

/** A new person with only a name and a role; every other field empty. */
export function newPerson(name: string, role: PersonRole): Person {
  return {
    name,
    preferred_name: "",
    pronouns: "",
    roles: [role],
    organisation: "",
    contact: "",
    access_needs: [],
    access_other: "",
    payment_preference: null,
    keep_until: null,
    notes: "",
  };
}

/** A record to pick in a select box. */
export type Option = { value: number; label: string };

class Lookups {
  /** The core's fixed choices (labels, templates, fee arrangements…); they never change. */
  choices = $state<Choices | null>(null);
  /** Projects by title. */
  projects = $state<Option[]>([]);
  /** The projects the person runs (lead tools show only on these). */
  running = $state<ReadonlySet<number>>(new Set());
  /** People by name, whole (forms need their roles). */
  persons = $state<Stored<Person>[]>([]);
  /** The person's preferences. */
  preferences = $state<Preferences | null>(null);
  /** Why a list could not be brought up to date after a change, for the frame to show. */
  problem = $state<string | null>(null);

  /** People by name, to pick from. */
  get people(): Option[] {
    return this.persons.map((p) => ({ value: p.id, label: p.data.name }));
  }

  constructor() {
    changes.listen((kinds) => {
      // A failed reload keeps the previous list and says so.
      if (this.preferences === null) return;
      const failed = (e: unknown) => (this.problem = messageOf(e));
      return Promise.all([kinds.has("project") ? this.loadProjects().catch(failed) : null, kinds.has("person") ? this.loadPeople().catch(failed) : null]);
    });
  }

  /** The language the choices' labels are in. */
  private choicesIn: Language | null = null;

  /** Loads everything (after unlock): the choices in the window's language side by side with
   * the rest, then again only if the preferences chose another language. */
  async load() {
    await Promise.all([this.loadChoices(), this.loadProjects(), this.loadPeople(), this.loadPreferences()]);
    await this.followLanguage();
  }

  /** The choices' labels in the window's language (read again only when it changes). */
  async loadChoices() {
    const lang = words.lang;
    if (this.choices && this.choicesIn === lang) return;
    const choices = await call(commands.choices(lang));
    this.choices = choices;
    this.choicesIn = lang;
  }

  /** Puts the window in the preferences' language. */
  private async followLanguage() {
    const lang = this.preferences?.language;
    if (lang && lang !== words.lang) setLanguage(lang);
    await this.loadChoices();
  }

  async loadProjects() {
    const page = await call(commands.projectList({ sort: "title", limit: 500 }));
    this.projects = page.items.map((p) => ({ value: p.id, label: p.data.title }));
    this.running = new Set(page.items.filter((p) => p.data.involvement === "run").map((p) => p.id));
  }

  async loadPeople() {
    const page = await call(commands.personList({ sort: "title", limit: 500 }));
    this.persons = page.items;
  }

  async loadPreferences() {
    this.preferences = await call(commands.preferencesGet());
  }

  /** Saves preferences and keeps the saved copy. */
  async savePreferences(next: Preferences): Promise<Preferences> {
    const saved = await call(commands.preferencesSet(next));
    this.preferences = saved;
    await this.followLanguage();
    await changes.saved("preferences");
    return saved;
  }

  /** What a claim for this contribution asks for: the fee when the core says its arrangement is
   * paid, plus expenses. For display; the core's stored `claim_pence` is what totals use. */
  claimPence(c: Contribution): number {
    const payable = this.choices?.fee_arrangements.find((f) => f.value === c.fee_arrangement)?.payable ?? false;
    return (payable ? c.fee_pence : 0) + expensesPence(c);
  }

  /** Whether the person runs this project. */
  runs(projectId: number | null | undefined): boolean {
    return projectId != null && this.running.has(projectId);
  }

  /** Forgets everything read from the vault (on lock). The choices hold no personal data. */
  clear() {
    this.projects = [];
    this.running = new Set();
    this.persons = [];
    this.preferences = null;
    this.problem = null;
  }
}

/** The one lookups store. */
export const lookups = new Lookups();
