/**
 * No secret value is in git: no tracked file holds a cloud key, a token or a private key, and
 * none but the tests' holds a URL with a password outside the documentation's placeholders; `.dvc/config` names the team's
 * remote and no credential for it; the manifests ship no Secret (manifests_test.ts checks that
 * every secret variable comes from one by reference).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseDvcConfig, teamRemote } from "../../src/gitops/team_remote.ts";
import { run } from "../support/workspace.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** Shapes of real secrets, each with what it is. */
const secretShapes: [RegExp, string][] = [
  // AWS's documented example key and the tests' made-up ones aside.
  [/\bAKIA(?![0-9A-Z]*(EXAMPLE|UNKNOWN))[0-9A-Z]{16}\b/, "an AWS access key id"],
  [/aws_secret_access_key\s*[=:]\s*['"]?[A-Za-z0-9/+]{40}/i, "an AWS secret key"],
  [/-----BEGIN (RSA |EC |OPENSSH |DSA |)PRIVATE KEY-----/, "a private key"],
  [/\bgh[pousr]_[A-Za-z0-9]{36}\b/, "a GitHub token"],
  [/\bgithub_pat_[A-Za-z0-9_]{40,}/, "a GitHub token"],
  [/\bsk-[A-Za-z0-9]{32,}\b/, "an API key"],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/, "a Slack token"],
];

/** A URL's `user:password@`, unless it is one of the documentation's placeholders. */
const credentialUrl = /\b[a-z][a-z0-9+.-]*:\/\/([^\s/:@'"`]+):([^\s/@'"`]+)@/gi;
const placeholder = /^(user|app|postgres|u|p|password|\*\*\*|\$\{?\w+\}?)$/;

Deno.test("no tracked file holds a secret", async () => {
  const files = (await run(root, "git", ["ls-files", "-z"])).split("\0").filter(Boolean);
  assert.ok(files.length > 100);
  const found: string[] = [];
  for (const file of files) {
    if (file === "deno.lock" || file.startsWith("tests/support/deno_base_images")) continue;
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(
        await Deno.readFile(join(root, file)),
      );
    } catch {
      continue; // not text
    }
    for (const [shape, what] of secretShapes) {
      if (shape.test(text)) found.push(`${file}: ${what}`);
    }
    // Tests pass made-up credentials on purpose (to see them redacted or refused).
    if (file.endsWith("_test.ts")) continue;
    for (const [, user, password] of text.matchAll(credentialUrl)) {
      if (!placeholder.test(user) || !placeholder.test(password)) {
        found.push(`${file}: a URL with the password of "${user}"`);
      }
    }
  }
  assert.deepEqual(found, []);
});

Deno.test("the shapes are recognised", () => {
  // Put together here, so this file holds none of them.
  const samples = [
    `AKIA${"ABCDEFGHIJKLMNOP"}`,
    `-----BEGIN OPENSSH ${"PRIVATE"} KEY-----`,
    `ghp_${"a".repeat(36)}`,
  ];
  for (const sample of samples) assert.ok(secretShapes.some(([shape]) => shape.test(sample)));
  assert.equal([..."postgres://app:hunter2@db".matchAll(credentialUrl)][0][2], "hunter2");
});

Deno.test(".dvc/config names the team's remote and no credential", async () => {
  const text = await Deno.readTextFile(join(root, ".dvc/config"));
  const remote = await teamRemote(root);
  assert.match(remote.url, /^s3:\/\//);
  for (const [section, options] of parseDvcConfig(text)) {
    for (const option of options.keys()) {
      assert.doesNotMatch(
        option,
        /key|secret|password|user|token|credential/i,
        `[${section}] ${option} belongs in the environment or .dvc/config.local`,
      );
    }
  }
  const ignored = await run(root, "git", ["check-ignore", ".dvc/config.local"]);
  assert.equal(ignored.trim(), ".dvc/config.local");
});
