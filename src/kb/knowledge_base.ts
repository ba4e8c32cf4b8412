/**
 * The help-desk knowledge base: Markdown articles with YAML front matter, loaded from a directory
 * and validated so a bad article stops the load with its file name and what is wrong.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { topics } from "../domain/ticket.ts";
import type { Topic } from "../domain/ticket.ts";
import { extractSteps } from "./markdown.ts";

/** Languages an article (and a ticket) can be written in. */
export const kbLanguages = ["en", "fr"] as const;
export type KbLanguage = (typeof kbLanguages)[number];

/** The `kb/` directory of the repository. */
export const defaultKbDir: URL = new URL("../../kb/", import.meta.url);

const FrontMatter = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens"),
  title: z.string().trim().min(5).max(160),
  topic: z.enum(topics),
  language: z.enum(kbLanguages),
  tags: z.array(z.string().trim().min(1)).min(1),
});

/** One validated article. */
export interface KbArticle {
  readonly id: string;
  readonly title: string;
  readonly topic: Topic;
  readonly language: KbLanguage;
  readonly tags: readonly string[];
  /** The Markdown after the front matter. */
  readonly body: string;
  /** The items of the body's first numbered list, inline Markdown kept. */
  readonly steps: readonly string[];
  /** Where the article was read from. */
  readonly file: string;
}

/** One or more articles are invalid; `problems` names each file and what is wrong with it. */
export class KnowledgeBaseError extends Error {
  constructor(readonly problems: readonly { file: string; message: string }[]) {
    super(
      problems.length === 1
        ? `Cannot load knowledge-base article "${problems[0].file}": ${problems[0].message}`
        : `Cannot load the knowledge base, ${problems.length} problems:\n${
          problems.map(({ file, message }) => `  ${file}: ${message}`).join("\n")
        }`,
    );
    this.name = "KnowledgeBaseError";
  }
}

const frontMatterPattern = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Parses and validates one article; `file` names it in errors and its stem must equal the id. */
export function parseArticle(text: string, file: string): KbArticle {
  const fail = (message: string): never => {
    throw new KnowledgeBaseError([{ file, message }]);
  };
  const match = text.match(frontMatterPattern);
  if (!match) return fail("no YAML front matter (the file must start with a --- block)");
  let data: unknown;
  try {
    data = parseYaml(match[1]);
  } catch (error) {
    return fail(`front matter is not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  const parsed = FrontMatter.safeParse(data ?? {});
  if (!parsed.success) {
    return fail(
      `front matter: ${
        parsed.error.issues
          .map((issue) => `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`)
          .join("; ")
      }`,
    );
  }
  const meta = parsed.data;
  const stem = file.replace(/\\/g, "/").split("/").pop()!.replace(/\.md$/i, "");
  if (meta.id !== stem) fail(`id "${meta.id}" must equal the file name "${stem}"`);
  const body = text.slice(match[0].length).trim();
  const steps = extractSteps(body);
  if (steps.length === 0) fail("the body has no numbered steps (1. 2. ...)");
  return { ...meta, body, steps, file };
}

/** True for the Markdown files of a directory that are articles (README.md is not). */
export function isArticleFile(name: string): boolean {
  return name.toLowerCase().endsWith(".md") && name.toLowerCase() !== "readme.md";
}

/**
 * Loads every article of `dir` (sorted by file name), validating all of them: a
 * {@link KnowledgeBaseError} lists every bad file (ids are unique: each equals its file name).
 */
export async function loadKnowledgeBase(dir: string | URL = defaultKbDir): Promise<KbArticle[]> {
  const path = dir instanceof URL ? fileURLToPath(dir) : dir;
  const names: string[] = [];
  try {
    for await (const entry of Deno.readDir(path)) {
      if (entry.isFile && isArticleFile(entry.name)) names.push(entry.name);
    }
  } catch (error) {
    throw new KnowledgeBaseError([{
      file: path,
      message: `cannot read: ${(error as Error).message}`,
    }]);
  }
  names.sort();
  if (names.length === 0) {
    throw new KnowledgeBaseError([{ file: path, message: "no Markdown articles found" }]);
  }
  const problems: { file: string; message: string }[] = [];
  const articles: KbArticle[] = [];
  const texts = await Promise.all(names.map((name) => Deno.readTextFile(join(path, name))));
  names.forEach((name, i) => {
    try {
      articles.push(parseArticle(texts[i], join(path, name)));
    } catch (error) {
      if (!(error instanceof KnowledgeBaseError)) throw error;
      problems.push(...error.problems);
    }
  });
  if (problems.length > 0) throw new KnowledgeBaseError(problems);
  return articles;
}
