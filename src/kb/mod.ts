/** The help-desk knowledge base: loading, BM25 search and suggested replies. */
export { Bm25Index, type KbSearcher } from "./bm25.ts";
export { loadKnowledgeBase } from "./knowledge_base.ts";
export type { LlmConfig } from "./llm_client.ts";
export { suggestReply } from "./suggest_reply.ts";
