/**
 * @module
 * The pipelines' process plumbing that needs no database: running a main and reading
 * numeric flags. (cli.ts re-exports it beside the database helpers; a CLI that must not load
 * the database driver, such as drift, imports this module.)
 */

/**
 * Runs a pipeline's main: an expected failure prints its message and exits with
 * `exitCode` (1 unless the CLI documents another), no stack.
 */
export async function runMain(main: () => Promise<void>, exitCode = 1): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(`✗ ${error instanceof Error ? error.message : error}`);
    Deno.exit(exitCode);
  }
}

/** Parses a positive integer flag or fails naming it. */
export function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) {
    throw new Error(`--${name} must be a positive integer, got "${value}"`);
  }
  return parsed;
}
