/**
 * The data set the pipeline generates when told nothing else, shared by `deno task pipeline`,
 * a server's first run and `deno task bench:train`. Kept free of imports: the server's start-up
 * graph reads it.
 *
 * 80,000 tickets: the impact sentences the urgency follows come in about 30 phrasings per fact
 * and language, and a model learns their combinations only from enough of them. On the
 * hand-written set, the linear model's urgency macro-F1 grew with the rows (means over two to
 * four data seeds: 20k 0.59, 40k 0.62, 60k 0.64, 80k 0.68) while topic stayed about 0.85; its
 * training step takes about 25 s (bench/RESULTS.md).
 */
export const defaultGeneration: Readonly<{ tickets: number; customers: number; seed: number }> = {
  tickets: 80_000,
  customers: 10_000,
  seed: 42,
};
