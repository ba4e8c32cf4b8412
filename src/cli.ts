/**
 * Plumbing shared by the command-line entries (`pipelines/`, `scripts/`): how a command fails
 * and how its flags are parsed. Nothing here loads the database driver (a CLI that needs no
 * database, such as `drift`, starts faster); `cli_database.ts` opens the database.
 */

/**
 * Runs a command's main: an expected failure prints its message and exits with `exitCode`
 * (1 unless the command documents another), no stack.
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
