import type { Random } from "../../ml/random.ts";

const isLetter = (char: string) => char.toLowerCase() !== char.toUpperCase();

/**
 * Adds `edits` keyboard slips (swap two neighbours, drop or double a letter) at random
 * letter positions, the way hurried users type; non-letters are left alone so codes survive.
 */
export function addTypos(text: string, random: Random, edits: number): string {
  let chars = [...text];
  if (chars.length < 2) return text;
  for (let edit = 0; edit < edits; edit++) {
    // A few tries to land on a letter; short or symbol-only texts are left unchanged.
    for (let attempt = 0; attempt < 8; attempt++) {
      const at = random.int(0, chars.length - 2);
      if (!isLetter(chars[at]) || !isLetter(chars[at + 1])) continue;
      const kind = random.int(0, 2);
      if (kind === 0) [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]];
      else if (kind === 1) chars = [...chars.slice(0, at), ...chars.slice(at + 1)];
      else chars = [...chars.slice(0, at), chars[at], ...chars.slice(at)];
      break;
    }
  }
  return chars.join("");
}

/** Capitalizes the first letter (templates may start with a slot such as "my laptop"). */
export function capitalize(text: string): string {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}
