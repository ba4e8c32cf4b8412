import assert from "node:assert/strict";
import { join } from "node:path";
import { topics } from "../domain/ticket.ts";
import { KnowledgeBaseError, loadKnowledgeBase, parseArticle } from "./knowledge_base.ts";
import { extractSteps, passages } from "./markdown.ts";

const article = (front: string, body = "## Steps\n\n1. Do this.\n2. Then that.\n") =>
  `---\n${front}\n---\n\n${body}`;

const goodFront = [
  "id: printing-test",
  "title: Clear a stuck queue",
  "topic: printing",
  "language: en",
  "tags:",
  "  - printer",
  "  - queue",
].join("\n");

Deno.test("the repository knowledge base loads: 3+ articles per topic, both languages", async () => {
  const articles = await loadKnowledgeBase();
  for (const topic of topics) {
    const ofTopic = articles.filter((a) => a.topic === topic);
    assert.ok(ofTopic.length >= 3, `${topic} has ${ofTopic.length} articles`);
    assert.deepEqual(new Set(ofTopic.map((a) => a.language)), new Set(["en", "fr"]), topic);
  }
  const french = articles.filter((a) => a.language === "fr").length;
  assert.ok(Math.abs(2 * french - articles.length) <= 4, `${french}/${articles.length} in French`);
  for (const a of articles) {
    assert.ok(a.steps.length >= 5, `${a.id} has ${a.steps.length} steps`);
    assert.ok(a.file.endsWith(`${a.id}.md`));
    assert.ok(!a.steps.some((step) => step.includes("\n")), `${a.id}: steps are single lines`);
  }
  assert.ok(!articles.some((a) => a.file.endsWith("README.md")), "README.md is not an article");
});

Deno.test("an article parses into front matter, body and joined steps", () => {
  const parsed = parseArticle(
    article(
      goodFront,
      "Intro.\n\n## Steps\n\n1. Open the **queue**\n   and cancel all.\n2. Retry.\n",
    ),
    "kb/printing-test.md",
  );
  assert.equal(parsed.id, "printing-test");
  assert.equal(parsed.topic, "printing");
  assert.deepEqual(parsed.tags, ["printer", "queue"]);
  assert.deepEqual(parsed.steps, ["Open the **queue** and cancel all.", "Retry."]);
  assert.ok(parsed.body.startsWith("Intro."));
});

Deno.test("a broken article fails with its file name and what is wrong", async () => {
  const dir = await Deno.makeTempDir({ prefix: "kb_test_" });
  try {
    await Deno.writeTextFile(join(dir, "printing-test.md"), article(goodFront));
    await Deno.writeTextFile(join(dir, "README.md"), "# not an article\n");
    assert.equal((await loadKnowledgeBase(dir)).length, 1);

    await Deno.writeTextFile(
      join(dir, "bad-topic.md"),
      article(
        goodFront.replace("printing-test", "bad-topic").replace(
          "topic: printing",
          "topic: plumbing",
        ),
      ),
    );
    await assert.rejects(() => loadKnowledgeBase(dir), (error: Error) => {
      assert.ok(error instanceof KnowledgeBaseError);
      assert.match(error.message, /bad-topic\.md/);
      assert.match(error.message, /topic: Invalid option: expected one of "access"/);
      assert.equal(error.problems.length, 1);
      return true;
    });

    await Deno.writeTextFile(join(dir, "no-front.md"), "# Just a title\n\n1. a step\n");
    await Deno.writeTextFile(
      join(dir, "wrong-id.md"),
      article(goodFront.replace("printing-test", "other-id") + "\nauthor: me", "No steps here."),
    );
    await assert.rejects(() => loadKnowledgeBase(dir), (error: Error) => {
      assert.ok(error instanceof KnowledgeBaseError);
      const byFile = Object.fromEntries(
        error.problems.map((p) => [p.file.split(/[\\/]/).pop(), p.message]),
      );
      assert.deepEqual(Object.keys(byFile).sort(), ["bad-topic.md", "no-front.md", "wrong-id.md"]);
      assert.match(byFile["no-front.md"], /no YAML front matter/);
      assert.match(byFile["wrong-id.md"], /Unrecognized key: "author"/);
      assert.match(error.message, /3 problems/);
      return true;
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("each validation rule names the problem", () => {
  const problem = (text: string, file = "kb/printing-test.md") => {
    try {
      parseArticle(text, file);
    } catch (error) {
      assert.ok(error instanceof KnowledgeBaseError);
      return error.message;
    }
    assert.fail("expected a KnowledgeBaseError");
  };
  assert.match(problem(article(goodFront), "kb/renamed.md"), /id "printing-test" must equal/);
  assert.match(problem(article(goodFront, "Only prose.")), /no numbered steps/);
  assert.match(problem(article("id: [unclosed")), /not valid YAML/);
  assert.match(problem(article(goodFront.replace("language: en", "language: de"))), /language/);
  assert.match(
    problem(article(goodFront.replace(/tags:[\s\S]*/, "tags:\n  - 0x10"))),
    /tags\.0: Invalid input: expected string, received number/,
  );
  assert.match(problem(article(goodFront.replace(/\ntitle:.*/, ""))), /title: Invalid input/);
  assert.match(problem(""), /^Cannot load knowledge-base article "kb\/printing-test\.md"/);
});

Deno.test("an empty or missing directory is an error, not an empty knowledge base", async () => {
  const dir = await Deno.makeTempDir({ prefix: "kb_test_" });
  try {
    await assert.rejects(() => loadKnowledgeBase(dir), /no Markdown articles found/);
    await assert.rejects(() => loadKnowledgeBase(join(dir, "missing")), /cannot read/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("steps come from the first ordered list; passages are plain text", () => {
  const body = [
    "Intro with `code` and a [link](https://x.example).",
    "",
    "```",
    "1. not a step (in a fence)",
    "```",
    "",
    "1. First **bold** step",
    "   continued.",
    "",
    "2. Second step.",
    "",
    "## Later",
    "",
    "1. Another list",
  ].join("\n");
  assert.deepEqual(extractSteps(body), ["First **bold** step continued.", "Second step."]);
  assert.deepEqual(passages(body), [
    "Intro with code and a link.",
    "First bold step continued.",
    "Second step.",
    "Another list",
  ]);
});
