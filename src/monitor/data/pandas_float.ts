/**
 * Numbers read from CSV text exactly as pandas reads them, in one pass over the characters
 * (the CSV reader calls this for every cell). The value is pandas' `precise_xstrtod` (its
 * default float parser): the first 17 significant digits accumulated in a double, then one
 * multiplication or division by a power of ten. It can differ from a correctly rounded parse
 * in the last bit, and the engine must see pandas' numbers.
 * @module
 */

const powersOfTen = Array.from({ length: 309 }, (_, i) => Number(`1e${i}`));
const infinity = /^\s*([+-]?)inf(?:inity)?\s*$/i;

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);
const isDigit = (c: number) => c >= 48 && c <= 57;

/** Whether the last number `pandasNumber` read was written as an integer. */
export let lastWasIntegral = false;

/**
 * The number `token` stands for to pandas, or NaN when pandas would not read it as one
 * (text, or a value out of double range, which makes pandas keep the column as text).
 */
export function pandasNumber(token: string): number {
  const n = token.length;
  let i = 0;
  while (i < n && isSpace(token.charCodeAt(i))) i++;
  let negative = false;
  if (token[i] === "-" || token[i] === "+") negative = token[i++] === "-";
  let number = 0, exponent = 0, digits = 0, integral = true;
  for (let c = token.charCodeAt(i); isDigit(c); c = token.charCodeAt(++i)) {
    if (digits < 17) {
      number = number * 10 + (c - 48);
      digits++;
    } else exponent++;
  }
  let seen = digits;
  if (token[i] === ".") {
    integral = false;
    i++;
    let decimals = 0;
    for (let c = token.charCodeAt(i); isDigit(c); c = token.charCodeAt(++i)) {
      seen++;
      if (digits < 17) {
        number = number * 10 + (c - 48);
        digits++;
        decimals++;
      }
    }
    exponent -= decimals;
  }
  if (seen === 0) return infinityOf(token);
  if (token[i] === "e" || token[i] === "E") {
    integral = false;
    let j = i + 1, sign = 1;
    if (token[j] === "-" || token[j] === "+") sign = token[j++] === "-" ? -1 : 1;
    let e = 0, count = 0;
    for (let c = token.charCodeAt(j); isDigit(c); c = token.charCodeAt(++j)) {
      if (count++ < 17) e = e * 10 + (c - 48);
    }
    if (count === 0) return NaN;
    exponent += sign * e;
    i = j;
  }
  while (i < n && isSpace(token.charCodeAt(i))) i++;
  if (i < n) return NaN;
  if (negative) number = -number;
  if (exponent > 308) return NaN;
  if (exponent > 0) number *= powersOfTen[exponent];
  else if (exponent < -616) number = 0;
  else if (exponent < -308) number = number / powersOfTen[-308 - exponent] / powersOfTen[308];
  else if (exponent < 0) number /= powersOfTen[-exponent];
  lastWasIntegral = integral;
  return Number.isFinite(number) ? number : NaN;
}

function infinityOf(token: string): number {
  const match = infinity.exec(token);
  if (!match) return NaN;
  lastWasIntegral = false;
  return match[1] === "-" ? -Infinity : Infinity;
}
