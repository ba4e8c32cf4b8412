/**
 * The two bits of Python semantics DVC's `.dir` manifests depend on: `json.dumps` string
 * escaping (with its default `ensure_ascii=True`) and `str` ordering (by code point).
 *
 * @module
 */

const shortEscapes: Record<string, string> = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
};

/**
 * A string literal exactly as Python's `json.dumps(s)` writes it: printable ASCII kept
 * (`"` and `\` escaped), the usual short escapes, everything else `\uXXXX` with lowercase hex,
 * characters beyond the BMP as a UTF-16 surrogate pair (`😀` -> `\ud83d\ude00`), DEL as `\u007f`.
 * `JSON.stringify` differs: it keeps non-ASCII characters and DEL as they are.
 */
export function pythonJsonString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    const char = value[i];
    if (unit >= 0x20 && unit <= 0x7e && char !== '"' && char !== "\\") out += char;
    else out += shortEscapes[char] ?? `\\u${unit.toString(16).padStart(4, "0")}`;
  }
  return out + '"';
}

/**
 * Orders strings as Python compares `str`: by Unicode code point. JavaScript's default
 * comparison uses UTF-16 code units, which puts `😀` (U+1F600) before `ｆ` (U+FF46).
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++; // both sides hold the same surrogate pair
  }
  return a.length - b.length;
}
