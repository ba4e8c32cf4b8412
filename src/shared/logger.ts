/** Structured JSON logs, one object per line on stdout (stderr for errors). */
export type LogLevel = "debug" | "info" | "warn" | "error";

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Whether a logger made with `minLevel` writes entries of `level`. */
export function writes(minLevel: LogLevel, level: LogLevel): boolean {
  return rank[level] >= rank[minLevel];
}

/** A logger that drops entries below `minLevel`. */
export function createLogger(minLevel: LogLevel): Logger {
  const write = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (!writes(minLevel, level)) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields });
    if (level === "error") console.error(line);
    else console.log(line);
  };
  return { debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}
