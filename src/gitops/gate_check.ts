/**
 * The gate a pin must pass before a tool commits it: every head beats the majority baseline by
 * the margin and, on a promotion, is not worse than what the environment pins now (the
 * pipeline's own gate, `src/ml/training/gate.ts`, judged again against the target).
 */
import { judge } from "../ml/training/gate.ts";
import { Refusal } from "./environments.ts";
import type { VersionStore } from "./version_store.ts";

/** A version to judge and, optionally, the one it would replace. */
export interface GateCase {
  name: string;
  version: string;
  md5: string;
  replaces?: { version: string; md5: string };
  /** For messages: `production`. */
  env: string;
}

/** Refuses a version that fails the gate, naming the failing head and why. */
export async function assertPassesGate(store: VersionStore, gate: GateCase): Promise<void> {
  const metrics = await store.metrics(gate.md5, gate.name, gate.version);
  const pinned = gate.replaces
    ? {
      version: gate.replaces.version,
      evaluations: (await store.metrics(gate.replaces.md5, gate.name, gate.replaces.version)).heads,
    }
    : undefined;
  const verdict = judge(metrics.heads, pinned);
  const failed = verdict.checks.find((check) => !check.passed);
  if (failed) {
    throw new Refusal(
      `${gate.name} ${gate.version} fails the gate for ${gate.env} (${failed.head}: ${failed.reason})`,
    );
  }
}
