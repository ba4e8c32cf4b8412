/**
 * @module
 * Numbers read from text exactly as pandas reads them.
 */

const powersOfTen = Array.from({ length: 309 }, (_, i) => Number(`1e${i}`));

/**
 * pandas' `precise_xstrtod` (its default float parser): the first 17 significant digits
 * accumulated in a double, then one multiplication or division by a power of ten. It can
 * differ from a correctly rounded parse in the last bit, and the engine must see pandas'
 * numbers. Undefined when the value is out of range (pandas then keeps the column as text).
 */
export function pandasFloat(token: string): number | undefined {
  const text = token.trim();
  let i = 0, negative = false, number = 0, exponent = 0, digits = 0, decimals = 0;
  if (text[i] === "-" || text[i] === "+") negative = text[i++] === "-";
  const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
  for (; isDigit(text[i]); i++) {
    if (digits < 17) {
      number = number * 10 + (text.charCodeAt(i) - 48);
      digits++;
    } else exponent++;
  }
  if (text[i] === ".") {
    for (i++; digits < 17 && isDigit(text[i]); i++, digits++, decimals++) {
      number = number * 10 + (text.charCodeAt(i) - 48);
    }
    while (isDigit(text[i])) i++;
    exponent -= decimals;
  }
  if (negative) number = -number;
  if (text[i] === "e" || text[i] === "E") {
    const sign = text[++i] === "-" ? -1 : 1;
    if (text[i] === "-" || text[i] === "+") i++;
    let n = 0;
    for (let d = 0; d < 17 && isDigit(text[i]); d++, i++) n = n * 10 + (text.charCodeAt(i) - 48);
    exponent += sign * n;
  }
  if (exponent > 308) return undefined;
  if (exponent > 0) number *= powersOfTen[exponent];
  else if (exponent < -616) number = 0;
  else if (exponent < -308) number = number / powersOfTen[-308 - exponent] / powersOfTen[308];
  else number /= powersOfTen[-exponent];
  return Number.isFinite(number) ? number : undefined;
}
