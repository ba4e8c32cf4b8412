import assert from "node:assert/strict";
import { join } from "node:path";
import {
  assertClose,
  assertLegacyParity,
  fixturesDir,
  parityCases,
} from "../support/drift_parity.ts";

const root = new URL("../../", import.meta.url).pathname;

/** Runs the drift CLI as `deno task drift` does (its permissions), from `cwd`. */
async function drift(args: string[], cwd = root) {
  const output = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--quiet",
      "--allow-read",
      "--allow-env=INIT_CWD,USER,NODE_PG_FORCE_NATIVE",
      `--allow-write=${cwd}`,
      join(root, "pipelines/drift.ts"),
      ...args,
    ],
    cwd,
    env: { INIT_CWD: cwd },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return { code: output.code, stdout: text(output.stdout), stderr: text(output.stderr) };
}
const cases = await parityCases();

Deno.test("the drift CLI over CSV gives Evidently's legacy report for every fixture", async () => {
  for (const c of cases) {
    const args = ["--reference", c.reference, "--current", c.current, "--format", "legacy"];
    if (c.mapping) args.push("--column-mapping", c.mapping);
    if (c.options) args.push("--options", c.options);
    const run = await drift(args);
    assert.equal(run.code, 0, `${c.name}: ${run.stderr}`);
    assertLegacyParity(JSON.parse(run.stdout), c.legacy, c.name);
    // stderr names each column left out, one line each, and nothing else.
    const warned = run.stderr.split("\n").filter((l) => l !== "");
    assert.equal(warned.length, c.meta.skipped?.length ?? 0, `${c.name}: ${run.stderr}`);
  }
});

Deno.test("the snapshot format has the current Evidently API's ids, names and values", async () => {
  for (const c of cases.filter((c) => c.snapshot)) {
    const args = ["--reference", c.reference, "--current", c.current, "--format", "snapshot"];
    if (c.options) args.push("--options", c.options);
    const run = await drift(args);
    assert.equal(run.code, 0, run.stderr);
    const ours = JSON.parse(run.stdout), theirs = c.snapshot;
    assert.deepEqual(Object.keys(ours), ["metrics", "tests"]);
    const [count, ...columns] = ours.metrics;
    for (const field of ["id", "metric_name", "config"]) {
      assert.deepEqual(
        count[field],
        theirs.metrics[0][field],
        `${c.name}: DriftedColumnsCount ${field}`,
      );
    }
    // The current API types some columns on its own (see docs/monitoring.md): compare the
    // columns it tests with the same method.
    for (const expected of theirs.metrics.slice(1)) {
      const actual = columns.find((m: { config: { column: string } }) =>
        m.config.column === expected.config.column
      );
      if (!actual || actual.config.method !== expected.config.method) continue;
      assert.equal(actual.id, expected.id, `${c.name}: id of ${expected.metric_name}`);
      assert.equal(actual.metric_name, expected.metric_name);
      assertClose(actual.value, expected.value, `${c.name}: ${expected.metric_name}`);
    }
  }
});

Deno.test("relative paths are the caller's, and --out writes the report there", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.copyFile(join(fixturesDir, "small_mixed/reference.csv"), join(dir, "ref.csv"));
    await Deno.copyFile(join(fixturesDir, "small_mixed/current.csv"), join(dir, "cur.csv"));
    const run = await drift([
      "--reference",
      "ref.csv",
      "--current",
      "cur.csv",
      "--format",
      "html",
      "--out",
      "r.html",
    ], dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, "");
    const html = await Deno.readTextFile(join(dir, "r.html"));
    assert.match(html, /^<!doctype html>/);
    assert.doesNotMatch(
      html,
      /<script src=|<link |(src|href)="?https?:|url\(["']?https?:/,
      "nothing fetched",
    );
    assert.ok(!html.includes("10.37"), "no raw value of the data in the page");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("unusable input is one line on stderr and exit status 2", async () => {
  const small = join(fixturesDir, "small_mixed");
  const dir = await Deno.makeTempDir();
  try {
    const unknown = join(dir, "unknown.json"),
      badKey = join(dir, "bad.json"),
      broken = join(dir, "broken.csv");
    await Deno.writeTextFile(unknown, JSON.stringify({ numerical_features: ["amount", "nope"] }));
    await Deno.writeTextFile(badKey, JSON.stringify({ numerical_feature: ["amount"] }));
    await Deno.writeTextFile(broken, "a,b\n1,2,3,4\n");
    const ref = join(small, "reference.csv"), cur = join(small, "current.csv");
    const refusals: [string[], RegExp][] = [
      [
        ["--reference", join(dir, "missing.csv"), "--current", cur],
        /Cannot read .*missing\.csv: no such file/,
      ],
      [
        ["--reference", ref, "--current", broken],
        /broken\.csv: record 2 has 4 fields, the header has 2/,
      ],
      [
        ["--reference", ref, "--current", cur, "--column-mapping", unknown],
        /numerical_features names column "nope"/,
      ],
      [
        ["--reference", ref, "--current", cur, "--column-mapping", badKey],
        /Invalid column mapping/,
      ],
      [["--reference", ref, "--current", cur, "--stattest", "nope"], /Unknown drift test "nope"/],
      [["--reference", ref, "--current", cur, "--format", "pdf"], /--format must be one of/],
      [["--reference", ref], /--current is required/],
    ];
    for (const [args, message] of refusals) {
      const run = await drift(args);
      assert.equal(run.code, 2, `${args.join(" ")}: ${run.stderr}`);
      assert.equal(run.stdout, "");
      assert.equal(run.stderr.trim().split("\n").length, 1, run.stderr);
      assert.match(run.stderr, message);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
