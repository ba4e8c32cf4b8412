/**
 * Parsing of `.dvc` files (DVC 3): the `outs` a `dvc add` records.
 *
 * @module
 */
import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { z } from "zod";
import { isDirHash, isMd5 } from "./object_key.ts";

const objectHash = z.string().refine((v) => isMd5(v) || isDirHash(v), {
  message: "expected an md5 (32 lowercase hex digits), optionally followed by .dir",
});

/** A count, as the failsafe YAML schema leaves it: a string of digits. */
const count = z.string().regex(/^\d+$/, "expected a whole number").transform(Number);

/** One output of a `.dvc` file. Unknown keys (`cloud`, `remote`, `push`…) are dropped. */
export const DvcOut = z.object({
  md5: objectHash,
  path: z.string().min(1),
  size: count.optional(),
  nfiles: count.optional(),
  hash: z.literal("md5", {
    message: "expected `hash: md5` (DVC 3); files written by DVC 2 must be re-added with DVC 3",
  }),
});

/** One output of a `.dvc` file. */
export type DvcOut = z.infer<typeof DvcOut>;

/** The part of a `.dvc` file the loader needs. */
export const DvcFile = z.object({ outs: z.array(DvcOut).min(1) });

/** The part of a `.dvc` file the loader needs. */
export type DvcFile = z.infer<typeof DvcFile>;

/**
 * Parses the text of a `.dvc` file; `source` names it in error messages.
 * Throws when the YAML is invalid or an out lacks a DVC 3 md5.
 */
export function parseDvcFile(text: string, source = ".dvc file"): DvcFile {
  let raw: unknown;
  try {
    // Every scalar as the string it is: DVC's writer leaves a path such as `.5e3` unquoted,
    // which YAML 1.2's core schema would read as the number 500.
    raw = parse(text, { schema: "failsafe" });
  } catch (error) {
    throw new Error(`${source} is not valid YAML: ${(error as Error).message}`);
  }
  const parsed = DvcFile.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`${source} is not a valid .dvc file: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

/** Reads and parses a `.dvc` file from disk. */
export async function readDvcFile(path: string): Promise<DvcFile> {
  return parseDvcFile(await readFile(path, "utf8"), path);
}

/**
 * The single out of a `.dvc` file, or of a bare object hash: `"abc….dir"` is accepted as is
 * (with `path` set to `outPath`, default empty) so callers can pin a hash without a file.
 */
export function singleOut(file: DvcFile | string, outPath = ""): DvcOut {
  if (typeof file === "string") {
    const parsed = objectHash.safeParse(file);
    if (!parsed.success) {
      throw new Error(`Invalid DVC hash "${file}": ${parsed.error.issues[0].message}`);
    }
    return { md5: file, path: outPath, hash: "md5" };
  }
  if (file.outs.length !== 1) {
    throw new Error(`Expected one out in the .dvc file, found ${file.outs.length}`);
  }
  return file.outs[0];
}
