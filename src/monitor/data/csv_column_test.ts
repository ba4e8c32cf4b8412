import assert from "node:assert/strict";
import { readCsv } from "./read_csv.ts";
import { pandasNumber } from "./pandas_float.ts";

const read = (text: string) => readCsv(new TextEncoder().encode(text), "test.csv");
const column = (text: string) => {
  const c = read(text).columns.get("a")!;
  return { dtype: c.dtype, values: Array.from(c.values as ArrayLike<unknown>) };
};

Deno.test("columns are typed as pandas.read_csv types them", () => {
  assert.deepEqual(column("a,z\n1,0\n+2,0\n 3 ,0\n"), { dtype: "int64", values: [1, 2, 3] });
  assert.deepEqual(column("a,z\n1,0\n,0\n").dtype, "float64");
  assert.deepEqual(column("a,z\n1.5,0\ninf,0\n-Infinity,0\nNA,0\n").values, [
    1.5,
    Infinity,
    -Infinity,
    NaN,
  ]);
  assert.deepEqual(column("a,z\nTrue,0\nfalse,0\n"), { dtype: "bool", values: [1, 0] });
  assert.deepEqual(column("a,z\nTRUE,0\n,0\n"), { dtype: "object", values: [true, null] });
  assert.deepEqual(column("a,z\n1,0\nx,0\nnan,0\n"), { dtype: "object", values: ["1", "x", null] });
  assert.deepEqual(column("a,z\n1e400,0\n").dtype, "object");
  assert.deepEqual(column("a,z\nTrue,0\n1,0\n").values, ["True", "1"]);
  assert.deepEqual(column("a,z\n,0\n,0\n").dtype, "float64");
});

Deno.test("the header: BOM dropped, repeated and blank names as pandas names them", () => {
  assert.deepEqual(read("\ufeffa,a,\n1,2,3\n").names, ["a", "a.1", "Unnamed: 2"]);
  assert.equal(read("a,b\n1,2\n\n3,4\n").rows, 2);
  assert.equal(read("a,b\n").rows, 0);
});

Deno.test("floats are pandas' (17 digits, then one power of ten), not correctly rounded", () => {
  assert.equal(pandasNumber("2.9745004813941316"), 2.974500481394132);
  assert.equal(pandasNumber(" -0.5e-3 "), -0.0005);
  assert.ok(Number.isNaN(pandasNumber("1e")));
  assert.ok(Number.isNaN(pandasNumber("0x10")));
});
