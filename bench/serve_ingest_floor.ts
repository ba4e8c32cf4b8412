/**
 * The database's floor under the prediction log, for the bound behind the 50% target: the CPU
 * Postgres itself spends storing one logged prediction (its request row, its output rows,
 * their indexes and WAL) through COPY, its cheapest way in, on the rows ours logged during
 * the run. Only the session's backend is counted (not the WAL writer or the checkpointer),
 * so any server that logs every prediction to Postgres costs the machine at least this much.
 */
import { join } from "node:path";
import { psql } from "./serve_postgres.ts";
import { parseStat } from "./serve_processes.ts";

/** CPU microseconds per prediction of each round, over `predictions` predictions. */
export interface IngestFloor {
  predictions: number;
  rounds: number[];
}

/**
 * Copies up to `predictions` logged predictions of the database at `url` out to files, then
 * COPYs them `rounds` times into empty tables shaped like the log's (same columns, keys and
 * indexes), reading the backend's CPU time around each round. The tables are dropped after.
 * psql and the database must run on this machine (the backend's CPU is read from /proc).
 */
export async function ingestFloor(
  url: string,
  options: { predictions: number; rounds: number },
): Promise<IngestFloor> {
  const dir = await Deno.makeTempDir({ prefix: "ingest-floor-" });
  const requests = join(dir, "requests.tsv");
  const outputs = join(dir, "outputs.tsv");
  const sample = `select * from prediction_requests order by id limit ${options.predictions}`;
  const round = `
truncate ingest_floor_requests, ingest_floor_outputs;
\\! cat /proc/$INGEST_FLOOR_PID/stat
\\copy ingest_floor_requests from '${requests}'
\\copy ingest_floor_outputs from '${outputs}'
\\! cat /proc/$INGEST_FLOOR_PID/stat`;
  try {
    const output = await psql(
      url,
      `
\\set QUIET on
drop table if exists ingest_floor_requests, ingest_floor_outputs;
create table ingest_floor_requests (like prediction_requests including all);
create table ingest_floor_outputs (like prediction_outputs including all);
\\copy (${sample}) to '${requests}'
\\copy (select o.* from prediction_outputs o join (${sample}) r on o.prediction_id = r.id) to '${outputs}'
select pg_backend_pid() as pid \\gset
\\setenv INGEST_FLOOR_PID :pid
${Array(options.rounds).fill(round).join("\n")}
drop table ingest_floor_requests, ingest_floor_outputs;`,
      300_000,
    );
    const logged = (await Deno.readTextFile(requests)).split("\n").length - 1;
    if (logged === 0) throw new Error("No logged prediction to copy: prediction_requests is empty");
    const cpu = output.split("\n").filter((line) => /^\d+ \(/.test(line))
      .map((line) => parseStat(line).cpu);
    const rounds = Array.from(
      { length: options.rounds },
      (_, n) => ((cpu[2 * n + 1] - cpu[2 * n]) * 1e6) / logged,
    );
    return { predictions: logged, rounds };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
