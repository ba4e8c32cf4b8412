/**
 * One CSV column typed as `pandas.read_csv` (C parser, defaults) types it: its default
 * missing-value tokens are NaN; integers make int64 (float64 once a value is missing);
 * decimals, exponents and "inf"/"infinity" in any case make float64 (a value out of double
 * range makes the column text); True/False (also TRUE, true...) make bool (object when a
 * value is missing); anything else makes the column text (object), kept as written.
 * @module
 */
import type { Column } from "./frame.ts";
import * as pandas from "./pandas_float.ts";

/** pandas' default `na_values`, matched exactly (quoted or not). */
const naTokens = new Set([
  "",
  "#N/A",
  "#N/A N/A",
  "#NA",
  "-1.#IND",
  "-1.#QNAN",
  "-NaN",
  "-nan",
  "1.#IND",
  "1.#QNAN",
  "<NA>",
  "N/A",
  "NA",
  "NULL",
  "NaN",
  "None",
  "n/a",
  "nan",
  "null",
]);
const trueTokens = new Set(["True", "TRUE", "true"]);
const falseTokens = new Set(["False", "FALSE", "false"]);
/** Beyond uint64, pandas keeps integers as text. */
const maxInteger = 18446744073709551615;

/** pandas' number for a token (NaN: not a number to pandas) and whether it is an integer. */
function numberOf(token: string): number {
  const value = pandas.pandasNumber(token);
  return pandas.lastWasIntegral && Math.abs(value) > maxInteger ? NaN : value;
}

/**
 * Accumulates one column's tokens and types it at the end. Numbers are stored as they come;
 * raw text is kept from the first token that is neither a number nor a boolean, and
 * `needsText` says whether earlier tokens were not missing (then the caller reads the column
 * again with `keepText`).
 */
export class CsvColumn {
  #numbers = new Float64Array(1024);
  #text: (string | null)[] = [];
  #length = 0;
  #missing = 0;
  #integral = true;
  #numeric = true;
  #boolean = true;
  #isText: boolean;
  #present = 0;
  /** Tokens that were not missing before the column turned to text. */
  #presentBeforeText = 0;

  constructor(keepText = false) {
    this.#isText = keepText;
  }

  /** Adds the next token (`undefined`: the row was short, pandas reads NaN). */
  push(token: string | undefined): void {
    const index = this.#length++;
    if (index === this.#numbers.length) {
      const grown = new Float64Array(this.#numbers.length * 2);
      grown.set(this.#numbers);
      this.#numbers = grown;
    }
    const missing = token === undefined || naTokens.has(token);
    if (missing) {
      this.#missing++;
      this.#numbers[index] = NaN;
      if (this.#isText) this.#text.push(null);
      return;
    }
    this.#present++;
    const number = this.#numeric || this.#boolean ? numberOf(token) : NaN;
    const isNumber = !Number.isNaN(number);
    if (this.#numeric && isNumber) {
      this.#integral &&= pandas.lastWasIntegral;
      this.#boolean = false;
      this.#numbers[index] = number;
    } else if (this.#boolean && !isNumber && (trueTokens.has(token) || falseTokens.has(token))) {
      this.#numeric = false;
      this.#numbers[index] = trueTokens.has(token) ? 1 : 0;
    } else if (!this.#isText) {
      this.#isText = true;
      this.#presentBeforeText = this.#present - 1;
      this.#text = new Array(index).fill(null);
    }
    if (this.#isText) this.#text.push(token);
  }

  /** True when the column is text but tokens before it turned were not kept. */
  get needsText(): boolean {
    return this.#isText && this.#presentBeforeText > 0;
  }

  /** The typed column. */
  build(): Column {
    const values = this.#numbers.slice(0, this.#length);
    if (this.#isText) return { dtype: "object", values: this.#text };
    if (this.#length === 0) return { dtype: "object", values: [] };
    if (this.#present === 0) return { dtype: "float64", values };
    if (this.#numeric) {
      return { dtype: this.#integral && this.#missing === 0 ? "int64" : "float64", values };
    }
    if (this.#missing === 0) return { dtype: "bool", values };
    return {
      dtype: "object",
      values: Array.from(values, (v) => Number.isNaN(v) ? null : v === 1),
    };
  }
}
