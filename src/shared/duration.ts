import { z } from "zod";

const units = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Milliseconds of a duration written `<n><s|m|h|d>` ("90s", "15m", "1h", "7d"), or undefined. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)([smhd])$/.exec(text.trim());
  if (!match) return undefined;
  const ms = Number(match[1]) * units[match[2] as keyof typeof units];
  return ms > 0 ? ms : undefined;
}

/** A duration variable or flag, in milliseconds. */
export const durationSchema = z.string().transform((text, context) => {
  const ms = parseDuration(text);
  if (ms === undefined) {
    context.addIssue({ code: "custom", message: 'must be a duration such as "30m", "1h" or "7d"' });
    return z.NEVER;
  }
  return ms;
});
