import assert from "node:assert/strict";
import process from "node:process";
import { setTimeout as nodeSetTimeout } from "node:timers";
import type { Logger } from "./logger.ts";
import { logNodeWarnings } from "./node_warnings.ts";

Deno.test("Node warnings from npm code become structured log entries", async () => {
  const before = process.listeners("warning");
  const logged: [string, Record<string, unknown> | undefined][] = [];
  const record = (message: string, fields?: Record<string, unknown>) =>
    void logged.push([message, fields]);
  const logger: Logger = { debug: record, info: record, warn: record, error: record };
  try {
    logNodeWarnings(logger);
    assert.equal(process.listeners("warning").length, 1, "the default printer is gone");
    await new Promise((resolve) => nodeSetTimeout(resolve, -0.004));
    await new Promise((resolve) => setTimeout(resolve, 10)); // warnings are emitted on next tick
    assert.deepEqual(logged, [[
      "Node warning: -0.004 is a negative number.\nTimeout duration was set to 1.",
      { warning: "TimeoutNegativeWarning" },
    ]]);
  } finally {
    process.removeAllListeners("warning");
    for (const listener of before) process.on("warning", listener);
  }
});
