/**
 * One progress bar per epoch on stderr: redrawn in place on a terminal, a single line per
 * epoch otherwise (CI logs stay readable).
 */
export interface EpochProgress {
  batch(done: number, total: number, loss: number): void;
  end(summary: string): void;
}

const encoder = new TextEncoder();
const width = 24;

/** A bar for epoch `epoch` of `epochs`, labelled with `label`. */
export function epochProgress(label: string, epoch: number, epochs: number): EpochProgress {
  const interactive = Deno.stderr.isTerminal();
  const prefix = `${label} epoch ${String(epoch).padStart(2)}/${epochs}`;
  const draw = (fraction: number, tail: string) => {
    const filled = Math.round(fraction * width);
    const bar = "█".repeat(filled) + "░".repeat(width - filled);
    return `${prefix} ${bar} ${Math.round(fraction * 100).toString().padStart(3)}% ${tail}`;
  };
  return {
    batch: (done, total, loss) => {
      if (interactive) {
        Deno.stderr.writeSync(encoder.encode(`\r${draw(done / total, `loss ${loss.toFixed(4)}`)}`));
      }
    },
    end: (summary) => {
      Deno.stderr.writeSync(encoder.encode(`${interactive ? "\r" : ""}${draw(1, summary)}\n`));
    },
  };
}
