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

/** Runs every probe concurrently; a probe that throws counts as failing with its message. */
export async function checkReadiness(
  probes: readonly ReadinessProbe[],
): Promise<{ ready: boolean; checks: Record<string, string> }> {
  const results = await Promise.all(probes.map(async (probe) => {
    try {
      return [probe.name, await probe.check()] as const;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return [probe.name, { ok: false, detail }] as const;
    }
  }));
  const checks = Object.fromEntries(
    results.map(([name, result]) => [name, result.detail ?? (result.ok ? "ok" : "failing")]),
  );
  return { ready: results.every(([, result]) => result.ok), checks };
}
