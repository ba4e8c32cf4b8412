/**
 * The data sets of `deno task bench:monitor`: seeded CSVs of `rows` rows, 70% numeric columns
 * (normal, exponential and integer values) and 30% categorical ones (text), the current
 * data shifted a little so some columns drift.
 */
import { createRandom } from "../src/ml/random.ts";

/** Writes `<dir>/reference.csv` and `<dir>/current.csv`; returns their paths. */
export async function writeBenchData(
  dir: string,
  rows: number,
  columns: number,
): Promise<{ reference: string; current: string }> {
  const write = async (path: string, seed: number, shift: number) => {
    const generator = createRandom(seed);
    const random = () => generator.next();
    const normal = () => generator.normal(0, 1);
    const numeric = Math.round(columns * 0.7);
    const names = Array.from({ length: columns }, (_, i) => i < numeric ? `num_${i}` : `cat_${i}`);
    const file = await Deno.open(path, { write: true, create: true, truncate: true });
    const encoder = new TextEncoder();
    let chunk = `${names.join(",")}\n`;
    for (let r = 0; r < rows; r++) {
      const cells = names.map((_, i) => {
        if (i >= numeric) {
          return ["alpha", "beta", "gamma", "delta"][Math.floor(random() ** (1 + shift) * 4)];
        }
        if (i % 3 === 0) return (normal() + shift * (i % 2)).toFixed(4);
        if (i % 3 === 1) return (-Math.log(1 - random()) * (1 + shift)).toFixed(4);
        return String(Math.floor(random() * (200 + i)));
      });
      chunk += `${cells.join(",")}\n`;
      if (chunk.length > 1 << 20) {
        await file.write(encoder.encode(chunk));
        chunk = "";
      }
    }
    await file.write(encoder.encode(chunk));
    file.close();
  };
  const reference = `${dir}/reference.csv`, current = `${dir}/current.csv`;
  await write(reference, 1, 0);
  await write(current, 2, 0.05);
  return { reference, current };
}
