/**
 * Reads a table file for the drift engine: CSV (as `pandas.read_csv` reads it) or JSON Lines
 * (one object per line, as `pandas.read_json(lines=True)` reads it: integers -> int64,
 * other numbers -> float64, booleans -> bool, strings -> object). JSON does not keep 1.0
 * apart from 1, so a JSON Lines column of integral numbers is int64.
 * @module
 */
import { DriftInputError } from "../drift_input_error.ts";
import { type Frame, frameFromRows } from "./frame.ts";
import { readCsv } from "./read_csv.ts";

/** The table format of a path: `.jsonl`/`.ndjson` are JSON Lines, anything else CSV. */
export function tableFormat(path: string): "csv" | "jsonl" {
  return /\.(jsonl|ndjson)$/i.test(path) ? "jsonl" : "csv";
}

/** Parses JSON Lines text; `label` names the input in error messages. */
export function readJsonLines(text: string, label: string): Frame {
  const rows: Record<string, unknown>[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    let row: unknown;
    try {
      row = JSON.parse(lines[i]);
    } catch (error) {
      throw new DriftInputError(
        `Cannot read ${label}: line ${i + 1} is not JSON (${(error as Error).message})`,
      );
    }
    if (row === null || typeof row !== "object" || Array.isArray(row)) {
      throw new DriftInputError(`Cannot read ${label}: line ${i + 1} is not a JSON object`);
    }
    rows.push(row as Record<string, unknown>);
  }
  return frameFromRows(rows);
}

/** Reads the table at `path` (CSV or JSON Lines by its extension). */
export async function readTable(path: string): Promise<Frame> {
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch (error) {
    const reason = error instanceof Deno.errors.NotFound
      ? "no such file"
      : (error as Error).message;
    throw new DriftInputError(`Cannot read ${path}: ${reason}`);
  }
  if (tableFormat(path) === "jsonl") return readJsonLines(new TextDecoder().decode(bytes), path);
  return readCsv(bytes, path);
}
