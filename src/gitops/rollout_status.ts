/**
 * "Really rolled out": what running servers report on `/v1/models` (per model, the champion's
 * version and model hash, and the challenger's version) against the pointer committed for an
 * environment. A sync that Argo CD calls healthy while pods still serve the old version (a
 * refused load, a ConfigMap not yet updated in the volume) shows here as a difference.
 */
import type { ModelPointer } from "./pointer.ts";
import type { VersionStore } from "./version_store.ts";

/** What one server says it serves, by model. */
export interface ServedModels {
  url: string;
  models: Map<string, { version: string; model_hash?: string; challenger?: string }>;
  /** `/ready`'s per-model checks (`model:<name>`), which name a refused load. */
  checks: Record<string, string>;
}

/** Reads `/v1/models` and `/ready` of the server at `url`. */
export async function readServed(
  url: string,
  options: { apiKey?: string; fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<ServedModels> {
  const get = options.fetch ?? fetch;
  const base = url.replace(/\/+$/, "");
  const headers: HeadersInit = options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {};
  const signal = () => AbortSignal.timeout(options.timeoutMs ?? 10_000);
  const response = await get(`${base}/v1/models`, { headers, signal: signal() });
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`${base}/v1/models answered ${response.status}`);
  }
  const body = await response.json() as {
    models: { name: string; version: string; model_hash?: string; challenger?: string }[];
  };
  const ready = await get(`${base}/ready`, { signal: signal() })
    .then((r) => r.json() as Promise<{ checks?: Record<string, string> }>)
    .catch(() => ({ checks: {} }));
  return {
    url: base,
    models: new Map(body.models.map((m) => [m.name, m])),
    checks: ready.checks ?? {},
  };
}

/** The comparison: one line per difference (none when the servers agree with the pointer). */
export async function compareWithPointer(
  store: VersionStore,
  pointer: ModelPointer,
  env: string,
  servers: readonly ServedModels[],
): Promise<string[]> {
  const differences: string[] = [];
  const md5 = pointer.models_dvc_md5;
  for (const server of servers) {
    const at = `${server.url}`;
    for (const [name, pinned] of Object.entries(pointer.models)) {
      const served = server.models.get(name);
      const why = server.checks[`model:${name}`];
      const reason = why && !why.startsWith("ok") ? ` (${why})` : "";
      if (!served) {
        differences.push(`${at}: ${name} is not served; ${env} pins ${pinned.version}${reason}`);
        continue;
      }
      if (served.version !== pinned.version) {
        differences.push(
          `${at}: ${name} serves ${served.version}; ${env} pins ${pinned.version}${reason}`,
        );
      } else if (md5) {
        const expected = await store.modelHash(md5, name, pinned.version);
        if (served.model_hash !== expected) {
          differences.push(
            `${at}: ${name} ${served.version} has model hash ${served.model_hash}; ` +
              `${env}'s pin has ${expected}`,
          );
        }
      }
      if ((served.challenger ?? undefined) !== pinned.challenger) {
        differences.push(
          `${at}: ${name}'s challenger is ${served.challenger ?? "none"}; ` +
            `${env} pins ${pinned.challenger ?? "none"}${reason}`,
        );
      }
    }
    for (const [name, served] of server.models) {
      if (!pointer.models[name]) {
        differences.push(`${at}: ${name} serves ${served.version}, which ${env} does not pin`);
      }
    }
  }
  return differences;
}
