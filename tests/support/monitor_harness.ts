/** An app with a webhook receiver and an alerter, and a monitor run over its last hour. */
import { workspaceVersionFile } from "../../src/ml/version_files.ts";
import {
  type Alerter,
  createAlerter,
  type MonitorOptions,
  runMonitor,
} from "../../src/monitor/mod.ts";
import { loadConfig } from "../../src/shared/config.ts";
import { captureLogger } from "./logger.ts";
import { type TestApp, testApp } from "./test_app.ts";
import type { TrainedWorkspace } from "./trained_models.ts";
import { type Receiver, startReceiver } from "./webhook_receiver.ts";

/** What a monitor test gets. */
export interface MonitorHarness extends TestApp {
  receiver: Receiver;
  alerter: Alerter;
  /** One run for churn (unless `extra` says otherwise), alerting the receiver. */
  run(extra?: Partial<MonitorOptions>): ReturnType<typeof runMonitor>;
}

/** Runs `body` with a fresh harness signing with `secret`, torn down after. */
export async function withMonitor(
  workspace: TrainedWorkspace,
  secret: string,
  body: (harness: MonitorHarness) => Promise<void>,
): Promise<void> {
  const app = await testApp(workspace);
  const receiver = startReceiver(() => new Response("ok"));
  const alerter = createAlerter({
    db: app.database.db,
    config: loadConfig({ ALERT_WEBHOOK_URL: `${receiver.url}/hook`, ALERT_WEBHOOK_SECRET: secret }),
    logger: captureLogger(),
  });
  const run = (extra: Partial<MonitorOptions> = {}) =>
    runMonitor(app.database.db, {
      models: [{ name: "churn", version: workspace.versions.churn }],
      readVersionFile: workspaceVersionFile(workspace.root),
      windowMs: 3_600_000,
      end: new Date(Date.now() + 1_000),
      alerter,
      ...extra,
    });
  try {
    await body({ ...app, receiver, alerter, run });
  } finally {
    await alerter.close();
    await receiver.close();
    await app.close();
  }
}
