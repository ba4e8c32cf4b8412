/**
 * Helpers of `deno task bench:train`: the default data set as exported rows, the data
 * directory the scikit-learn reference reads, running that reference, timing and the machine.
 */
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { generateCustomers } from "../src/pipeline/synthetic/customer_generator.ts";
import { generateTickets } from "../src/pipeline/synthetic/ticket_generator.ts";
import type { Split } from "../src/ml/training/split.ts";
import { trainingEntry } from "../src/models/training_catalog.ts";
import type { CustomerRow } from "../src/models/churn/model.ts";
import { churnInputOf } from "../src/models/churn/customer_features.ts";
import type { TicketRow } from "../src/models/ticket_triage/model.ts";
import { ticketFeatureValues } from "../src/models/ticket_triage/ticket_features.ts";
import { defaultGeneration } from "../src/shared/generation_defaults.ts";

/** The repository root (bench/ sits in it). */
export const root = new URL("../", import.meta.url).pathname;

/** Rows exactly as `deno task snapshot` exports them, in id order, from the default data set. */
export function benchRows(
  { tickets, customers, seed } = defaultGeneration,
): { tickets: TicketRow[]; customers: CustomerRow[] } {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const ticketRows = generateTickets({ count: tickets, seed }).map((t) => ({
    id: t.id,
    subject: t.subject,
    body: t.body,
    channel: t.channel,
    language: ticketFeatureValues(t).language,
    topic: t.topic,
    urgency: t.urgency,
    created_at: t.createdAt.toISOString(),
  }));
  const customerRows = generateCustomers({ count: customers, seed }).map((c) => ({
    id: c.id,
    ...churnInputOf({ ...c, createdAt: new Date(0) }),
    churned: c.churned ? 1 as const : 0 as const,
  }));
  return { tickets: ticketRows.sort(byId), customers: customerRows.sort(byId) };
}

/** Writes the model's data file (as `data/` holds it) and `<model>.split.json` into `dir`. */
export async function writeDataset(
  dir: string,
  model: string,
  rows: readonly unknown[],
  split: Split,
): Promise<void> {
  const lines = rows.map((row) => JSON.stringify(row)).join("\n");
  await Deno.writeTextFile(join(dir, trainingEntry(model).dataFile), lines);
  await Deno.writeTextFile(join(dir, `${model}.split.json`), JSON.stringify(split));
}

/** What `bench/sklearn_reference.py` prints. */
export interface SklearnResult {
  python: string;
  sklearn: string;
  "ticket-triage": {
    seconds: number;
    features: number;
    macro_f1: { topic: number; urgency: number };
    /** Present when the data directory holds the hand-written set. */
    holdout?: {
      rows: number;
      macro_f1: { topic: number; urgency: number };
      recall: { critical: number; high: number };
    };
  };
  churn: { seconds: number; roc_auc: number };
}

const python = join(root, ".venv/bin/python");

/**
 * tfjs's wasm backend runs on one thread in Deno, so scikit-learn gets one BLAS/OpenMP thread
 * too: a like-for-like comparison, and threaded OpenBLAS made scipy's L-BFGS ~8x slower on a
 * busy 2-CPU machine.
 */
const singleThread = { OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" };

async function run(args: string[], stdout: "piped" | "inherit" = "piped") {
  const output = await new Deno.Command(python, {
    args,
    stdout,
    stderr: "piped",
    env: singleThread,
  })
    .output();
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return {
    ok: output.success,
    stdout: stdout === "piped" ? text(output.stdout) : "",
    stderr: text(output.stderr),
  };
}

/** Runs the scikit-learn reference on `dataDir`; installs bench/requirements.txt if needed. */
export async function runSklearnReference(dataDir: string): Promise<SklearnResult> {
  try {
    await Deno.stat(python);
  } catch {
    throw new Error(
      `Cannot run the scikit-learn reference: no ${python} (run \`deno task setup\`)`,
    );
  }
  if (!(await run(["-c", "import sklearn"])).ok) {
    console.log("scikit-learn is missing from .venv: installing bench/requirements.txt ...");
    const install = await run(
      ["-m", "pip", "install", "--quiet", "-r", join(root, "bench/requirements.txt")],
      "inherit",
    );
    if (!install.ok) throw new Error(`Cannot install bench/requirements.txt: ${install.stderr}`);
  }
  const result = await run([join(root, "bench/sklearn_reference.py"), dataDir]);
  if (!result.ok) throw new Error(`bench/sklearn_reference.py failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** Median and 99th percentile, in milliseconds, of `calls` timed calls after `warmup` untimed. */
export function timeCalls(
  fn: (call: number) => void,
  { calls = 2_000, warmup = 200 } = {},
): { median: number; p99: number } {
  for (let i = 0; i < warmup; i++) fn(i);
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const start = performance.now();
    fn(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { median: at(0.5), p99: at(0.99) };
}

/** Facts about the machine for the header of RESULTS.md. */
export async function machineInfo(backend: string): Promise<Record<string, string>> {
  const read = (path: string) => Deno.readTextFile(path).catch(() => "");
  const field = (text: string, re: RegExp) => text.match(re)?.[1].trim() ?? "unknown";
  const nproc = await new Deno.Command("nproc", { stdout: "piped" }).output()
    .then((o) => new TextDecoder().decode(o.stdout).trim())
    .catch(() => String(navigator.hardwareConcurrency));
  const os = field(await read("/etc/os-release"), /^PRETTY_NAME="?([^"\n]*)"?$/m);
  return {
    "CPUs (`nproc`)": nproc,
    "CPU model": field(await read("/proc/cpuinfo"), /^model name\s*:(.*)$/m),
    "total memory": `${(Deno.systemMemoryInfo().total / 2 ** 30).toFixed(1)} GiB`,
    OS: `${os} (${Deno.build.os} ${Deno.osRelease()}, ${Deno.build.arch})`,
    Deno: `${Deno.version.deno} (V8 ${Deno.version.v8}, TypeScript ${Deno.version.typescript})`,
    "tfjs backend": `${backend} (@tensorflow/tfjs ${tf.version.tfjs})`,
  };
}
