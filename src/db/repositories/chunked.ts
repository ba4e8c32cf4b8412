/**
 * Splits rows so one INSERT stays far below Postgres' 65,535 bind-parameter limit.
 * 500 rows of up to ~15 columns is 7,500 parameters.
 */
export function chunked<T>(rows: readonly T[], size = 500): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += size) {
    chunks.push(rows.slice(start, start + size));
  }
  return chunks;
}
