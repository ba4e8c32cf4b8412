/**
 * Step 4: the data quality gate. Checks `data/` against each model's rules and refuses
 * (exit 1) with a report naming every broken rule.
 *   deno task quality [--model churn]
 */
import { parseArgs } from "node:util";
import { formatQualityReport } from "../src/ml/quality/quality_format.ts";
import { catalog } from "../src/models/catalog.ts";
import { runMain } from "../src/cli.ts";
import { checkQuality } from "../src/pipeline/quality.ts";

if (import.meta.main) {
  await runMain(async () => {
    const { values } = parseArgs({ args: Deno.args, options: { model: { type: "string" } } });
    const reports = await checkQuality(
      Deno.cwd(),
      values.model ? [values.model] : Object.keys(catalog),
    );
    for (const report of reports) console.log(formatQualityReport(report));
    if (reports.some((report) => !report.passed)) Deno.exit(1);
  });
}
