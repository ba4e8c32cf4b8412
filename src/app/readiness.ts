/** One condition `/ready` requires; `check` resolves to a reason when it is not met. */
export interface ReadinessProbe {
  readonly name: string;
  check(): Promise<string | undefined>;
}

/** Runs every probe concurrently; a probe that throws counts as failing with its message. */
export async function checkReadiness(
  probes: readonly ReadinessProbe[],
): Promise<{ ready: boolean; checks: Record<string, string> }> {
  const results = await Promise.all(probes.map(async (probe) => {
    try {
      return [probe.name, await probe.check()] as const;
    } catch (error) {
      return [probe.name, error instanceof Error ? error.message : String(error)] as const;
    }
  }));
  const checks = Object.fromEntries(results.map(([name, reason]) => [name, reason ?? "ok"]));
  return { ready: results.every(([, reason]) => reason === undefined), checks };
}
