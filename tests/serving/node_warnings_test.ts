import assert from "node:assert/strict";
import process from "node:process";
import { setTimeout as nodeSetTimeout } from "node:timers";
import { captureLogger } from "../support/logger.ts";
import { logNodeWarnings } from "../../src/node_warnings.ts";

Deno.test("Node warnings from npm code become structured log entries", async () => {
  const before = process.listeners("warning");
  const logger = captureLogger();
  try {
    logNodeWarnings(logger);
    assert.equal(process.listeners("warning").length, 1, "the default printer is gone");
    await new Promise((resolve) => nodeSetTimeout(resolve, -0.004));
    await new Promise((resolve) => setTimeout(resolve, 10)); // warnings are emitted on next tick
    assert.deepEqual(logger.lines, [{
      level: "warn",
      message: "Node warning: -0.004 is a negative number.\nTimeout duration was set to 1.",
      fields: { warning: "TimeoutNegativeWarning" },
    }]);
  } finally {
    process.removeAllListeners("warning");
    for (const listener of before) process.on("warning", listener);
  }
});
