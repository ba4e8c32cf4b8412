import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pointerCommit } from "../../src/gitops/pointer_commit.ts";
import { run, tempGitRepo } from "../support/workspace.ts";

const pointer = "models:\n  churn:\n    version: v1\n";

Deno.test("the pointer's last commit: hash, author, time and subject", async () => {
  const repo = await tempGitRepo("pointer-commit-");
  const path = join(repo, "gitops/overlays/staging/model-pointer.yaml");
  await mkdir(join(repo, "gitops/overlays/staging"), { recursive: true });
  await writeFile(path, pointer);
  assert.equal(await pointerCommit(path), undefined, "untracked");
  await run(repo, "git", ["add", "."]);
  await run(repo, "git", [
    "-c",
    "commit.gpgsign=false",
    "commit",
    "--quiet",
    "--author",
    "Ada Ops <ada@example.com>",
    "-m",
    "Pin churn v1",
  ]);
  // A later commit elsewhere does not move the pointer's.
  await writeFile(join(repo, "README.md"), "other\n");
  await run(repo, "git", ["add", "README.md"]);
  await run(repo, "git", ["-c", "commit.gpgsign=false", "commit", "--quiet", "-m", "Other"]);
  const [sha, time] = (await run(repo, "git", ["log", "-1", "--format=%H %cI", "HEAD~1"]))
    .trim().split(" ");

  assert.deepEqual(await pointerCommit(path), {
    sha,
    author: "Ada Ops",
    committedAt: new Date(time),
    subject: "Pin churn v1",
  });
  // Edited since its commit: what a reload reads then is no commit's.
  await writeFile(path, pointer.replace("v1", "v2"));
  assert.equal(await pointerCommit(path), undefined, "changed since committed");
});

Deno.test("outside a repository or without the file: no commit, never an error", async () => {
  const dir = await Deno.makeTempDir({ prefix: "pointer-no-repo-" });
  const path = join(dir, "model-pointer.yaml");
  await writeFile(path, pointer);
  assert.equal(await pointerCommit(path), undefined);
  assert.equal(await pointerCommit(join(dir, "missing/model-pointer.yaml")), undefined);
});
