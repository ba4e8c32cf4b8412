/**
 * Our prediction route cut short at one stage, for `deno task bench:serve`'s CPU ladder
 * between the hello-world and the whole server:
 * - `validated`: the route as `createRouter` and `predictRoute` declare it (body read, zod
 *   validation of the ticket), answering the hello-world's fixed JSON;
 * - `unlogged`: the whole app, models loaded by the pointer as `src/main.ts` loads them, with
 *   the prediction log discarded instead of written.
 *   STAGE=unlogged PORT=8002 deno run -A bench/stage_server.ts   (in a pipeline's workspace)
 */
import { assembleApp } from "../src/app/assemble_app.ts";
import { createRouter } from "../src/http/create_router.ts";
import { loadConfig } from "../src/shared/config.ts";
import { openDatabase } from "../src/db/mod.ts";
import { createLogger } from "../src/shared/logger.ts";
import { ticketTriageServing } from "../src/models/ticket_triage/serving.ts";
import { predictRoute } from "../src/routes/models/models.routes.ts";
import { dvcArtifactSource } from "../src/serving/registry/dvc_artifact_source.ts";
import { app as hello } from "./hello_hono.ts";

/** The stages, in the ladder's order. */
export const stages = ["validated", "unlogged"] as const;
export type Stage = typeof stages[number];

type Fetch = (request: Request) => Response | Promise<Response>;

function validatedApp(maxBatch: number): Fetch {
  const fixed = { label: "network", confidence: 0.9 };
  return createRouter()
    .openapi(predictRoute(ticketTriageServing, maxBatch), (c) => {
      c.req.valid("json");
      return c.json(fixed as never, 200);
    })
    .route("/", hello).fetch;
}

async function unloggedApp(env: Record<string, string>): Promise<Fetch> {
  const config = loadConfig(env);
  const database = await openDatabase(config);
  await database.migrate();
  const source = dvcArtifactSource({
    root: Deno.cwd(),
    cacheDir: config.DVC_CACHE_DIR,
    remoteUrl: config.DVC_REMOTE_URL,
    env,
  });
  const discard = { enqueue: () => {}, flush: () => Promise.resolve() };
  const { app } = await assembleApp(config, database, createLogger("warn"), source, discard);
  return app.fetch;
}

if (import.meta.main) {
  const env = Deno.env.toObject();
  const stage = env.STAGE as Stage;
  if (!stages.includes(stage)) throw new Error(`STAGE must be one of ${stages}, got "${stage}"`);
  const fetch = stage === "validated"
    ? validatedApp(loadConfig(env).MAX_BATCH_SIZE)
    : await unloggedApp(env);
  Deno.serve({ hostname: "127.0.0.1", port: Number(env.PORT ?? 8002), onListen: () => {} }, fetch);
}
