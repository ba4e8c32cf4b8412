import assert from "node:assert/strict";
import { describeText, textDescriptors } from "./descriptors.ts";

Deno.test("a text column becomes length, language and out-of-vocabulary share", () => {
  const columns = new Map(textDescriptors("body", [
    "The printer is jammed again",
    "Mon écran reste noir depuis ce matin",
    null,
  ], { vocabulary: ["the", "printer", "is", "again"] }));
  assert.deepEqual([...columns.keys()], ["body.length", "body.language", "body.oov_share"]);
  assert.equal(columns.get("body.length")!.dtype, "float64");
  assert.deepEqual(columns.get("body.language")!.values, ["en", "fr", null]);
  const oov = columns.get("body.oov_share")!.values as Float64Array;
  assert.equal(oov[0], 1 / 5);
  assert.ok(Number.isNaN(oov[2]));
});

Deno.test("describeText replaces the text column in place", () => {
  const frame = describeText({
    names: ["id", "body"],
    columns: new Map([
      ["id", { dtype: "int64" as const, values: Float64Array.from([1, 2]) }],
      ["body", { dtype: "object" as const, values: ["a", "bb"] }],
    ]),
    rows: 2,
  }, ["body"]);
  assert.deepEqual(frame.names, ["id", "body.length", "body.language"]);
  assert.deepEqual(Array.from(frame.columns.get("body.length")!.values as Float64Array), [1, 2]);
});
