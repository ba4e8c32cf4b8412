import { assembleApp } from "../../src/app/assemble_app.ts";
import type { createApp } from "../../src/app/create_app.ts";
import { loadConfig } from "../../src/shared/config.ts";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.ts";
import { logPredictions, type PredictionLogEntry } from "../../src/db/repositories/predictions.ts";
import { createLogger } from "../../src/shared/logger.ts";
import type { ArtifactSource } from "../../src/serving/registry/version_loader.ts";
import type { ModelRuntime } from "../../src/serving/registry/runtime.ts";
import { workspaceSource } from "./workspace_source.ts";
import type { TrainedWorkspace } from "./trained_models.ts";

/** The app on an in-memory PGlite, serving a trained workspace, with its parts exposed. */
export interface TestApp {
  app: ReturnType<typeof createApp>;
  database: DatabaseHandle;
  runtime: ModelRuntime;
  logged: PredictionLogEntry[];
  /** Resolves when every logged prediction is in the database. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Builds the app the way `main.ts` does; `env` adds configuration (API keys, limits), and
 * `openDb` opens another database than an in-memory PGlite (closed by `close`).
 */
export async function testApp(
  workspace: TrainedWorkspace,
  env: Record<string, string> = {},
  source: ArtifactSource = workspaceSource(workspace.root),
  openDb: () => Promise<DatabaseHandle> = () => openDatabase({ PGLITE_DIR: "memory://" }),
): Promise<TestApp> {
  const config = loadConfig({ MODEL_POINTER_PATH: workspace.pointerPath, ...env });
  const logger = createLogger("error");
  const database = await openDb();
  await database.migrate();
  const logged: PredictionLogEntry[] = [];
  const writes: Promise<void>[] = [];
  const flush = async () => void await Promise.all(writes);
  const { app, runtime } = await assembleApp(config, database, logger, source, {
    enqueue: (entry) => {
      logged.push(entry);
      writes.push(logPredictions(database.db, [entry]));
    },
    flush,
  });
  return {
    app,
    database,
    runtime,
    logged,
    flush,
    close: async () => {
      await flush();
      await database.close();
    },
  };
}

/** A JSON POST request init. */
export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  };
}
