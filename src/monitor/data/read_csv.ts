/**
 * CSV to a typed frame, as `pandas.read_csv(path)` reads it with its defaults: the first row
 * names the columns (a repeated name gets ".1", a blank one "Unnamed: i"), blank lines are
 * skipped, a short row is padded with NaN, and each column is typed by `CsvColumn`. The text
 * is parsed by papaparse in slices cut at record boundaries, so a file larger than one
 * JavaScript string can hold is read too.
 * @module
 */
// @ts-types="@types/papaparse"
import Papa from "papaparse";
import { CsvColumn } from "./csv_column.ts";
import type { Frame } from "./frame.ts";
import { DriftInputError } from "../drift_input_error.ts";

const sliceBytes = 16 * 1024 * 1024;

/** Byte ranges of `bytes`, each ending after a newline that is outside quotes. */
function* slices(bytes: Uint8Array): Generator<Uint8Array> {
  let start = 0, quoted = false, scanned = 0;
  while (start < bytes.length) {
    let end = Math.min(start + sliceBytes, bytes.length);
    if (end < bytes.length) {
      let cut = -1;
      for (let i = scanned; i < bytes.length; i++) {
        if (bytes[i] === 34) quoted = !quoted;
        else if (bytes[i] === 10 && !quoted && i >= end - 1) {
          cut = i + 1;
          break;
        }
      }
      end = cut < 0 ? bytes.length : cut;
      scanned = end;
    }
    yield bytes.subarray(start, end);
    start = end;
  }
}

/** Column names as pandas makes them from the header row. */
function columnNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    const name = raw === "" ? `Unnamed: ${i}` : raw;
    const count = seen.get(name) ?? 0;
    seen.set(name, count + 1);
    return count === 0 ? name : `${name}.${count}`;
  });
}

function parseInto(bytes: Uint8Array, keepText: Set<number>, label: string) {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: false });
  let names: string[] | undefined;
  let columns: CsvColumn[] = [];
  let line = 0;
  for (const slice of slices(bytes)) {
    const text = decoder.decode(slice, { stream: true });
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true, delimiter: "," });
    for (const row of parsed.data) {
      line++;
      if (!names) {
        names = columnNames(row);
        columns = names.map((_, i) => new CsvColumn(keepText.has(i)));
        continue;
      }
      if (row.length > names.length) {
        throw new DriftInputError(
          `Cannot read ${label}: record ${line} has ${row.length} fields, the header has ${names.length}`,
        );
      }
      for (let c = 0; c < columns.length; c++) columns[c].push(row[c]);
    }
  }
  if (!names) throw new DriftInputError(`Cannot read ${label}: no columns to parse (empty file)`);
  return { names, columns };
}

/** Parses CSV bytes; `label` names the input in error messages. */
export function readCsv(bytes: Uint8Array, label: string): Frame {
  let { names, columns } = parseInto(bytes, new Set(), label);
  const retext = new Set(columns.flatMap((column, i) => column.needsText ? [i] : []));
  // A column that turned to text after some numbers is read again, keeping its raw text.
  if (retext.size > 0) ({ names, columns } = parseInto(bytes, retext, label));
  const built = columns.map((column) => column.build());
  return {
    names,
    columns: new Map(names.map((name, i) => [name, built[i]])),
    rows: built[0]?.values.length ?? 0,
  };
}
