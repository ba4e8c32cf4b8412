/**
 * The chat messages that ask an LLM for a suggested reply: rules in the system prompt, the
 * ticket and the best knowledge-base articles (the only allowed source of steps) as context.
 */
import type { KbArticle } from "./knowledge_base.ts";
import type { ChatMessage } from "./llm_client.ts";
import type { ReplyTicket } from "./retrieval_reply.ts";

/** How much of each article body goes into the prompt. */
const ARTICLE_CHARS = 2500;
/** How much of the ticket body goes into the prompt. */
const TICKET_CHARS = 4000;

const languageNames = { en: "English", fr: "French" } as const;

/** The rules the model follows; the language is the ticket's. */
export function systemPrompt(ticket: ReplyTicket): string {
  return [
    "You are an agent of the Corvane IT Service Desk writing the first reply to a support ticket.",
    `Write the reply in ${languageNames[ticket.language]}, whatever the language of the articles.`,
    "Greet the user, acknowledge their issue in one sentence, then give the concrete steps that",
    "solve it, taken only from the knowledge-base articles provided (most relevant first).",
    "Never invent steps, links, phone numbers, portal names or policies that are not in the articles.",
    "If the articles do not cover the issue, say that an agent will follow up, without guessing.",
    "When the urgency is high, say the ticket has been escalated to the second-level team; when it",
    "is critical, say it has been escalated to the on-call team and an engineer will call shortly.",
    "Cite the article ids you used in parentheses. Never ask for the user's password.",
    'Plain text, numbered steps, at most 250 words, and sign as "Corvane IT Service Desk".',
  ].join("\n");
}

/** The ticket and the articles, as the user message. */
export function contextPrompt(ticket: ReplyTicket, articles: readonly KbArticle[]): string {
  const sources = articles.map((article, i) =>
    [
      `[${i + 1}] id: ${article.id} | topic: ${article.topic} | language: ${article.language}`,
      `title: ${article.title}`,
      article.body.length > ARTICLE_CHARS
        ? `${article.body.slice(0, ARTICLE_CHARS)}\n[...]`
        : article.body,
    ].join("\n")
  );
  return [
    `Ticket (predicted topic: ${ticket.topic}, urgency: ${ticket.urgency}, language: ${
      languageNames[ticket.language]
    })`,
    `Subject: ${ticket.subject}`,
    `Body:\n${ticket.body.slice(0, TICKET_CHARS)}`,
    "",
    "Knowledge-base articles:",
    sources.length > 0 ? sources.join("\n\n---\n\n") : "(none found)",
  ].join("\n");
}

/** System prompt plus context, ready for `chatCompletion`. */
export function replyMessages(ticket: ReplyTicket, articles: readonly KbArticle[]): ChatMessage[] {
  return [
    { role: "system", content: systemPrompt(ticket) },
    { role: "user", content: contextPrompt(ticket, articles) },
  ];
}
