/**
 * RETRAIN_ON_ALERT=local: a raised drift or accuracy alert starts the retrain command once,
 * in the background, its output logged; a trigger while it runs is skipped. A tiny script
 * stands in for `deno task retrain`.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { openDatabase } from "../../src/db/mod.ts";
import { createAlerter, LocalRetrainer } from "../../src/monitor/alerts/mod.ts";
import { loadConfig } from "../../src/shared/config.ts";
import { captureLogger } from "../support/logger.ts";
import { calmObservation, driftedObservation } from "../support/observations.ts";

/** Appends a line to `runs`, prints, then waits until `release` exists. */
const stub = `
const [runs, release] = Deno.args;
await Deno.writeTextFile(runs, "run\\n", { append: true });
console.log("retraining on fresh data");
console.error("a line on stderr");
while (!(await Deno.stat(release).then(() => true, () => false))) {
  await new Promise((resolve) => setTimeout(resolve, 10));
}
console.log("promoted nothing: the gate refused");
`;

Deno.test("a raised alert starts the retrain command once; a second trigger while it runs is skipped", async () => {
  const dir = await Deno.makeTempDir({ prefix: "retrain-" });
  const [script, runs, release] = ["stub.ts", "runs.txt", "release"].map((f) => join(dir, f));
  await Deno.writeTextFile(script, stub);
  const database = await openDatabase({ PGLITE_DIR: "memory://" });
  await database.migrate();
  const logger = captureLogger();
  const alerter = createAlerter({
    db: database.db,
    config: loadConfig({ RETRAIN_ON_ALERT: "local" }),
    logger,
    retrain: {
      command: [
        Deno.execPath(),
        "run",
        `--allow-read=${dir}`,
        `--allow-write=${dir}`,
        script,
        runs,
        release,
      ],
      cwd: dir,
    },
  });
  const retrainer = alerter.retrainer!;
  const messages = () => logger.lines.map((line) => line.message);
  try {
    const first = await alerter.run([driftedObservation()]);
    assert.equal(first.raised.length, 1);
    assert.ok(retrainer.running, "started, and the run did not wait for it");

    // An accuracy alert raised while the first retraining runs: skipped, and said so.
    const inaccurate = { ...driftedObservation(), accuracy: { value: 0.3, n: 50 } };
    assert.deepEqual((await alerter.run([inaccurate])).raised.map((a) => a.kind), [
      "accuracy_below_threshold",
    ]);
    assert.ok(messages().includes("retraining already running: trigger skipped"));
    const skipped = logger.lines.find((l) => l.message.includes("trigger skipped"));
    assert.equal(skipped?.fields?.reason, "accuracy_below_threshold");

    await Deno.writeTextFile(release, "");
    await retrainer.finished();
    assert.equal(await Deno.readTextFile(runs), "run\n", "the command ran once");
    const output = logger.lines.filter((l) => l.message === "retrain output");
    assert.deepEqual(output.map((l) => l.fields?.line).sort(), [
      "a line on stderr",
      "promoted nothing: the gate refused",
      "retraining on fresh data",
    ]);
    const finished = logger.lines.find((l) => l.message === "retraining finished");
    assert.equal(finished?.fields?.code, 0);
    assert.equal(finished?.fields?.reason, "dataset_drift");

    // Cleared, then drifted again: a new raise, a new retraining.
    await alerter.run([calmObservation()]);
    await alerter.run([driftedObservation()]);
    assert.ok(retrainer.running);
    await retrainer.finished();
    assert.equal(await Deno.readTextFile(runs), "run\nrun\n");
  } finally {
    await Deno.writeTextFile(release, "");
    await retrainer.finished();
    await alerter.close();
    await database.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a retrain command that fails or cannot start is logged as such", async () => {
  const logger = captureLogger();
  const failing = new LocalRetrainer({
    logger,
    command: [Deno.execPath(), "eval", "console.error('dataset refused'); Deno.exit(3)"],
  });
  assert.equal(failing.trigger({ model: "churn" }), "started");
  await failing.finished();
  const failed = logger.lines.find((l) => l.message === "retraining failed");
  assert.equal(failed?.fields?.code, 3);
  assert.ok(logger.lines.some((l) => l.fields?.line === "dataset refused"));
  assert.equal(failing.running, false, "the lock is released");

  const missing = new LocalRetrainer({ logger, command: ["/nonexistent/retrain"] });
  assert.equal(missing.trigger({ model: "churn" }), "failed");
  assert.ok(logger.lines.some((l) => l.message === "retraining could not start"));
  assert.equal(missing.running, false);
});
