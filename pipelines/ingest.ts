/**
 * The user's own tickets: a help-desk export mapped onto the ticket model's columns, checked
 * by the quality gate, written to `data/own_tickets.jsonl` and versioned with `dvc add data`.
 * Train on them with `deno task pipeline --source own|mixed` (or `train --source`).
 *   deno task ingest --tickets FILE.csv|FILE.jsonl [--mapping M.json]
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { runMain } from "../src/cli.ts";
import { ingestTickets, TicketMapping } from "../src/pipeline/ingest.ts";

/** The mapping file, validated (a bad one names each wrong field). */
async function readMapping(path: string | undefined): Promise<TicketMapping | undefined> {
  if (!path) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new Error(`Cannot read the mapping ${path}: ${(error as Error).message}`);
  }
  const parsed = TicketMapping.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `Invalid mapping ${path}:\n  ${
        parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join(
          "\n  ",
        )
      }`,
    );
  }
  return parsed.data;
}

if (import.meta.main) {
  await runMain(async () => {
    const { values } = parseArgs({
      args: Deno.args,
      options: { tickets: { type: "string" }, mapping: { type: "string" } },
    });
    if (!values.tickets) throw new Error("usage: deno task ingest --tickets FILE [--mapping M]");
    const result = await ingestTickets(Deno.cwd(), {
      file: values.tickets,
      mapping: await readMapping(values.mapping),
    });
    console.log(
      `Ingested ${result.rows} tickets -> data/own_tickets.jsonl (data.dvc md5 ${result.dataHash})`,
    );
  });
}
