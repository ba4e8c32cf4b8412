import process from "node:process";
import type { Logger } from "./shared/logger.ts";

/**
 * Node warnings raised inside npm packages (PGlite's Postgres timers can ask Node's
 * `setTimeout` for a delay a hair below zero) go to the structured log instead of a bare
 * `(node:PID) ...` line on stderr, which log collectors cannot parse.
 */
export function logNodeWarnings(logger: Logger): void {
  for (const listener of process.listeners("warning")) process.removeListener("warning", listener);
  process.on(
    "warning",
    (warning) => logger.warn(`Node warning: ${warning.message}`, { warning: warning.name }),
  );
}
