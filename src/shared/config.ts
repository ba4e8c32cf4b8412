import { z } from "zod";
import { durationSchema } from "./duration.ts";

const commaList = z
  .string()
  .transform((value) => value.split(",").map((item) => item.trim()).filter(Boolean));

const optionalUrl = z.url({ protocol: /^https?$/ }).optional();

const logLevels = ["debug", "info", "warn", "error"] as const;

/** Every environment variable the product reads, with the defaults that make a bare checkout work. */
const envSchema = z.object({
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" })
    .optional(),
  DATABASE_WS_PROXY: z
    .string()
    .regex(/^[\w.-]+:\d{1,5}$/, "must be host:port of a WebSocket-to-TCP proxy")
    .optional(),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  PGLITE_TEMPLATE_DIR: z.string().min(1).optional(),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  API_KEYS: commaList.default([]),
  ADMIN_API_KEYS: commaList.default([]),
  CORS_ORIGINS: commaList.default([]),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
  MAX_BATCH_SIZE: z.coerce.number().int().positive().max(10_000).default(256),
  /** The replaced services' own routes (`/`, `/predict`, `/predict_raw`, `/model-info`). */
  SEED_COMPAT_ROUTES: z.enum(["true", "false"], { error: 'must be "true" or "false"' })
    .default("true").transform((value) => value === "true"),
  MODEL_POINTER_PATH: z.string().min(1).default("gitops/overlays/local/model-pointer.yaml"),
  DVC_CACHE_DIR: z.string().min(1).default(".dvc/cache"),
  DVC_REMOTE_URL: z.string().min(1).default(".dvc-storage"),
  SPILL_DIR: z.string().min(1).default(".data/spill"),
  /** Unset: build on embedded PGlite only, never into a shared database (DATABASE_URL). */
  AUTO_BUILD_MODELS: z.enum(["true", "false"], { error: 'must be "true" or "false"' })
    .optional().transform((value) => value === undefined ? undefined : value === "true"),
  ALERT_WEBHOOK_URL: optionalUrl,
  /** Signs every webhook delivery (docs/monitoring.md, "Alerts"); required with the URL. */
  ALERT_WEBHOOK_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  ACCURACY_ALERT_THRESHOLD: z.coerce.number().min(0).max(1).default(0.8),
  LATENCY_P99_BUDGET_MS: z.coerce.number().positive().default(250),
  /** How often the server runs the monitor ("1h"); unset or "off": never (docs/monitoring.md). */
  MONITOR_INTERVAL: z.literal("off").transform(() => undefined).or(durationSchema).optional(),
  /** The window each monitor run looks back over. */
  MONITOR_WINDOW: durationSchema.default(24 * 3_600_000),
  RETRAIN_ON_ALERT: z.enum(["off", "local", "github"], {
    error: 'must be "off", "local" or "github"',
  }).default("off"),
  GITHUB_REPOSITORY: z.string()
    .regex(/^[\w.-]+\/[\w.-]+$/, "must be owner/name").optional(),
  GITHUB_TOKEN: z.string().min(1).optional(),
  GITHUB_API_URL: z.url({ protocol: /^https?$/ }).default("https://api.github.com"),
  LLM_BASE_URL: optionalUrl,
  LLM_API_KEY: z.string().min(1).optional(),
  LLM_MODEL: z.string().min(1).default("gpt-4o-mini"),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(4000),
  LOG_LEVEL: z.enum(logLevels).default("info"),
  /** Target precision of unreviewed ticket triages: below its threshold, `needs_review`. */
  REVIEW_PRECISION: z.coerce.number().gt(0).max(1).default(0.9),
});

/** Variables holding secrets: a bad value is never echoed, even in part. */
const secretVariables: ReadonlySet<string> = new Set([
  "ALERT_WEBHOOK_SECRET",
  "GITHUB_TOKEN",
  "LLM_API_KEY",
]);

/** The parsed configuration; build it with {@link loadConfig}. */
export type Config = z.infer<typeof envSchema>;

/** Raised when one or more environment variables are invalid; the message names each one. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${
        problems.map(({ variable, message }) => `  ${variable}: ${message}`).join("\n")
      }`,
    );
    this.name = "ConfigError";
  }
}

/**
 * A bad value as an error echoes it: quoted, and without a URL's `user:password@`; a
 * secret's as its length only, and an unset one as `unset`.
 */
function shown(variable: string, value: string | undefined): string {
  if (value === undefined) return "unset";
  if (secretVariables.has(variable)) return `a secret of ${value.length} characters`;
  return JSON.stringify(value).replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s"]*@/gi, "$1***@");
}

/**
 * Parses the configuration from an environment map (e.g. {@link readEnvironment}'s).
 * Empty strings count as unset so `FOO=` in a `.env` file falls back to the default.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([name, value]) => name in envSchema.shape && value !== ""),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0]);
      return { variable, message: `${issue.message} (got ${shown(variable, present[variable])})` };
    }));
  }
  const missing = missingCompanions(parsed.data);
  if (missing.length > 0) throw new ConfigError(missing);
  return parsed.data;
}

/** Settings that only work together: a webhook left unsigned, a dispatch to nowhere. */
function missingCompanions(config: Config): { variable: string; message: string }[] {
  const required: [keyof Config, boolean, string][] = [
    ["ALERT_WEBHOOK_SECRET", config.ALERT_WEBHOOK_URL !== undefined, "ALERT_WEBHOOK_URL is set"],
    ["GITHUB_REPOSITORY", config.RETRAIN_ON_ALERT === "github", 'RETRAIN_ON_ALERT is "github"'],
    ["GITHUB_TOKEN", config.RETRAIN_ON_ALERT === "github", 'RETRAIN_ON_ALERT is "github"'],
  ];
  return required.filter(([variable, needed]) => needed && config[variable] === undefined)
    .map(([variable, , because]) => ({ variable, message: `is required when ${because}` }));
}

/** Names of all variables {@link loadConfig} understands, for docs and diagnostics. */
export const configVariables = Object.keys(envSchema.shape) as (keyof Config)[];

/**
 * The variables `names` of the process environment, read one at a time: unlike
 * `Deno.env.toObject()`, which needs access to every variable, this runs under an
 * `--allow-env` that lists just these (each task's permissions in `deno.json`).
 */
export function readEnvironment(
  names: readonly string[] = configVariables,
): Record<string, string | undefined> {
  return Object.fromEntries(names.map((name) => [name, Deno.env.get(name)]));
}
