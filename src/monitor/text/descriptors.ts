/**
 * Text columns as descriptor columns the ordinary drift tests can compare. Evidently tests a
 * text column with a domain classifier; for ticket text three plain descriptors say more and
 * need no model: `<column>.length` (characters, numerical), `<column>.language` ("en" or "fr",
 * by the ticket model's own stop-word vote; categorical, so its shares are compared) and, given
 * a vocabulary (the ticket model's, say), `<column>.oov_share` (the share of words, 2+
 * letters after the model's normalisation, that the vocabulary lacks; numerical).
 * @module
 */
import type { Column, Frame, ObjectValue } from "../data/frame.ts";
import { normalizeText } from "../../ml/text_normalization.ts";
import { detectLanguage, termWords } from "../../models/ticket_triage/text_features.ts";
import { DriftInputError } from "../drift_input_error.ts";

/** How text columns are described. */
export interface TextDescriptorOptions {
  /** Known words; when given, each text column also gets an `oov_share` column. */
  vocabulary?: readonly string[];
}

/** The descriptor columns of one text column, named `<name>.<descriptor>`. */
export function textDescriptors(
  name: string,
  values: readonly ObjectValue[],
  options: TextDescriptorOptions = {},
): [string, Column][] {
  const texts = values.map((v) => typeof v === "string" ? v : null);
  const missing = texts.some((t) => t === null);
  const length = Float64Array.from(texts, (t) => t === null ? NaN : t.length);
  const language = texts.map((t) => t === null ? null : detectLanguage(t));
  const columns: [string, Column][] = [
    // A missing text leaves its length missing, which makes the column float64 as in pandas.
    [`${name}.length`, { dtype: missing ? "float64" : "int64", values: length }],
    [`${name}.language`, { dtype: "object", values: language }],
  ];
  if (options.vocabulary) {
    const known = new Set(options.vocabulary);
    const share = Float64Array.from(texts, (t) => {
      const words = t === null ? [] : termWords(normalizeText(t));
      return words.length === 0 ? NaN : words.filter((w) => !known.has(w)).length / words.length;
    });
    columns.push([`${name}.oov_share`, { dtype: "float64", values: share }]);
  }
  return columns;
}

/** The descriptor column names of a text column, split by the type they are tested as. */
export function descriptorNames(name: string, options: TextDescriptorOptions = {}) {
  return {
    numerical: [`${name}.length`, ...(options.vocabulary ? [`${name}.oov_share`] : [])],
    categorical: [`${name}.language`],
  };
}

/** `frame` with each of `textColumns` replaced by its descriptor columns, in place. */
export function describeText(
  frame: Frame,
  textColumns: readonly string[],
  options: TextDescriptorOptions = {},
): Frame {
  const names: string[] = [];
  const columns = new Map(frame.columns);
  for (const name of frame.names) {
    if (!textColumns.includes(name)) {
      names.push(name);
      continue;
    }
    const column = frame.columns.get(name)!;
    if (
      column.dtype !== "object" && frame.rows > 0 && column.values.some((v) => !Number.isNaN(v))
    ) {
      throw new DriftInputError(`Text column "${name}" holds numbers, not text`);
    }
    columns.delete(name);
    const values = column.dtype === "object" ? column.values : new Array(frame.rows).fill(null);
    for (const [descriptor, described] of textDescriptors(name, values, options)) {
      names.push(descriptor);
      columns.set(descriptor, described);
    }
  }
  return { names, columns, rows: frame.rows };
}
