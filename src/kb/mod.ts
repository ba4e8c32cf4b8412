/** The help-desk knowledge base: loading, BM25 search and suggested replies. */
export {
  defaultKbDir,
  isArticleFile,
  type KbArticle,
  type KbLanguage,
  kbLanguages,
  KnowledgeBaseError,
  loadKnowledgeBase,
  parseArticle,
} from "./knowledge_base.ts";
export {
  Bm25Index,
  type Bm25Options,
  type KbHit,
  type KbSearcher,
  type SearchOptions,
} from "./bm25.ts";
export { stem, tokenize } from "./tokenize.ts";
export {
  chatCompletion,
  type ChatMessage,
  completionsUrl,
  type LlmConfig,
  LlmError,
  type LlmFailure,
} from "./llm_client.ts";
export { type ReplyTicket, retrievalReply } from "./retrieval_reply.ts";
export {
  relevantArticles,
  type SuggestedReply,
  suggestReply,
  type SuggestReplyOptions,
} from "./suggest_reply.ts";
