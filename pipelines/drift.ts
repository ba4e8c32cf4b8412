/**
 * Data drift of a current data set against a reference, as Evidently's legacy
 * `DataDriftPreset` reports it (docs/monitoring.md). Prints the report alone on stdout; any
 * refusal is one line on stderr and exit status 2.
 *   deno task -q drift --reference ref.csv --current cur.csv [--column-mapping mapping.json]
 *     [--options options.json] [--format legacy|snapshot|html|stats] [--out FILE]
 *     [--drift-share 0.5] [--stattest NAME] [--stattest-threshold X] [--vocabulary words.txt]
 * The reference may also be reference statistics (`--format stats` writes them).
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { driftFormats, DriftInputError, type DriftOptions, runDrift } from "../src/monitor/mod.ts";
import { positiveInt, runMain } from "../src/cli.ts";

/** `deno task` runs in the repository; paths are the caller's, from INIT_CWD. */
function callerPath(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  let base = Deno.cwd();
  try {
    base = Deno.env.get("INIT_CWD") ?? base;
  } catch { /* no env permission: relative to the working directory */ }
  return resolve(base, path);
}

function number(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) {
    throw new DriftInputError(`--${name} must be a number, got "${value}"`);
  }
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: Deno.args,
    options: {
      reference: { type: "string" },
      current: { type: "string" },
      "column-mapping": { type: "string" },
      options: { type: "string" },
      format: { type: "string", default: "legacy" },
      out: { type: "string" },
      "drift-share": { type: "string" },
      stattest: { type: "string" },
      "stattest-threshold": { type: "string" },
      vocabulary: { type: "string" },
      "max-distinct": { type: "string" },
    },
  });
  const format = values.format as (typeof driftFormats)[number];
  if (!driftFormats.includes(format)) {
    throw new DriftInputError(
      `--format must be one of ${driftFormats.join(", ")}, got "${format}"`,
    );
  }
  if (!values.reference) throw new DriftInputError("--reference is required");
  const overrides: DriftOptions = {};
  const share = number("drift-share", values["drift-share"]);
  if (share !== undefined) overrides.drift_share = share;
  if (values.stattest) overrides.stattest = values.stattest;
  const threshold = number("stattest-threshold", values["stattest-threshold"]);
  if (threshold !== undefined) overrides.stattest_threshold = threshold;
  const { output, warnings } = await runDrift({
    reference: callerPath(values.reference)!,
    current: callerPath(values.current),
    columnMapping: callerPath(values["column-mapping"]),
    options: callerPath(values.options),
    format,
    overrides,
    vocabulary: callerPath(values.vocabulary),
    maxDistinct: positiveInt("max-distinct", values["max-distinct"], 100_000),
  });
  for (const warning of warnings) console.error(warning);
  const out = callerPath(values.out);
  if (!out) {
    await Deno.stdout.write(new TextEncoder().encode(`${output}\n`));
    return;
  }
  try {
    await Deno.writeTextFile(out, `${output}\n`);
  } catch (error) {
    throw new DriftInputError(
      `Cannot write ${out}: ${
        (error as Error).message
      } (the drift task may write only under the directory it is run from; redirect stdout instead)`,
    );
  }
}

if (import.meta.main) await runMain(main, 2);
