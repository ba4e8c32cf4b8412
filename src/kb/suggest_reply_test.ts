import assert from "node:assert/strict";
import { Bm25Index } from "./bm25.ts";
import { loadKnowledgeBase } from "./knowledge_base.ts";
import { completionsUrl, type LlmConfig } from "./llm_client.ts";
import { type ReplyTicket, suggestReply } from "./suggest_reply.ts";

const kb = new Bm25Index(await loadKnowledgeBase());

const vpnEn: ReplyTicket = {
  subject: "VPN keeps disconnecting",
  body: "Since this morning Corvane Connect drops every 5 minutes when I work from home.",
  topic: "network",
  urgency: "medium",
  language: "en",
};
const passwordFr: ReplyTicket = {
  subject: "Mot de passe oublié",
  body: "Bonjour, j'ai oublié mon mot de passe et je ne peux plus me connecter à Outlook.",
  topic: "access",
  urgency: "high",
  language: "fr",
};

Deno.test("the retrieval reply is in English for an English ticket, with the top article's steps", async () => {
  const reply = await suggestReply(vpnEn, { kb });
  assert.equal(reply.source, "retrieval");
  assert.equal(reply.fallbackReason, undefined);
  assert.equal(reply.articles[0].id, "network-vpn-reconnect-en");
  assert.ok(reply.articles.length <= 3 && reply.articles.length >= 2);
  assert.match(reply.text, /^Hello,\n\nThank you for contacting the Corvane IT Service Desk/);
  assert.match(reply.text, /"VPN keeps disconnecting"/);
  assert.match(reply.text, /steps from our article "VPN keeps disconnecting or will not connect/);
  assert.match(reply.text, /\n1\. Check your internet connection first/);
  assert.match(reply.text, /\n7\. Still failing/);
  assert.match(reply.text, new RegExp(`MyIT knowledge base: ${reply.articles[1].id}`));
  assert.match(reply.text, /Kind regards,\nCorvane IT Service Desk$/);
  assert.doesNotMatch(reply.text, /escalated/);
});

Deno.test("the retrieval reply is in French for a French ticket and mentions the escalation", async () => {
  const reply = await suggestReply(passwordFr, { kb });
  assert.equal(reply.articles[0].id, "access-mot-de-passe-oublie-fr");
  assert.match(reply.text, /^Bonjour,\n\nMerci d'avoir contacté le Service Desk/);
  assert.match(reply.text, /« Mot de passe oublié »/);
  assert.match(reply.text, /priorité haute et a été transmis à notre équipe de niveau 2/);
  assert.match(reply.text, /\n1\. Depuis n'importe quel navigateur/);
  assert.match(reply.text, /Cordialement,\nLe Service Desk informatique de Corvane$/);
  assert.doesNotMatch(reply.text, /Thank you|Kind regards/);

  const critical = await suggestReply({ ...vpnEn, urgency: "critical" }, { kb });
  assert.match(critical.text, /marked critical and has been escalated immediately/);
});

Deno.test("an article in the other language is flagged; no match falls back to the topic", async () => {
  const englishOnly = new Bm25Index(kb.articles.filter((a) => a.language === "en"));
  const flagged = await suggestReply(passwordFr, { kb: englishOnly });
  const [english] = flagged.articles;
  assert.ok(english.id.endsWith("-en"));
  assert.match(flagged.text, /^Bonjour,/);
  assert.ok(flagged.text.includes(`« ${english.title} » (rédigé en anglais) qui résolvent`));
  assert.doesNotMatch((await suggestReply(passwordFr, { kb })).text, /rédigé en anglais/);

  const none = await suggestReply(
    { subject: "zzz", body: "qqq", topic: "printing", urgency: "low", language: "fr" },
    { kb },
  );
  assert.ok(none.articles.length > 0);
  assert.ok(none.articles.every((a) => a.score === 0));
  const first = kb.articles.find((a) => a.id === none.articles[0].id)!;
  assert.equal(first.topic, "printing");
  assert.equal(first.language, "fr");
});

/** A local OpenAI-compatible server; the first path segment picks its behaviour. */
function startFakeLlm() {
  type ChatRequest = { model: string; messages: { role: string; content: string }[] };
  const requests: { path: string; authorization: string | null; body: ChatRequest }[] = [];
  const held: (() => void)[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (req) => {
    const path = new URL(req.url).pathname;
    const body: ChatRequest = await req.json();
    requests.push({ path, authorization: req.headers.get("authorization"), body });
    const mode = path.split("/")[1];
    // Held until the test releases it, long after the client gave up.
    if (mode === "slow") await new Promise<void>((resolve) => held.push(resolve));
    if (mode === "error") return new Response("upstream overloaded", { status: 500 });
    if (mode === "garbage") return new Response("<html>not json", { status: 200 });
    if (mode === "empty") return Response.json({ id: "x", choices: [] });
    const language = body.messages[0].content.includes("in French") ? "fr" : "en";
    return Response.json({
      id: "chatcmpl-test",
      object: "chat.completion",
      model: body.model,
      choices: [{
        index: 0,
        finish_reason: "stop",
        message: { role: "assistant", content: `  LLM reply (${language}) for ${body.model}  ` },
      }],
    });
  });
  const base = `http://127.0.0.1:${server.addr.port}`;
  const llm = (mode: string, timeoutMs = 2_000): LlmConfig => ({
    baseUrl: `${base}/${mode}/v1/`,
    apiKey: "test-key",
    model: "test-model",
    timeoutMs,
  });
  const release = () => held.splice(0).forEach((resolve) => resolve());
  return { server, requests, llm, release };
}

Deno.test("the LLM writes the reply when it answers, and falls back when it does not", async (t) => {
  const { server, requests, llm, release } = startFakeLlm();
  try {
    await t.step("answers: source llm, request in the chat-completions shape", async () => {
      const reply = await suggestReply(passwordFr, { kb, llm: llm("ok") });
      assert.equal(reply.source, "llm");
      assert.equal(reply.text, "LLM reply (fr) for test-model");
      assert.equal(reply.fallbackReason, undefined);
      assert.equal(reply.articles[0].id, "access-mot-de-passe-oublie-fr");
      const sent = requests.at(-1)!;
      assert.equal(sent.path, "/ok/v1/chat/completions");
      assert.equal(sent.authorization, "Bearer test-key");
      assert.equal(sent.body.model, "test-model");
      assert.deepEqual(sent.body.messages.map((m) => m.role), ["system", "user"]);
      assert.match(sent.body.messages[0].content, /Write the reply in French/);
      assert.match(sent.body.messages[0].content, /escalated to the second-level team/);
      const context = sent.body.messages[1].content;
      assert.match(context, /urgency: high/);
      assert.match(context, /Subject: Mot de passe oublié/);
      for (const article of reply.articles) assert.ok(context.includes(`id: ${article.id}`));
      assert.equal(context.match(/^\[\d\] id: /gm)?.length, reply.articles.length);
    });

    await t.step("no API key: no Authorization header", async () => {
      const reply = await suggestReply(vpnEn, { kb, llm: { ...llm("ok"), apiKey: undefined } });
      assert.equal(reply.text, "LLM reply (en) for test-model");
      assert.equal(requests.at(-1)!.authorization, null);
    });

    await t.step("too slow: timeout, retrieval reply", async () => {
      const reply = await suggestReply(vpnEn, { kb, llm: llm("slow", 150) });
      assert.equal(reply.source, "retrieval");
      assert.equal(reply.fallbackReason, "timeout: the LLM did not answer within 150 ms");
      assert.match(reply.text, /^Hello,/);
      assert.equal(reply.articles[0].id, "network-vpn-reconnect-en");
      release();
    });

    await t.step("HTTP 500: http_error, retrieval reply", async () => {
      const reply = await suggestReply(passwordFr, { kb, llm: llm("error") });
      assert.equal(reply.source, "retrieval");
      assert.equal(
        reply.fallbackReason,
        "http_error: the LLM answered HTTP 500: upstream overloaded",
      );
      assert.match(reply.text, /^Bonjour,/);
    });

    await t.step("garbage: malformed_response, retrieval reply", async () => {
      const garbage = await suggestReply(vpnEn, { kb, llm: llm("garbage") });
      assert.equal(garbage.source, "retrieval");
      assert.equal(
        garbage.fallbackReason,
        "malformed_response: the LLM answered 200 with a non-JSON body",
      );
      const empty = await suggestReply(vpnEn, { kb, llm: llm("empty") });
      assert.equal(empty.source, "retrieval");
      assert.match(empty.fallbackReason!, /^malformed_response: .*choices/);
    });
  } finally {
    release();
    await server.shutdown();
  }

  await t.step("nobody listening: request_failed, retrieval reply", async () => {
    const reply = await suggestReply(vpnEn, { kb, llm: llm("ok") });
    assert.equal(reply.source, "retrieval");
    assert.match(reply.fallbackReason!, /^request_failed: the LLM request failed: /);
  });
});

Deno.test("an injected fetch is used, and the URL never doubles its slash", async () => {
  assert.equal(completionsUrl("http://h/v1/"), "http://h/v1/chat/completions");
  const urls: string[] = [];
  const fakeFetch: typeof fetch = (input) => {
    urls.push(String(input));
    return Promise.resolve(Response.json({ choices: [{ message: { content: "hi" } }] }));
  };
  const reply = await suggestReply(vpnEn, {
    kb,
    llm: { baseUrl: "https://llm.example/v1", model: "m", timeoutMs: 1000 },
    fetch: fakeFetch,
  });
  assert.equal(reply.text, "hi");
  assert.deepEqual(urls, ["https://llm.example/v1/chat/completions"]);
});
