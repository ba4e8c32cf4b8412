/** Fixtures of the prediction log writer's unit tests: entries, a fake store, small waits. */
import type { PredictionLogEntry } from "../../src/db/repositories/predictions.ts";
import { captureLogger } from "./logger.ts";
import {
  createPredictionLogWriter,
  type PredictionLogWriterOptions,
  rejectedFileName,
} from "../../src/serving/prediction_log/mod.ts";

export function entry(index: number, createdAt?: Date): PredictionLogEntry {
  return {
    request: {
      id: crypto.randomUUID(),
      requestId: `req-${index}`,
      modelName: "churn",
      modelVersion: "v1",
      input: { tenure: index, createdAt: "kept as a string" },
      latencyMs: 1.5,
      ...(createdAt ? { createdAt } : {}),
    },
    outputs: [{
      role: "champion",
      modelVersion: "v1",
      head: "churn",
      label: "1",
      confidence: 0.8,
      scores: { "0": 0.2, "1": 0.8 },
    }],
  };
}

/** The writer's injected `write`: an in-memory table that can be made to fail or hang. */
export class FakeStore {
  readonly rows = new Map<string, PredictionLogEntry>();
  readonly order: string[] = [];
  readonly batches: number[] = [];
  calls = 0;
  inFlight = 0;
  maxInFlight = 0;
  /** When set, every write fails like a lost connection. */
  down = false;
  /** Fail this many more writes, then work. */
  failNext = 0;
  /** Ids the database refuses (a foreign key violation). */
  readonly refused = new Set<string>();
  delayMs = 0;
  hangNext = 0;

  write = async (entries: PredictionLogEntry[]): Promise<void> => {
    this.calls++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.hangNext > 0) {
        this.hangNext--;
        await new Promise(() => {});
      }
      if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      if (this.down || this.failNext > 0) {
        this.failNext = Math.max(0, this.failNext - 1);
        throw new Error("Failed query: insert", {
          cause: new Error("Connection terminated unexpectedly"),
        });
      }
      const bad = entries.find((e) => this.refused.has(e.request.id));
      if (bad) {
        throw new Error("Failed query: insert", {
          cause: Object.assign(new Error("violates foreign key constraint"), { code: "23503" }),
        });
      }
      this.batches.push(entries.length);
      for (const e of entries) {
        if (this.rows.has(e.request.id)) continue;
        this.rows.set(e.request.id, e);
        this.order.push(e.request.id);
      }
    } finally {
      this.inFlight--;
    }
  };
}

export function writerFor(store: FakeStore, options: Partial<PredictionLogWriterOptions> = {}) {
  const logger = captureLogger();
  const writer = createPredictionLogWriter({
    write: store.write,
    retry: { initialMs: 1, maxMs: 10 },
    flushIntervalMs: 5,
    flushTimeoutMs: 5_000,
    logger,
    ...options,
  });
  return { writer, logger };
}

export async function spillFiles(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const item of Deno.readDir(dir)) names.push(item.name);
  return names.filter((name) => name !== rejectedFileName).sort();
}

export async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 3_000) {
  const deadline = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
