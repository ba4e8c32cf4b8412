/**
 * Processes of `deno task bench:serve`: spawning servers with their output in a log file,
 * waiting for them with bounded polls, stopping them (every one, also on failure), and
 * reading their CPU time and resident memory from /proc.
 */
import { join } from "node:path";

/** A spawned server: its process, where it listens and where its output goes. */
export interface Server {
  name: string;
  child: Deno.ChildProcess;
  port: number;
  logPath: string;
  /** How it ended, once it has: "exit code 1", "signal SIGKILL". */
  ended?: string;
}

const running = new Set<Server>();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

/** Spawns `command args` in `cwd` with `env` added; stdout and stderr go to `logPath`. */
export async function spawnServer(
  name: string,
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; port: number; logPath: string },
): Promise<Server> {
  const log = await Deno.open(options.logPath, { write: true, create: true, append: true });
  const child = new Deno.Command(command, {
    args,
    cwd: options.cwd,
    env: options.env,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = log.writable.getWriter();
  const copy = async (stream: ReadableStream<Uint8Array>) => {
    for await (const chunk of stream) await writer.write(chunk).catch(() => {});
  };
  Promise.all([copy(child.stdout), copy(child.stderr)]).finally(() =>
    writer.close().catch(() => {})
  );
  const server: Server = { name, child, port: options.port, logPath: options.logPath };
  child.status.then((status) =>
    server.ended = status.signal ? `signal ${status.signal}` : `exit code ${status.code}`
  );
  running.add(server);
  return server;
}

/** The last lines of a server's log, to explain a failure. */
export async function logTail(server: Server, lines = 15): Promise<string> {
  const text = await Deno.readTextFile(server.logPath).catch(() => "");
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

/** Polls GET `path` until it answers 200; throws with the log tail after `timeoutMs`. */
export async function waitFor(server: Server, path: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline && !server.ended) {
    const response = await fetch(`http://127.0.0.1:${server.port}${path}`, {
      signal: AbortSignal.timeout(1_000),
    }).catch(() => undefined);
    await response?.body?.cancel();
    if (response?.status === 200) return;
    await sleep(10);
  }
  throw new Error(
    `Server "${server.name}" did not answer 200 on ${path} ${
      server.ended ? `(it ended: ${server.ended})` : `within ${timeoutMs / 1000} s`
    }; its log ends with:\n${await logTail(server)}`,
  );
}

/** Stops a server: SIGTERM, then SIGKILL when it has not exited after `graceMs`. */
export async function stopServer(server: Server, graceMs = 5_000): Promise<void> {
  if (!running.delete(server)) return;
  const signal = (name: Deno.Signal) => {
    try {
      server.child.kill(name);
    } catch { /* already exited */ }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), graceMs);
  await server.child.status;
  clearTimeout(timer);
}

/** Stops every server still running (the bench's `finally` and its Ctrl-C handler). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((server) => stopServer(server)));
}

/** Resident memory of a process in MB (10^6 bytes): VmRSS of /proc/<pid>/status. */
export async function residentMB(pid: number, field: "VmRSS" | "VmHWM" = "VmRSS"): Promise<number> {
  const status = await Deno.readTextFile(`/proc/${pid}/status`);
  const kib = Number(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, "m").exec(status)?.[1]);
  if (!Number.isFinite(kib)) throw new Error(`Cannot read ${field} of process ${pid}`);
  return (kib * 1024) / 1e6;
}

/**
 * Resets a process's VmHWM to its present VmRSS (writing 5 to `/proc/<pid>/clear_refs`), so
 * that the next read of VmHWM is the peak since now; false when the kernel refuses.
 */
export async function resetPeakResident(pid: number): Promise<boolean> {
  return await Deno.writeTextFile(`/proc/${pid}/clear_refs`, "5").then(() => true, () => false);
}

/** The command name and CPU seconds (user + system, every thread) of /proc/<pid>/stat. */
export function parseStat(stat: string): { command: string; cpu: number } {
  const command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { command, cpu: (Number(fields[11]) + Number(fields[12])) / 100 }; // clock ticks
}

/** CPU seconds (user + system) a process has used so far; 0 once it is gone. */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await Deno.readTextFile(`/proc/${pid}/stat`).catch(() => "");
  return stat ? parseStat(stat).cpu : 0;
}

/** CPU seconds used so far by every running process named `command` (e.g. "postgres"). */
export async function cpuSecondsOf(command: string): Promise<number> {
  let total = 0;
  for await (const entry of Deno.readDir("/proc")) {
    if (!/^\d+$/.test(entry.name)) continue;
    const stat = await Deno.readTextFile(`/proc/${entry.name}/stat`).catch(() => "");
    const parsed = stat ? parseStat(stat) : undefined;
    if (parsed?.command === command) total += parsed.cpu;
  }
  return total;
}

/**
 * Waits until every server is idle (under 5% of a CPU over 500 ms), at most `timeoutMs`:
 * our server drains its prediction log after a burst and must not steal the CPU while the
 * next server is measured.
 */
export async function waitQuiet(servers: Server[], timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const before = await Promise.all(servers.map((s) => cpuSeconds(s.child.pid)));
    await sleep(500);
    const after = await Promise.all(servers.map((s) => cpuSeconds(s.child.pid)));
    if (after.every((cpu, i) => cpu - before[i] < 0.025)) return;
  }
}

/** Stops every server on Ctrl-C, then runs `cleanup` (errors ignored) before exiting. */
export function stopAllOnInterrupt(cleanup: () => Promise<unknown> = async () => {}): void {
  Deno.addSignalListener("SIGINT", () => {
    console.error("\nInterrupted: stopping the servers ...");
    stopAll().then(cleanup).catch(() => {}).finally(() => Deno.exit(130));
  });
}

/** The log file of one server in `dir`. */
export const logFile = (dir: string, name: string) => join(dir, `${name}.log`);
