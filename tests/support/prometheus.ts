/**
 * A real Prometheus (Debian's `prometheus`) on loopback that scrapes test servers every second,
 * each target with the labels a Kubernetes scrape job puts on a pod's series (its namespace, its
 * pod labels), and answers instant queries through its HTTP API, as Argo Rollouts' Prometheus
 * provider asks them.
 */
import { join } from "node:path";
import { stringify } from "yaml";
import { freePort } from "./server_process.ts";

/** A server to scrape (`host:port`, /metrics) and the labels its series get. */
export interface ScrapeTarget {
  address: string;
  labels: Record<string, string>;
}

/** A running Prometheus; `close()` stops it and removes its data. */
export interface TestPrometheus {
  url: string;
  /** The instant query's vector, as numbers (an empty vector is no sample). */
  query(promql: string): Promise<number[]>;
  /** Polls `promql` until `done` holds for its result; fails with the last one after 30 s. */
  waitFor(promql: string, done: (result: number[]) => boolean): Promise<number[]>;
  close(): Promise<void>;
}

export async function startPrometheus(targets: readonly ScrapeTarget[]): Promise<TestPrometheus> {
  const dir = await Deno.makeTempDir({ prefix: "prometheus-" });
  const config = {
    global: { scrape_interval: "1s", scrape_timeout: "900ms", evaluation_interval: "1s" },
    scrape_configs: [{
      job_name: "pods",
      static_configs: targets.map(({ address, labels }) => ({ targets: [address], labels })),
    }],
  };
  await Deno.writeTextFile(join(dir, "prometheus.yml"), stringify(config));
  const url = `http://127.0.0.1:${freePort()}`;
  const child = new Deno.Command("prometheus", {
    args: [
      `--config.file=${join(dir, "prometheus.yml")}`,
      `--storage.tsdb.path=${join(dir, "data")}`,
      `--web.listen-address=${new URL(url).host}`,
      "--log.level=warn",
    ],
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).spawn();
  const log = new Response(child.stderr).text();
  const close = async () => {
    try {
      child.kill("SIGTERM");
    } catch {
      // Exited already.
    }
    await child.status;
    await log;
    await Deno.remove(dir, { recursive: true });
  };

  const query = async (promql: string): Promise<number[]> => {
    const response = await fetch(`${url}/api/v1/query?${new URLSearchParams({ query: promql })}`);
    const body = await response.json();
    if (body.status !== "success") throw new Error(`${promql}: ${body.error}`);
    if (body.data.resultType !== "vector") throw new Error(`${promql}: a ${body.data.resultType}`);
    return body.data.result.map((sample: { value: [number, string] }) => Number(sample.value[1]));
  };
  const waitFor = async (promql: string, done: (result: number[]) => boolean) => {
    const deadline = Date.now() + 30_000;
    let result: number[] = [];
    while (Date.now() < deadline) {
      result = await query(promql);
      if (done(result)) return result;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`${promql}: still ${JSON.stringify(result)} after 30 s`);
  };

  const started = Date.now();
  const ready = () =>
    fetch(`${url}/-/ready`).then(async (r) => (await r.body?.cancel(), r.ok), () => false);
  while (!(await ready())) {
    const exited = await Promise.race([
      child.status.then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 200)),
    ]);
    if (exited || Date.now() - started > 30_000) {
      await close().catch(() => {});
      throw new Error(`prometheus did not start:\n${await log}`);
    }
  }
  return { url, query, waitFor, close };
}
