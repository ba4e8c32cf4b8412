import assert from "node:assert/strict";
import { Bm25Index } from "./bm25.ts";
import { type KbArticle, loadKnowledgeBase } from "./knowledge_base.ts";
import { stem, tokenize } from "./tokenize.ts";

const index = new Bm25Index(await loadKnowledgeBase());
const top = (query: string, options = {}) => index.search(query, options)[0]?.id;

Deno.test("tokens are folded, stop words dropped, inflections stemmed alike", () => {
  assert.deepEqual(tokenize("Mot de passe OUBLIÉ !"), ["mot", "pass", "oubli"]);
  assert.deepEqual(tokenize("the VPN keeps disconnecting"), ["vpn", "keep", "disconnect"]);
  assert.equal(stem("disconnected"), stem("disconnects"));
  assert.equal(stem("imprimantes"), stem("imprimante"));
  assert.equal(stem("expiré".normalize("NFD").replace(/\p{M}/gu, "")), stem("expired"));
  assert.equal(stem("access"), "access");
  assert.equal(stem("policies"), "policy");
  assert.equal(stem("0x80070005"), "0x80070005");
  assert.deepEqual(tokenize("e-mail, Wi-Fi, log in"), ["email", "wifi", "login"]);
});

Deno.test("English and French queries find the right article", () => {
  const cases: [string, string][] = [
    ["mot de passe oublié", "access-mot-de-passe-oublie-fr"],
    ["I forgot my password", "access-password-reset-en"],
    ["VPN keeps disconnecting", "network-vpn-reconnect-en"],
    ["mon VPN se déconnecte sans arrêt en télétravail", "network-vpn-deconnexions-fr"],
    ["printer queue stuck, documents not printing", "printing-clear-queue-en"],
    [
      "l'imprimante n'imprime plus, la file d'attente est bloquée",
      "printing-vider-file-attente-fr",
    ],
    ["suspicious e-mail, I think it is phishing", "security-phishing-report-en"],
    ["j'ai reçu un mail d'hameçonnage", "security-signaler-hameconnage-fr"],
    ["my mailbox is full and I cannot send", "email-mailbox-quota-en"],
    ["boîte aux lettres pleine", "email-boite-pleine-fr"],
    ["disk full, low disk space on C", "storage-disk-full-cleanup-en"],
    ["need access to the finance shared drive", "storage-shared-drive-access-en"],
    ["new phone, Microsoft Authenticator MFA no longer works", "access-mfa-reenrolment-en"],
    ["Wi-Fi ne marche pas en salle de réunion", "network-wifi-depannage-fr"],
    ["laptop screen cracked, I need a replacement", "hardware-laptop-replacement-en"],
    ["Excel crashes when opening a file", "software-app-crash-en"],
    ["j'ai perdu mon PC portable dans le train", "security-appareil-perdu-vole-fr"],
  ];
  for (const [query, expected] of cases) assert.equal(top(query), expected, query);
});

Deno.test("the predicted topic boosts its articles without filtering the others", () => {
  const query = "need access to a shared folder";
  const plain = index.search(query);
  assert.equal(plain[0].id, "storage-shared-drive-access-en");
  const boosted = index.search(query, { topic: "email" });
  assert.equal(boosted[0].id, "email-shared-mailbox-en");
  assert.ok(boosted.some((hit) => hit.topic !== "email"), "other topics still returned");
  for (const hit of boosted) {
    assert.equal(hit.score, hit.topic === "email" ? hit.bm25 * 1.5 : hit.bm25, hit.id);
  }
  assert.equal(index.search(query, { topic: "storage" })[0].id, "storage-shared-drive-access-en");
});

Deno.test("the ticket's language boosts its articles", () => {
  assert.equal(top("VPN", { language: "fr" }), "network-vpn-deconnexions-fr");
  assert.equal(top("VPN", { language: "en" }), "network-vpn-reconnect-en");
  const both = index.search("VPN", { language: "fr", topic: "network" });
  assert.equal(both[0].score, both[0].bm25 * 1.5 * 1.3);
});

Deno.test("hits are ranked, limited, and carry a short excerpt of the matching passage", () => {
  const hits = index.search("printer queue stuck", { limit: 2 });
  assert.equal(hits.length, 2);
  assert.ok(hits[0].score >= hits[1].score);
  for (const hit of index.search("mailbox quota archive")) {
    assert.ok(hit.excerpt.length > 20 && hit.excerpt.length <= 200, hit.excerpt);
    assert.doesNotMatch(hit.excerpt, /\*\*|`|^#/);
  }
  const [vpn] = index.search("gateway ERR-809");
  assert.equal(vpn.id, "network-vpn-reconnect-en");
  assert.match(vpn.excerpt, /ERR-809/);
  assert.deepEqual(index.search(""), []);
  assert.deepEqual(index.search("the and le la"), []);
  assert.deepEqual(index.search("zzzqqq"), []);
});

Deno.test("scores follow the Okapi BM25 formula (k1 1.2, b 0.75)", () => {
  const doc = (id: string, body: string): KbArticle => ({
    id,
    title: "",
    topic: "network",
    language: "en",
    tags: [],
    body,
    steps: ["x"],
    file: `${id}.md`,
  });
  const docs = [doc("a", "vpn vpn outage"), doc("b", "printer outage"), doc("c", "vpn")];
  const small = new Bm25Index(docs, { titleWeight: 0, tagWeight: 0 });
  const avg = (3 + 2 + 1) / 3;
  const idf = (df: number) => Math.log(1 + (3 - df + 0.5) / (df + 0.5));
  const term = (tf: number, len: number, df: number) =>
    idf(df) * tf * 2.2 / (tf + 1.2 * (1 - 0.75 + 0.75 * len / avg));
  const scores = Object.fromEntries(small.search("vpn outage").map((h) => [h.id, h.bm25]));
  const close = (x: number, y: number) => assert.ok(Math.abs(x - y) < 1e-12, `${x} vs ${y}`);
  close(scores.a, term(2, 3, 2) + term(1, 3, 2));
  close(scores.b, term(1, 2, 2));
  close(scores.c, term(1, 1, 2));
});
