import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { parse, stringify } from "yaml";
import { z } from "zod";

/**
 * The model pointer: which version of each model an environment serves. Strict: a misspelt
 * key (`chalenger:`) is an invalid pointer, not a silently unpinned challenger.
 */
export const ModelPointer = z.strictObject({
  models: z.record(
    z.string(),
    z.strictObject({
      version: z.string().min(1),
      /** Scored beside the champion on the same requests, off the response path. */
      challenger: z.string().min(1).optional(),
    }),
  ),
  /** md5 of the `models` directory in `models.dvc` when the pointer was written. */
  models_dvc_md5: z.string().optional(),
});

export type ModelPointer = z.infer<typeof ModelPointer>;

const header = "# Model versions served by this environment. Promotion changes this file in one\n" +
  "# commit; rolling back is `git revert` of that commit.\n";

/** Reads a pointer file; undefined when it does not exist, an error when it is invalid. */
export async function readPointer(path: string): Promise<ModelPointer | undefined> {
  if (!existsSync(path)) return undefined;
  return parsePointer(await readFile(path, "utf8"), path);
}

/** Parses a pointer's text (`source` names it in errors: a path, `HEAD:<path>`). */
export function parsePointer(text: string, source: string): ModelPointer {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    // The YAML error's first line says what and where (a conflicted merge, a typo).
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new Error(`Invalid model pointer ${source}: not valid YAML: ${reason}`);
  }
  const parsed = ModelPointer.safeParse(document);
  if (!parsed.success) {
    const problems = z.prettifyError(parsed.error).replaceAll(/\n\s*/g, " ");
    throw new Error(`Invalid model pointer ${source}: ${problems}`);
  }
  return parsed.data;
}

/** Writes a pointer file (creating its folder). */
export async function writePointer(path: string, pointer: ModelPointer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, header + stringify(ModelPointer.parse(pointer)));
}
