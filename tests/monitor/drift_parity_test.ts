import assert from "node:assert/strict";
import {
  columnMappingSchema,
  compareToReference,
  driftOptionsSchema,
  legacyReport,
  readTable,
  statsFromJson,
  statsToJson,
  summariseReference,
} from "../../src/monitor/mod.ts";
import { assertLegacyParity, parityCases } from "../support/drift_parity.ts";

const cases = await parityCases();
const readJson = async (path?: string) => path ? JSON.parse(await Deno.readTextFile(path)) : {};

for (const c of cases) {
  Deno.test(`drift parity with Evidently: ${c.name} (${c.meta.description})`, async () => {
    const mapping = columnMappingSchema.parse(await readJson(c.mapping));
    const options = driftOptionsSchema.parse(await readJson(c.options));
    const stats = summariseReference(await readTable(c.reference), mapping);
    const result = compareToReference(stats, await readTable(c.current), options);
    assertLegacyParity(legacyReport(result), c.legacy, c.name);
    assert.deepEqual(result.skipped.map((s) => s.column), c.meta.skipped ?? []);
    // Kept as JSON and read back, the statistics give the same report.
    const stored = statsFromJson(JSON.parse(JSON.stringify(statsToJson(stats))), "stats");
    const again = compareToReference(stored, await readTable(c.current), options);
    assert.deepEqual(legacyReport(again), legacyReport(result));
  });
}

Deno.test("every fixture case is tested", () => {
  assert.ok(cases.length >= 15, `only ${cases.length} fixture cases`);
});
