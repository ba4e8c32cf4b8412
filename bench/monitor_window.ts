/**
 * The Postgres half of `deno task bench:monitor`, run as its own process so its peak resident
 * memory is the monitor's alone. `fill <rows>`: migrates the database named by DATABASE_URL
 * and logs that many seeded churn predictions in one window, in SQL. `reference <file>`: writes
 * the reference statistics of 10,000 seeded customers, as training stores them. `run <file>`:
 * one monitor run over that window (every row read page by page and summarised) against the
 * statistics in that file, read as the monitor reads a version's; prints seconds, requests,
 * status and peak RSS as JSON.
 */
import { sql } from "drizzle-orm";
import { withDatabase } from "../src/cli_database.ts";
import { referenceStatsFileName } from "../src/ml/version_files.ts";
import { churnInputOf } from "../src/models/churn/customer_features.ts";
import { churnMonitoring } from "../src/models/churn/monitoring.ts";
import { generateCustomers } from "../src/pipeline/synthetic/customer_generator.ts";
import { residentMB } from "./serve_processes.ts";
import { runMonitor, statsToJson, summariseReference } from "../src/monitor/mod.ts";

/** The version the filled window is logged under. */
const version = "bench-window";
const windowEnd = new Date("2026-06-02T00:00:00Z");

/** Seeded churn requests and their champion outputs, spread over the day before the end. */
const fillSql = (rows: number) =>
  sql.raw(`
  select setseed(0.42);
  create temporary table bench_rows as
    select gen_random_uuid() as id, i,
      timestamptz '${windowEnd.toISOString()}' - (i * interval '86 seconds') / ${rows / 1000} as at,
      random() as confidence
    from generate_series(1, ${rows}) as i;
  insert into prediction_requests (id, request_id, model_name, model_version, input, latency_ms, created_at)
    select id, 'bench-' || i, 'churn', '${version}', jsonb_build_object(
        'tenure', floor(random() * 72)::int,
        'monthly_charges', round((18 + random() * 100)::numeric, 2),
        'total_charges', round((random() * 8000)::numeric, 2),
        'contract_type', (array['Month-to-month', 'One year', 'Two year'])[1 + floor(random() * 3)::int],
        'payment_method', (array['Electronic check', 'Mailed check', 'Bank transfer', 'Credit card'])[1 + floor(random() * 4)::int],
        'complaints', floor(random() * 5)::int,
        'usage_minutes', round((random() * 900)::numeric, 1),
        'age', 18 + floor(random() * 60)::int,
        'income', round((15000 + random() * 90000)::numeric, 0)),
      1 + random() * 4, at
    from bench_rows;
  insert into prediction_outputs (prediction_id, role, model_version, head, label, confidence, scores, created_at)
    select id, 'champion', '${version}', 'churn', case when confidence > 0.7 then '1' else '0' end,
      0.5 + confidence / 2, jsonb_build_object('0', 1 - confidence, '1', confidence), at
    from bench_rows;
`);

function referenceStats() {
  const rows = generateCustomers({ count: 10_000, seed: 42 }).map((c, i) => {
    const churn = { label: c.churned ? "1" : "0", confidence: 0.5 + ((i * 7919) % 500) / 1000 };
    return churnMonitoring.columns(churnInputOf({ ...c, createdAt: new Date(0) }), { churn });
  });
  return statsToJson(summariseReference(rows, churnMonitoring.mapping));
}

if (import.meta.main) {
  const [mode, argument] = Deno.args;
  if (mode === "reference") {
    await Deno.writeTextFile(argument, JSON.stringify(referenceStats()));
    Deno.exit(0);
  }
  await withDatabase(async (db) => {
    if (mode === "fill") {
      await db.execute(fillSql(Number(argument)));
      return;
    }
    const stats = await Deno.readFile(argument);
    const started = performance.now();
    const [run] = await runMonitor(db, {
      models: [{ name: "churn", version }],
      readVersionFile: (_name, _version, file) =>
        Promise.resolve(file === referenceStatsFileName ? stats : undefined),
      windowMs: 2 * 86_400_000,
      end: windowEnd,
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(JSON.stringify({
      seconds,
      requests: run.requests,
      status: run.status,
      driftedColumns: run.driftedColumns,
      peakRss: await residentMB(Deno.pid, "VmHWM") * 1e6,
    }));
  });
}
