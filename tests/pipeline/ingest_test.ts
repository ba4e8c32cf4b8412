/**
 * `deno task ingest`: a help-desk CSV export with a mapping loads into `data/`, DVC versions
 * it (the data hash changes), unknown labels are refused with the list to map, bad rows are
 * refused by the quality gate naming its rules, and training can use the rows alone or mixed.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { runDvc } from "../../src/dvc/mod.ts";
import { generateTickets } from "../../src/pipeline/synthetic/ticket_generator.ts";
import {
  IngestRefusedError,
  ingestTickets,
  parseExport,
  TicketMapping,
} from "../../src/pipeline/ingest.ts";
import { readTrainingRows } from "../../src/pipeline/training_rows.ts";
import { tempGitRepo } from "../support/workspace.ts";
import { dvcFileHash } from "../../src/dvc/mod.ts";

const topicNames: Record<string, string> = {
  access: "Identity & Access",
  hardware: "Hardware",
  software: "Applications",
  network: "Network / VPN",
  email: "Messaging",
  printing: "Print",
  security: "Security",
  storage: "Files & Storage",
};
const priorities: Record<string, string> = { low: "P4", medium: "P3", high: "P2", critical: "P1" };
const mapping = TicketMapping.parse({
  columns: {
    id: "Ticket #",
    subject: "Title",
    body: "Description",
    channel: "Source",
    topic: "Category",
    urgency: "Priority",
    created_at: "Opened",
  },
  labels: {
    topic: Object.fromEntries(Object.entries(topicNames).map(([k, v]) => [v, k])),
    urgency: Object.fromEntries(Object.entries(priorities).map(([k, v]) => [v, k])),
    channel: { "Web form": "portal", "E-mail": "email", Chat: "chat", Phone: "phone" },
  },
});
const sources: Record<string, string> = {
  portal: "Web form",
  email: "E-mail",
  chat: "Chat",
  phone: "Phone",
};

/** A help desk's export: its own column names, labels and date format, quoted multi-line text. */
function exportCsv(count: number, seed: number, edit = (row: string[]) => row): string {
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  const header = ["Ticket #", "Title", "Description", "Source", "Category", "Priority", "Opened"];
  const rows = generateTickets({ count, seed }).map((t, i) =>
    edit([
      `INC${String(i).padStart(6, "0")}`,
      t.subject,
      t.body,
      sources[t.channel],
      topicNames[t.topic],
      priorities[t.urgency],
      t.createdAt.toISOString().replace("T", " ").slice(0, 19),
    ])
  );
  return [header, ...rows].map((row) => row.map(quote).join(",")).join("\r\n");
}

async function workspace(): Promise<string> {
  const root = await tempGitRepo("ingest-");
  await runDvc(root, ["init", "--quiet"]);
  await Deno.mkdir(join(root, "data"));
  await Deno.writeTextFile(join(root, "data", "tickets.jsonl"), "");
  await runDvc(root, ["add", "--quiet", "data"]);
  return root;
}

Deno.test("a mapped CSV export loads into data/, DVC versions it, training can use it", async () => {
  const root = await workspace();
  try {
    const before = await dvcFileHash(join(root, "data.dvc"));
    const file = join(root, "export.csv");
    await Deno.writeTextFile(file, exportCsv(1000, 3));
    const result = await ingestTickets(root, { file, mapping });
    assert.equal(result.rows, 1000);
    assert.notEqual(result.dataHash, before);
    assert.equal(result.dataHash, await dvcFileHash(join(root, "data.dvc")));
    const { rows } = await readTrainingRows(root, "ticket-triage", "own");
    assert.equal(rows.length, 1000);
    assert.equal(rows[0].id, "INC000000");
    // The export's labels came back as the model's classes, row for row.
    const generated = generateTickets({ count: 1000, seed: 3 });
    assert.deepEqual(
      rows.map((r) => [r.topic, r.urgency, r.channel]),
      generated.map((t) => [
        t.topic,
        t.urgency,
        t.channel,
      ]),
    );
    assert.match(String(rows[0].created_at), /^\d{4}-\d\d-\d\dT/);
    // Re-ingesting a changed export changes the hash again.
    await Deno.writeTextFile(file, exportCsv(900, 4));
    assert.notEqual((await ingestTickets(root, { file, mapping })).dataHash, result.dataHash);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("unknown labels are refused with the list of values to map", async () => {
  const root = await workspace();
  try {
    const file = join(root, "export.csv");
    await Deno.writeTextFile(
      file,
      exportCsv(
        120,
        5,
        (row) => row[0].endsWith("7") ? [...row.slice(0, 5), "Sev-2", row[6]] : row,
      ),
    );
    const hash = await dvcFileHash(join(root, "data.dvc"));
    const error = await ingestTickets(root, { file, mapping }).catch((e) => e);
    assert.ok(error instanceof IngestRefusedError);
    assert.match(error.message, /unknown urgency labels .*"Sev-2" \(12 rows\)/);
    assert.match(error.message, /low, medium, high, critical/);
    assert.equal(await dvcFileHash(join(root, "data.dvc")), hash, "nothing was written");
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("bad rows are refused by the quality gate, naming its rules", async () => {
  const root = await workspace();
  try {
    const file = join(root, "export.csv");
    await Deno.writeTextFile(
      file,
      exportCsv(1000, 6, (row) => {
        if (row[0].endsWith("3")) return [row[0], row[1], "   ", ...row.slice(3)];
        if (row[0].endsWith("5")) return ["INC000001", ...row.slice(1)];
        return row;
      }),
    );
    const error = await ingestTickets(root, { file, mapping }).catch((e) => e);
    assert.ok(error instanceof IngestRefusedError);
    assert.match(error.message, /empty_text/);
    assert.match(error.message, /duplicate_id/);
    assert.deepEqual(
      error.report?.violations.map((v: { rule: string }) => v.rule).sort(),
      ["duplicate_id", "empty_text"],
    );
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("exports other than CSV or JSON Lines, and broken lines, are refused clearly", () => {
  assert.throws(() => parseExport("x", "tickets.xlsx"), /expected a \.csv or \.jsonl file/);
  assert.throws(() => parseExport('{"a":1}\nnot json\n', "t.jsonl"), /t\.jsonl:2 is not a JSON/);
  assert.deepEqual(parseExport('{"subject":"a"}\n\n', "t.jsonl"), [{ subject: "a" }]);
});
