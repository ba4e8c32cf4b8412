import assert from "node:assert/strict";
import { comparePython, pythonFloatRepr, pythonStr } from "./python_values.ts";

Deno.test("floats print as Python's repr", () => {
  const cases: [number, string][] = [
    [1, "1.0"],
    [0.1, "0.1"],
    [1e16, "1e+16"],
    [1e15, "1000000000000000.0"],
    [0.0001, "0.0001"],
    [0.00001, "1e-05"],
    [-2.5e-7, "-2.5e-07"],
    [123.456, "123.456"],
    [-0, "-0.0"],
    [Infinity, "inf"],
  ];
  for (const [x, repr] of cases) assert.equal(pythonFloatRepr(x), repr);
  assert.equal(pythonStr(3, true), "3");
  assert.equal(pythonStr(true, false), "True");
});

Deno.test("Python refuses to order text and numbers; booleans are numbers", () => {
  assert.throws(() => comparePython("a", 1), TypeError);
  assert.ok(comparePython(true, 0) > 0);
  assert.ok(comparePython("Z", "a") < 0);
});
