/** Number formats of the Serving section of bench/RESULTS.md. */

/** Requests per second, rounded, with thousands separators: "12,345". */
export const rps = (value: number) => Math.round(value).toLocaleString("en-US");

/** Milliseconds: two decimals under 10, one above. */
export const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);

/** Microseconds: one decimal under 100, none above. */
export const us = (value: number) => value.toFixed(value < 100 ? 1 : 0);

/** A start task's environment and V8 flags as a command line's prefix. */
export const taskPrefix = (task: { env: Record<string, string>; v8Flags: string[] }) =>
  [...Object.entries(task.env).map(([name, value]) => `${name}=${value}`), ...task.v8Flags]
    .join(" ");
