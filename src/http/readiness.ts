import type { DatabaseHandle } from "../db/mod.ts";
import { describeError } from "../shared/describe_error.ts";
import type { ModelRegistry } from "../serving/registry/model_registry.ts";
import { withTimeout } from "../shared/with_timeout.ts";

/** One condition `/ready` requires; `check` resolves to a reason when it is not met. */
export interface ReadinessProbe {
  readonly name: string;
  check(): Promise<ProbeResult>;
}

/** A probe's answer: whether the condition holds, and what to show for it. */
export interface ProbeResult {
  ok: boolean;
  detail?: string;
}

/** How long a probe may take: a database that hangs (a partition) must not hang `/ready`. */
export const probeTimeoutMs = 2_000;

/**
 * Runs every probe concurrently; a probe that throws or does not answer within `timeoutMs`
 * counts as failing, with its message and causes.
 */
export async function checkReadiness(
  probes: readonly ReadinessProbe[],
  timeoutMs = probeTimeoutMs,
): Promise<{ ready: boolean; checks: Record<string, string> }> {
  const results = await Promise.all(probes.map(async (probe) => {
    try {
      return [probe.name, await withTimeout(probe.check(), timeoutMs, "the check")] as const;
    } catch (error) {
      return [probe.name, { ok: false, detail: describeError(error) }] as const;
    }
  }));
  const checks = Object.fromEntries(
    results.map(([name, result]) => [name, result.detail ?? (result.ok ? "ok" : "failing")]),
  );
  return { ready: results.every(([, result]) => result.ok), checks };
}

/** What `/ready` requires: the database answers, and each configured model has a champion. */
export function readinessProbes(
  database: DatabaseHandle,
  registry: ModelRegistry,
): ReadinessProbe[] {
  return [
    {
      name: "database",
      check: async () => {
        await database.ping();
        return { ok: true };
      },
    },
    ...registry.configured.map((name) => ({
      name: `model:${name}`,
      // Still serving an older version after a refused load is ready, with the reason shown;
      // so is a champion whose challenger was refused (no online comparison meanwhile).
      check: () => {
        const status = registry.status().find((s) => s.name === name);
        const ok = status?.champion !== undefined;
        const detail = status?.problem ?? (ok ? `ok (${status!.champion!.version})` : "not loaded");
        const challenger = status?.challengerProblem && `challenger: ${status.challengerProblem}`;
        return Promise.resolve({ ok, detail: challenger ? `${detail}; ${challenger}` : detail });
      },
    })),
  ];
}
