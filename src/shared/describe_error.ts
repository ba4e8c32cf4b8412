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
