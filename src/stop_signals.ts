import type { Logger } from "./shared/logger.ts";
import type { RunningServer } from "./server.ts";

/** Limits of a shutdown; a host that kills its instances after a grace period sets them. */
export interface StopLimits {
  /** Exit 1 if the shutdown is not over by then. */
  deadlineMs?: number;
  /** Bound on the prediction log's drain (see `RunningServer.shutdown`). */
  logTimeoutMs?: number;
}

/**
 * On the first SIGINT or SIGTERM, shuts the server down (draining requests and the
 * prediction log) and exits: 0 when it finished, 1 when it failed or overran its deadline.
 */
export function exitOnStopSignals(
  server: RunningServer,
  logger: Logger,
  { deadlineMs, logTimeoutMs }: StopLimits = {},
): void {
  let stopping = false;
  const stop = async () => {
    if (stopping) {
      logger.warn("Already shutting down: saving the prediction log, then exiting");
      return;
    }
    stopping = true;
    if (deadlineMs !== undefined) {
      setTimeout(() => {
        logger.error("Shutdown exceeded its deadline; unwritten predictions are lost", {
          deadline_ms: deadlineMs,
        });
        Deno.exit(1);
      }, deadlineMs);
    }
    try {
      await server.shutdown({ logTimeoutMs });
    } catch (error) {
      logger.error("Shutdown failed", { reason: String(error) });
      Deno.exit(1);
    }
    Deno.exit(0);
  };
  Deno.addSignalListener("SIGINT", stop);
  Deno.addSignalListener("SIGTERM", stop);
}
