/**
 * Just enough of Python's `repr` to rebuild Evidently's metric ids, which are the md5 of the
 * metric's class path and `str()` of its non-default fields as sorted tuples.
 * @module
 */
import { createHash } from "node:crypto";
import { pythonFloatRepr } from "../drift/python_values.ts";

/** A value of a metric's fields: text, a float, a list (a tuple), a dict (sorted tuples). */
export type PythonValue = string | number | null | PythonValue[] | { [key: string]: PythonValue };

/** Python's repr of a str: single quotes unless the text holds one and no double quote. */
function reprString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = [...s].map((c) => {
    if (c === "\\" || c === quote) return `\\${c}`;
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    const code = c.codePointAt(0)!;
    return code < 32 || code === 127 ? `\\x${code.toString(16).padStart(2, "0")}` : c;
  }).join("");
  return `${quote}${body}${quote}`;
}

/** Python's repr, with lists and dicts as the tuples Evidently's fingerprints make of them. */
export function pythonRepr(value: PythonValue): string {
  if (value === null) return "None";
  if (typeof value === "string") return reprString(value);
  if (typeof value === "number") return pythonFloatRepr(value);
  const items = Array.isArray(value)
    ? value.map(pythonRepr)
    : Object.keys(value).sort().map((k) => `(${reprString(k)}, ${pythonRepr(value[k])})`);
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
}

/** Evidently's metric id: md5 of the class path and the fields that differ from defaults. */
export function metricId(classPath: string, fields: [string, PythonValue][]): string {
  const parts = [...fields].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)
    .map(([name, value]) => [name, value] as PythonValue);
  return createHash("md5").update(classPath + pythonRepr(parts)).digest("hex");
}
