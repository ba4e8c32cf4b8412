import assert from "node:assert/strict";
import type { Logger } from "../../shared/logger.ts";
import { type Delivery, PermanentDeliveryError, RetryingQueue } from "./retrying_queue.ts";

function keptLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return {
    lines,
    debug: keep("debug"),
    info: keep("info"),
    warn: keep("warn"),
    error: keep("error"),
  };
}

const fast = { backoff: { initialMs: 5, maxMs: 20 }, attemptTimeoutMs: 200, attempts: 4 };

/** A delivery whose attempts follow `outcomes` ("ok", "fail", "permanent", "hang"). */
function scripted(key: string, outcomes: string[]) {
  const state = { attempts: 0, delivered: false };
  const delivery: Delivery = {
    key,
    fields: { key },
    attempt: (signal) => {
      const outcome = outcomes[Math.min(state.attempts++, outcomes.length - 1)];
      if (outcome === "ok") return Promise.resolve();
      if (outcome === "permanent") return Promise.reject(new PermanentDeliveryError("refused"));
      if (outcome === "hang") return new Promise(() => signal.throwIfAborted());
      return Promise.reject(new Error("HTTP 500"));
    },
    delivered: () => Promise.resolve(void (state.delivered = true)),
  };
  return { delivery, state };
}

Deno.test("a failing delivery is retried until it succeeds, enqueue never waits", async () => {
  const logger = keptLogger();
  const queue = new RetryingQueue(logger, fast);
  const { delivery, state } = scripted("a", ["fail", "fail", "ok"]);
  assert.equal(queue.enqueue(delivery), "queued");
  assert.equal(state.delivered, false, "enqueue returned before any attempt settled");
  await queue.idle();
  assert.deepEqual(state, { attempts: 3, delivered: true });
  assert.deepEqual(logger.lines.filter((l) => l.startsWith("warn")).length, 2);
});

Deno.test("an attempt that hangs is abandoned at its timeout and retried", async () => {
  const queue = new RetryingQueue(keptLogger(), { ...fast, attemptTimeoutMs: 50 });
  const { delivery, state } = scripted("a", ["hang", "ok"]);
  queue.enqueue(delivery);
  await queue.idle();
  assert.deepEqual(state, { attempts: 2, delivered: true });
});

Deno.test("gives up after its attempts, or at once when refused", async () => {
  const logger = keptLogger();
  const queue = new RetryingQueue(logger, fast);
  const failing = scripted("a", ["fail"]);
  const refused = scripted("b", ["permanent"]);
  queue.enqueue(failing.delivery);
  queue.enqueue(refused.delivery);
  await queue.idle();
  assert.deepEqual(failing.state, { attempts: 4, delivered: false });
  assert.deepEqual(refused.state, { attempts: 1, delivered: false });
  assert.equal(logger.lines.filter((l) => l === "error delivery failed: giving up").length, 2);
});

Deno.test("a key already in is not queued twice; a full queue refuses", async () => {
  const queue = new RetryingQueue(keptLogger(), { ...fast, capacity: 2, concurrency: 1 });
  assert.equal(queue.enqueue(scripted("a", ["ok"]).delivery), "queued");
  assert.equal(queue.enqueue(scripted("a", ["ok"]).delivery), "duplicate");
  assert.equal(queue.enqueue(scripted("b", ["ok"]).delivery), "queued");
  assert.equal(queue.enqueue(scripted("c", ["ok"]).delivery), "full");
  await queue.idle();
  assert.equal(queue.enqueue(scripted("c", ["ok"]).delivery), "queued", "room again");
  await queue.idle();
});

Deno.test("close abandons running attempts and waits, and refuses more", async () => {
  const queue = new RetryingQueue(keptLogger(), { ...fast, attemptTimeoutMs: 60_000 });
  const hanging = scripted("a", ["hang"]);
  const backingOff = scripted("b", ["fail"]);
  queue.enqueue(hanging.delivery);
  queue.enqueue(backingOff.delivery);
  await new Promise((resolve) => setTimeout(resolve, 20));
  await queue.close();
  assert.equal(queue.size, 0);
  assert.equal(hanging.state.delivered, false);
  assert.equal(queue.enqueue(scripted("c", ["ok"]).delivery), "closed");
});
