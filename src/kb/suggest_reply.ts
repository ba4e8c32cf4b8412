/**
 * The suggested reply to a ticket: the best knowledge-base articles for it (BM25, boosted to its
 * predicted topic and language), written up by an LLM when one is configured and answers in
 * time, otherwise by the retrieval template.
 */
import type { KbHit, KbSearcher } from "./bm25.ts";
import type { KbArticle } from "./knowledge_base.ts";
import { chatCompletion, type LlmConfig, LlmError } from "./llm_client.ts";
import { replyMessages } from "./llm_prompt.ts";
import { type ReplyTicket, retrievalReply } from "./retrieval_reply.ts";

export type { ReplyTicket } from "./retrieval_reply.ts";

/** How many articles the reply draws on (quoted, referenced, or given to the LLM). */
const ARTICLE_COUNT = 3;

/** What {@link suggestReply} needs besides the ticket. */
export interface SuggestReplyOptions {
  /** The searchable knowledge base (a `Bm25Index`). */
  kb: KbSearcher;
  /** When set, an OpenAI-compatible endpoint writes the reply. */
  llm?: LlmConfig;
  /** The fetch used for the LLM (defaults to the global one). */
  fetch?: typeof fetch;
}

/** A suggested reply and the articles it drew on. */
export interface SuggestedReply {
  source: "llm" | "retrieval";
  text: string;
  articles: { id: string; title: string; score: number }[];
  /**
   * Set when an LLM was configured but the retrieval reply was used instead; starts with the
   * failure code (`timeout`, `http_error`, `malformed_response`, `request_failed`).
   */
  fallbackReason?: string;
}

/**
 * Suggests a reply for `ticket`. Never throws because of the LLM: any failure of it falls back
 * to the retrieval reply and says why in `fallbackReason`.
 */
export async function suggestReply(
  ticket: ReplyTicket,
  options: SuggestReplyOptions,
): Promise<SuggestedReply> {
  const hits = relevantArticles(ticket, options.kb);
  const articles = hits.map(({ article, score }) => ({
    id: article.id,
    title: article.title,
    score: Math.round(score * 1000) / 1000,
  }));
  const ranked = hits.map((hit) => hit.article);
  if (options.llm) {
    try {
      const text = await chatCompletion(
        options.llm,
        replyMessages(ticket, ranked),
        options.fetch ?? fetch,
      );
      return { source: "llm", text, articles };
    } catch (error) {
      const reason = error instanceof LlmError
        ? `${error.reason}: ${error.message}`
        : `request_failed: ${(error as Error).message}`;
      return {
        source: "retrieval",
        text: retrievalReply(ticket, ranked),
        articles,
        fallbackReason: reason,
      };
    }
  }
  return { source: "retrieval", text: retrievalReply(ticket, ranked), articles };
}

/**
 * The best articles for the ticket's subject and body; when no article shares a term with it,
 * the articles of its predicted topic (ticket's language first) with a score of 0.
 */
export function relevantArticles(
  ticket: ReplyTicket,
  kb: KbSearcher,
): { article: KbArticle; score: number }[] {
  const hits: KbHit[] = kb.search(`${ticket.subject}\n${ticket.body}`, {
    topic: ticket.topic,
    language: ticket.language,
    limit: ARTICLE_COUNT,
  });
  if (hits.length > 0) return hits;
  return kb.articles
    .filter((article) => article.topic === ticket.topic)
    .sort((x, y) =>
      Number(y.language === ticket.language) - Number(x.language === ticket.language) ||
      x.id.localeCompare(y.id)
    )
    .slice(0, ARTICLE_COUNT)
    .map((article) => ({ article, score: 0 }));
}
