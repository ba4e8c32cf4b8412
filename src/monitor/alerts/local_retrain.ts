/**
 * Retraining on this machine: `deno task retrain` in the project root, started and left to
 * run (its output goes to the log line by line), one at a time: a trigger while one runs is
 * skipped, since a second pipeline would only race the first for the same data and pointer.
 */
import { describeError } from "../../shared/describe_error.ts";
import type { Logger } from "../../shared/logger.ts";

/** The command a local retrain runs by default; the process needs `--allow-run=deno`. */
export const defaultRetrainCommand: readonly string[] = ["deno", "task", "retrain"];

/** How to run the retraining. */
export interface LocalRetrainOptions {
  logger: Logger;
  /** Program and arguments (default {@link defaultRetrainCommand}); tests run a tiny script. */
  command?: readonly string[];
  /** The project root (default the working directory). */
  cwd?: string;
  /** Variables added to the inherited environment (another `PGLITE_DIR`, for instance). */
  env?: Record<string, string>;
}

/** What a trigger did: started the command, skipped it (one runs), or could not start it. */
export type RetrainStart = "started" | "skipped" | "failed";

/** Starts retraining processes, one at a time. */
export class LocalRetrainer {
  #running: Promise<void> | undefined;

  constructor(readonly options: LocalRetrainOptions) {}

  /** True while a retraining process runs. */
  get running(): boolean {
    return this.#running !== undefined;
  }

  /** Resolves when the running process (if any) has exited and its output is logged. */
  finished(): Promise<void> {
    return this.#running ?? Promise.resolve();
  }

  /** Starts the command unless one runs; never waits for it. `why` goes into its log lines. */
  trigger(why: Record<string, unknown>): RetrainStart {
    const { logger } = this.options;
    if (this.#running) {
      logger.info("retraining already running: trigger skipped", why);
      return "skipped";
    }
    const [program, ...args] = this.options.command ?? defaultRetrainCommand;
    let child: Deno.ChildProcess;
    try {
      child = new Deno.Command(program, {
        args,
        cwd: this.options.cwd,
        env: this.options.env,
        stdin: "null",
        stdout: "piped",
        stderr: "piped",
      }).spawn();
    } catch (error) {
      logger.error("retraining could not start", { ...why, error: describeError(error) });
      return "failed";
    }
    const started = performance.now();
    logger.info("retraining started", { ...why, command: [program, ...args].join(" ") });
    this.#running = Promise.all([
      logLines(child.stdout, (line) => logger.info("retrain output", { ...why, line })),
      logLines(child.stderr, (line) => logger.warn("retrain output", { ...why, line })),
      child.status,
    ]).then(([, , status]) => {
      const fields = { ...why, code: status.code, seconds: (performance.now() - started) / 1000 };
      if (status.success) logger.info("retraining finished", fields);
      else logger.error("retraining failed", fields);
    }).catch((error) => logger.error("retraining lost", { ...why, error: describeError(error) }))
      .finally(() => this.#running = undefined);
    return "started";
  }
}

/** Calls `log` with each non-empty line of `stream` (progress bars' `\r` ends a line too). */
async function logLines(stream: ReadableStream<Uint8Array>, log: (line: string) => void) {
  let rest = "";
  for await (const chunk of stream.pipeThrough(new TextDecoderStream())) {
    const lines = (rest + chunk).split(/\r\n|\r|\n/);
    rest = lines.pop()!;
    for (const line of lines) if (line.trim()) log(line);
  }
  if (rest.trim()) log(rest);
}
