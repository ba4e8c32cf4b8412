/** How a failure is told (its message and causes) and how a wait on something is bounded. */

/** The first line of an error's message followed by its causes': `Failed query: ...: ...`. */
export function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current != null && depth < 4; depth++) {
    const message = (current as { message?: unknown }).message ?? current;
    parts.push(String(message).split("\n")[0].slice(0, 300));
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join(": ");
}

/** Settles like `promise`, or rejects with `<what> timed out after <ms> ms` once `ms` pass. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
