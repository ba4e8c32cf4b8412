/**
 * The user's own tickets into training: a help-desk export (CSV or JSON Lines) mapped onto the
 * ticket model's columns (subject, body, channel, topic, urgency, created_at), its labels
 * translated by the mapping, unknown labels refused with the list of what to map, the quality
 * gate run, and the rows written to `data/own_tickets.jsonl` and versioned by `dvc add data`.
 * Training uses them with `--source own` (alone) or `--source mixed` (with the synthetic set).
 */
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import Papa from "papaparse";
import { z } from "zod";
import { channels, topics, urgencies } from "../domain/ticket.ts";
import type { QualityReport } from "../domain/dataset_spec.ts";
import { dvcFileHash, runDvc } from "../dvc/mod.ts";
import { checkDataset } from "../ml/quality/quality.ts";
import { type TicketRow, ticketTriage } from "../models/ticket_triage/model.ts";
import { detectLanguage } from "../models/ticket_triage/text_features.ts";
import { trainingEntry } from "../models/training_catalog.ts";

const fields = ["id", "subject", "body", "channel", "topic", "urgency", "created_at"] as const;
type Field = (typeof fields)[number];
const labelled = { channel: channels, topic: topics, urgency: urgencies } as const;
type LabelledField = keyof typeof labelled;

/**
 * `--mapping M.json`: which export column holds each field (default: the field's own name)
 * and how the export's labels translate to the model's classes.
 */
export const TicketMapping = z.strictObject({
  columns: z.strictObject(
    Object.fromEntries(fields.map((field) => [field, z.string().min(1).optional()])) as Record<
      Field,
      z.ZodOptional<z.ZodString>
    >,
  ).default({}),
  labels: z.strictObject({
    channel: z.record(z.string(), z.enum(channels)).optional(),
    topic: z.record(z.string(), z.enum(topics)).optional(),
    urgency: z.record(z.string(), z.enum(urgencies)).optional(),
  }).default({}),
  /** The channel of rows whose export has none (a portal-only help desk, say). */
  defaultChannel: z.enum(channels).optional(),
});
export type TicketMapping = z.infer<typeof TicketMapping>;

/** The export was refused: unknown labels or dates, or the quality gate's report. */
export class IngestRefusedError extends Error {
  constructor(message: string, readonly report?: QualityReport) {
    super(message);
    this.name = "IngestRefusedError";
  }
}

/** The records of a `.csv` (header row) or `.jsonl` export. */
export function parseExport(text: string, fileName: string): Record<string, unknown>[] {
  const kind = extname(fileName).toLowerCase();
  if (kind === ".csv") {
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    const fatal = parsed.errors.find((error) => error.type !== "FieldMismatch");
    if (fatal) {
      throw new IngestRefusedError(`${fileName}: row ${(fatal.row ?? 0) + 2}: ${fatal.message}`);
    }
    return parsed.data;
  }
  if (kind === ".jsonl" || kind === ".ndjson") {
    return text.split("\n").flatMap((line, index) => {
      if (!line.trim()) return [];
      try {
        const value = JSON.parse(line);
        if (value && typeof value === "object" && !Array.isArray(value)) return [value];
      } catch {
        // Reported below.
      }
      throw new IngestRefusedError(`${fileName}:${index + 1} is not a JSON object`);
    });
  }
  throw new IngestRefusedError(`${fileName}: expected a .csv or .jsonl file`);
}

const text = (value: unknown) => value === undefined || value === null ? "" : String(value).trim();

/** A row's own id, or a stable one from its content (re-ingesting gives the same ids). */
function rowId(id: string, subject: string, body: string, createdAt: string): string {
  if (id) return id;
  return `own-${createHash("md5").update(`${subject}\n${body}\n${createdAt}`).digest("hex")}`;
}

/**
 * Maps export records onto ticket rows. Labels are the mapping's translation, or the class
 * itself written in any case; anything else is listed, per field, with its count.
 */
export function mapTickets(
  records: readonly Record<string, unknown>[],
  mapping: TicketMapping,
): { rows: TicketRow[]; problems: string[] } {
  const column = (field: Field) => mapping.columns[field] ?? field;
  const unknown = new Map<LabelledField, Map<string, number>>();
  const badDates: number[] = [];
  const label = (field: LabelledField, raw: string): string => {
    const translated = mapping.labels[field]?.[raw];
    if (translated) return translated;
    const own = (labelled[field] as readonly string[]).find((c) => c === raw.toLowerCase());
    if (own) return own;
    if (raw === "" && field === "channel" && mapping.defaultChannel) return mapping.defaultChannel;
    const values = unknown.get(field) ?? new Map<string, number>();
    values.set(raw, (values.get(raw) ?? 0) + 1);
    unknown.set(field, values);
    return raw;
  };
  const rows = records.map((record, index): TicketRow => {
    const [subject, body] = [text(record[column("subject")]), text(record[column("body")])];
    const rawDate = text(record[column("created_at")]);
    const date = rawDate ? new Date(rawDate) : new Date(0);
    if (Number.isNaN(date.getTime())) badDates.push(index + 1);
    const createdAt = Number.isNaN(date.getTime()) ? rawDate : date.toISOString();
    return {
      id: rowId(text(record[column("id")]), subject, body, createdAt),
      subject,
      body,
      channel: label("channel", text(record[column("channel")])) as TicketRow["channel"],
      language: detectLanguage(`${subject} ${body}`),
      topic: label("topic", text(record[column("topic")])),
      urgency: label("urgency", text(record[column("urgency")])),
      created_at: createdAt,
    };
  });
  const problems = [...unknown].map(([field, values]) =>
    `unknown ${field} labels (map them under "labels.${field}" to one of ${
      labelled[field].join(", ")
    }): ${[...values].map(([value, count]) => `"${value}" (${count} rows)`).join(", ")}`
  );
  if (badDates.length > 0) {
    problems.push(
      `created_at is not a date in rows ${badDates.slice(0, 10).join(", ")}${
        badDates.length > 10 ? ` and ${badDates.length - 10} more` : ""
      }`,
    );
  }
  return { rows, problems };
}

/** Where ingested tickets live in `data/`. */
export function ownTicketsFile(): string {
  const file = trainingEntry(ticketTriage.name).ownDataFile;
  if (!file) throw new Error("ticket-triage has no file for the user's own tickets");
  return file;
}

/**
 * Ingests an export into `data/own_tickets.jsonl` under `root` and runs `dvc add data`;
 * refuses (nothing written) on unknown labels or a failed quality gate.
 */
export async function ingestTickets(
  root: string,
  { file, mapping = TicketMapping.parse({}) }: { file: string; mapping?: TicketMapping },
): Promise<{ rows: number; dataHash: string; report: QualityReport }> {
  const records = parseExport(await readFile(file, "utf8"), file);
  const { rows, problems } = mapTickets(records, mapping);
  if (problems.length > 0) {
    throw new IngestRefusedError(`Cannot ingest ${file}:\n  ${problems.join("\n  ")}`);
  }
  const report = checkDataset(rows.map((row) => ({ ...row })), ticketTriage.datasetSpec);
  if (!report.passed) {
    throw new IngestRefusedError(
      `Cannot ingest ${file}: the quality gate refused it\n  ${
        report.violations.map((v) => v.message).join("\n  ")
      }`,
      report,
    );
  }
  await writeFile(
    join(root, "data", ownTicketsFile()),
    rows.map((row) => JSON.stringify(row)).join("\n") + "\n",
  );
  await runDvc(root, ["add", "--quiet", "data"]);
  return { rows: rows.length, dataHash: await dvcFileHash(join(root, "data.dvc")), report };
}
