// Progress of a backup or restore, from the core's typed event, as a plain sentence.
import { commands, events, type BackupStage } from "../bindings";

const WORDS: Record<BackupStage, string> = {
  snapshot: "Taking a snapshot of your records…",
  sealing: "Locking the backup with your backup passphrase…",
  opening: "Unlocking the backup…",
  checking: "Checking every record came back whole…",
  finishing: "Putting your records in place…",
};

export class BackupProgressWatch {
  text = $state("");
  percent = $state<number | null>(null);
  private stop: (() => void) | null = null;

  /** Starts listening; `first` is said until the core reports. */
  async begin(first: string) {
    this.text = first;
    this.percent = null;
    this.stop = await events.backupProgressed
      .listen((e) => {
        this.text = WORDS[e.payload.stage] ?? this.text;
        this.percent = e.payload.stage === "sealing" || e.payload.stage === "opening" ? e.payload.percent : null;
      })
      // Without the event the first sentence stays; the backup itself still reports its end.
      .catch(() => null);
  }

  end() {
    this.stop?.();
    this.stop = null;
    this.text = "";
    this.percent = null;
  }

  cancel() {
    void commands.backupCancel();
  }
}
