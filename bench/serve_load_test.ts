import assert from "node:assert/strict";
import { parseTimes, parseWrk } from "./serve_load.ts";
import { cpuPerRequest } from "./serve_results.ts";

const wrkReport = `Running 10s test @ http://127.0.0.1:8000/v1/models/ticket-triage/predict
  2 threads and 32 connections
  Latency Distribution
     50%    4.49ms
     99%   27.00ms
  38150 requests in 10.00s, 20.12MB read
  Non-2xx or 3xx responses: 2
Requests/sec:   3815.00
Transfer/sec:      2.01MB
`;

Deno.test("wrk's report and bash's times give rates, latencies and CPU seconds", () => {
  const result = parseWrk(wrkReport);
  assert.deepEqual(result, { requestsPerSecond: 3815, p50: 4.49, p99: 27, ok: 38148, errors: 2 });
  assert.equal(parseTimes("0m0.001s 0m0.002s\n1m1.140s 0m6.030s\n"), 67.17);
  assert.throws(() => parseTimes("no times here"), /Cannot parse the output of bash's times/);
});

Deno.test("CPU per request divides a round's CPU seconds by its answers", () => {
  const run = {
    ...parseWrk(wrkReport),
    generatorCpuSeconds: 0.5,
    serverCpuSeconds: 3.8148,
    databaseCpuSeconds: 1.9074,
  };
  const cpu = cpuPerRequest(run);
  assert.equal(Math.round(cpu.server), 100);
  assert.equal(Math.round(cpu.database), 50);
  assert.equal(Math.round(cpu.wrk * 10), 131);
  assert.equal(cpuPerRequest({ ...run, databaseCpuSeconds: undefined }).database, 0);
});
