/**
 * Python's view of the values the drift tests count: which values are equal (True == 1, as
 * in a Python dict), how `str()` prints them (Evidently sorts category histograms by it) and
 * how Python orders them (`sorted`, which refuses to compare text with numbers).
 * @module
 */

/** A category value: text, a number, or a boolean. */
export type CategoryValue = string | number | boolean;

/** The dict key Python would use: booleans are the integers 0 and 1. */
export function categoryKey(value: CategoryValue): string | number {
  return typeof value === "boolean" ? Number(value) : value;
}

/** Python's `repr`/`str` of a float (shortest round-trip digits, Python's exponent rules). */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mantissa, exp] = x.toExponential().split("e");
  const exponent = Number(exp);
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace("-", "").replace(".", "");
  const sign = negative ? "-" : "";
  if (exponent < -4 || exponent >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exponent).toString().padStart(2, "0");
    return `${sign}${m}e${exponent < 0 ? "-" : "+"}${e}`;
  }
  if (exponent < 0) return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, "0");
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}.${fraction === "" ? "0" : fraction}`;
}

/** Python's `str(value)`; `integral` says a number came from an integer column. */
export function pythonStr(value: CategoryValue, integral: boolean): string {
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "string") return value;
  return integral && Number.isInteger(value) ? String(value) : pythonFloatRepr(value);
}

/** Compares strings by code point, as Python does (JavaScript compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator](), ib = b[Symbol.iterator]();
  while (true) {
    const x = ia.next(), y = ib.next();
    if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}

/** Python's `<` on two category values; throws where Python raises TypeError. */
export function comparePython(a: CategoryValue, b: CategoryValue): number {
  const textA = typeof a === "string", textB = typeof b === "string";
  if (textA !== textB) throw new TypeError("'<' not supported between text and numbers");
  if (textA) return compareCodePoints(a as string, b as string);
  return Number(a) - Number(b);
}
