import assert from "node:assert/strict";
import { ConfigError, configVariables, loadConfig } from "./config.ts";

Deno.test("a bare environment gives working defaults", () => {
  const config = loadConfig({});
  assert.equal(config.DATABASE_URL, undefined);
  assert.equal(config.PGLITE_DIR, ".data/pglite");
  assert.equal(config.PORT, 8000);
  assert.deepEqual(config.API_KEYS, []);
  assert.equal(config.LOG_LEVEL, "info");
});

Deno.test("values are parsed and lists split on commas", () => {
  const config = loadConfig({
    DATABASE_URL: "postgres://user@db.example.com/app",
    PORT: "9000",
    API_KEYS: "alpha, beta,,",
    LLM_BASE_URL: "https://llm.example.com/v1",
    UNRELATED: "ignored",
  });
  assert.equal(config.PORT, 9000);
  assert.deepEqual(config.API_KEYS, ["alpha", "beta"]);
  assert.equal(config.LLM_BASE_URL, "https://llm.example.com/v1");
});

Deno.test("an empty value counts as unset", () => {
  assert.equal(loadConfig({ PORT: "", DATABASE_URL: "" }).PORT, 8000);
});

const badValues: Record<string, string> = {
  DATABASE_URL: "mysql://localhost/db",
  DATABASE_WS_PROXY: "no-port",
  PORT: "eighty",
  MAX_BODY_BYTES: "-1",
  MAX_BATCH_SIZE: "1.5",
  ALERT_WEBHOOK_URL: "not a url",
  LLM_BASE_URL: "ftp://llm",
  LLM_TIMEOUT_MS: "0",
  LOG_LEVEL: "verbose",
  AUTO_BUILD_MODELS: "yes",
  ACCURACY_ALERT_THRESHOLD: "1.5",
  LATENCY_P99_BUDGET_MS: "0",
  RETRAIN_ON_ALERT: "sometimes",
  GITHUB_REPOSITORY: "no-owner",
  GITHUB_API_URL: "ftp://api.example.com",
};

function configErrorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new assert.AssertionError({ message: "expected a ConfigError" });
}

for (const [variable, value] of Object.entries(badValues)) {
  Deno.test(`a bad ${variable} is named in one clear error`, () => {
    const error = configErrorOf({ [variable]: value });
    assert.deepEqual(error.problems.map((p) => p.variable), [variable]);
    assert.match(error.message, new RegExp(`^Invalid configuration:\\n  ${variable}: `));
    assert.ok(error.message.includes(JSON.stringify(value)));
  });
}

Deno.test("a bad URL is echoed without its password", () => {
  const error = configErrorOf({ DATABASE_URL: "postgress://app:s3cret@db.example.com/app" });
  assert.match(error.message, /\(got "postgress:\/\/\*\*\*@db\.example\.com\/app"\)$/);
  assert.ok(!error.message.includes("s3cret"));
});

Deno.test("a bad secret is named but never echoed", () => {
  const error = configErrorOf({ ALERT_WEBHOOK_SECRET: "hunter2" });
  assert.deepEqual(error.problems.map((p) => p.variable), ["ALERT_WEBHOOK_SECRET"]);
  assert.match(error.message, /\(got a secret of 7 characters\)$/);
  assert.ok(!error.message.includes("hunter2"));
});

Deno.test("alerting settings that need a companion name the missing one", () => {
  const webhook = configErrorOf({ ALERT_WEBHOOK_URL: "https://hooks.example.com/alerts" });
  assert.deepEqual(webhook.problems.map((p) => p.variable), ["ALERT_WEBHOOK_SECRET"]);
  assert.match(webhook.message, /ALERT_WEBHOOK_SECRET: is required when ALERT_WEBHOOK_URL is set/);
  const github = configErrorOf({ RETRAIN_ON_ALERT: "github", GITHUB_TOKEN: "ghp_x" });
  assert.deepEqual(github.problems.map((p) => p.variable), ["GITHUB_REPOSITORY"]);
  const config = loadConfig({
    ALERT_WEBHOOK_URL: "https://hooks.example.com/alerts",
    ALERT_WEBHOOK_SECRET: "a-long-enough-secret",
    RETRAIN_ON_ALERT: "github",
    GITHUB_REPOSITORY: "acme/edge-inference",
    GITHUB_TOKEN: "ghp_x",
    ACCURACY_ALERT_THRESHOLD: "0.9",
  });
  assert.equal(config.ACCURACY_ALERT_THRESHOLD, 0.9);
  assert.equal(config.LATENCY_P99_BUDGET_MS, 250);
  assert.equal(config.GITHUB_API_URL, "https://api.github.com");
  assert.equal(loadConfig({}).RETRAIN_ON_ALERT, "off");
});

Deno.test("every bad variable is listed at once", () => {
  const variables = configErrorOf(badValues).problems.map((p) => p.variable);
  assert.deepEqual(variables.sort(), Object.keys(badValues).sort());
});

Deno.test("docs/operations.md documents every variable", async () => {
  const page = await Deno.readTextFile(new URL("../../docs/operations.md", import.meta.url));
  const missing = configVariables.filter((name) => !page.includes(`\`${name}\``));
  assert.deepEqual(missing, []);
});
