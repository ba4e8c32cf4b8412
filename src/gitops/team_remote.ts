/**
 * The team's DVC remote: the default remote that the committed `.dvc/config` names. A pointer
 * that git carries may only pin versions already pushed there; `.dvc/config.local` (this
 * machine's, git-ignored, where the pipeline keeps `DVC_REMOTE_URL`) does not change which
 * remote that is. Credentials never come from either file: the standard `AWS_*` variables of
 * the environment sign S3 requests, and an HTTP remote takes them in its URL.
 */
import { readFile } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import { Refusal } from "./environments.ts";

/** A remote's name and URL (a relative directory already resolved against `.dvc/`). */
export interface TeamRemote {
  name: string;
  url: string;
}

/** DVC's config (configobj INI): section name -> option -> value. */
export function parseDvcConfig(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith(";")) continue;
    const header = /^\[\s*'?(.*?)'?\s*\]$/.exec(line);
    if (header) {
      const name = header[1].replace(/\s+/g, " ");
      current = sections.get(name) ?? new Map();
      sections.set(name, current);
      continue;
    }
    const option = /^([\w.-]+)\s*=\s*(.*)$/.exec(line);
    if (option && current) current.set(option[1], option[2].trim());
  }
  return sections;
}

/**
 * The default remote of `<root>/.dvc/config`. Refuses a project without one: a committed
 * pointer needs a remote the versions it pins can be had from.
 */
export async function teamRemote(root: string): Promise<TeamRemote> {
  const path = join(root, ".dvc", "config");
  const text = await readFile(path, "utf8").catch(() => undefined);
  if (text === undefined) throw new Refusal(`no .dvc/config in ${root}: not a DVC project`);
  const config = parseDvcConfig(text);
  const name = config.get("core")?.get("remote");
  if (!name) throw new Refusal(".dvc/config names no default remote (core.remote)");
  const url = config.get(`remote "${name}"`)?.get("url");
  if (!url) throw new Refusal(`.dvc/config has no url for its default remote "${name}"`);
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url);
  return { name, url: scheme || isAbsolute(url) ? url : resolve(root, ".dvc", url) };
}

/** The remote's URL for messages: no `user:password@`. */
export function shownUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/i, "$1***@");
}
