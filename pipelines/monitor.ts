/**
 * The monitor, once: each served model's champion (from the model pointer) over the last
 * window, against its version's reference statistics in `models/<name>/<version>/`; one
 * stored report and one summary line per model; alerts as the server raises them.
 *   deno task monitor [--model churn] [--window 24h]
 */
import { parseArgs } from "node:util";
import { runMain } from "../src/cli.ts";
import { databaseVariables, withDatabase } from "../src/cli_database.ts";
import { readPointer } from "../src/gitops/pointer.ts";
import { workspaceVersionFile } from "../src/ml/version_files.ts";
import { catalogEntry } from "../src/models/catalog.ts";
import { createAlerter, formatModelRun, runMonitor } from "../src/monitor/mod.ts";
import { loadConfig, readEnvironment } from "../src/shared/config.ts";
import { parseDuration } from "../src/shared/duration.ts";
import { createLogger } from "../src/shared/logger.ts";

/** The configuration the command reads (and nothing else: see its `--allow-env`). */
const variables = [
  ...databaseVariables,
  "MODEL_POINTER_PATH",
  "ALERT_WEBHOOK_URL",
  "ALERT_WEBHOOK_SECRET",
  "ACCURACY_ALERT_THRESHOLD",
  "LATENCY_P99_BUDGET_MS",
  "RETRAIN_ON_ALERT",
  "GITHUB_REPOSITORY",
  "GITHUB_TOKEN",
  "GITHUB_API_URL",
  "LOG_LEVEL",
  "MONITOR_WINDOW",
];

if (import.meta.main) {
  await runMain(async () => {
    const { values } = parseArgs({
      args: Deno.args,
      options: { model: { type: "string" }, window: { type: "string" } },
    });
    const config = loadConfig(readEnvironment(variables));
    const windowMs = values.window === undefined
      ? config.MONITOR_WINDOW
      : parseDuration(values.window);
    if (windowMs === undefined) {
      throw new Error(`--window must be like 1h or 7d, got "${values.window}"`);
    }
    if (values.model !== undefined) catalogEntry(values.model);
    const pointer = await readPointer(config.MODEL_POINTER_PATH);
    if (!pointer) throw new Error(`No model pointer at ${config.MODEL_POINTER_PATH}`);
    const models = Object.entries(pointer.models)
      .filter(([name]) => values.model === undefined || name === values.model)
      .map(([name, { version }]) => ({ name, version }));
    if (models.length === 0) throw new Error(`${values.model} is not served by the pointer`);
    const logger = createLogger(config.LOG_LEVEL);
    await withDatabase(async (db) => {
      const alerter = createAlerter({ db, config, logger });
      try {
        const runs = await runMonitor(db, {
          models,
          readVersionFile: workspaceVersionFile(Deno.cwd()),
          windowMs,
          alerter,
        });
        for (const run of runs) console.log(formatModelRun(run));
        // Deliveries run in the background: let them finish (or give up) before exiting.
        await alerter.idle();
      } finally {
        await alerter.close();
      }
    });
  });
}
