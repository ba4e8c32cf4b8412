/**
 * The reply written without an LLM: a polite message in the ticket's language that greets,
 * acknowledges the issue (escalation when urgency is high or critical), quotes the steps of the
 * best article and points to the others.
 */
import type { Topic, Urgency } from "../domain/ticket.ts";
import type { KbArticle, KbLanguage } from "./knowledge_base.ts";
import { truncate } from "./bm25.ts";

/** What the reply needs to know about the ticket. */
export interface ReplyTicket {
  subject: string;
  body: string;
  topic: Topic;
  urgency: Urgency;
  language: KbLanguage;
}

interface Phrases {
  greeting: string;
  acknowledge: (subject: string) => string;
  high: string;
  critical: string;
  /** `foreign`: the article is in the other language. */
  stepsIntro: (title: string, foreign: boolean) => string;
  noArticle: string;
  seeAlso: string;
  reference: (title: string, id: string) => string;
  closing: string;
  signature: string;
}

const phrases: Record<KbLanguage, Phrases> = {
  en: {
    greeting: "Hello,",
    acknowledge: (subject) =>
      `Thank you for contacting the Corvane IT Service Desk. We have received your request "${subject}" and are looking into it.`,
    high:
      "Because of its impact, your ticket has been set to high priority and escalated to our second-level team.",
    critical:
      "Your ticket is marked critical and has been escalated immediately to the on-call team; an engineer will contact you shortly. If the situation gets worse in the meantime, call the Service Desk on ext. 4000.",
    stepsIntro: (title, foreign) =>
      `In the meantime, these steps from our article "${title}"${
        foreign ? " (written in French)" : ""
      } usually solve this kind of problem:`,
    noArticle:
      "An agent will get back to you shortly with the next steps; you can follow your ticket in MyIT (https://myit.corp.example).",
    seeAlso: "These articles may also help:",
    reference: (title, id) => `- "${title}" (MyIT knowledge base: ${id})`,
    closing:
      "If the problem persists after these steps, reply to this message with the exact error message or a screenshot and we will follow up.",
    signature: "Kind regards,\nCorvane IT Service Desk",
  },
  fr: {
    greeting: "Bonjour,",
    acknowledge: (subject) =>
      `Merci d'avoir contacté le Service Desk informatique de Corvane. Nous avons bien reçu votre demande « ${subject} » et nous la prenons en charge.`,
    high:
      "Compte tenu de son impact, votre ticket est passé en priorité haute et a été transmis à notre équipe de niveau 2.",
    critical:
      "Votre ticket est classé critique et a été escaladé immédiatement à l'équipe d'astreinte ; un technicien va vous contacter très rapidement. Si la situation s'aggrave d'ici là, appelez le Service Desk au poste 4000.",
    stepsIntro: (title, foreign) =>
      `En attendant, voici les étapes de notre article « ${title} »${
        foreign ? " (rédigé en anglais)" : ""
      } qui résolvent généralement ce type de problème :`,
    noArticle:
      "Un technicien revient vers vous rapidement avec la marche à suivre ; vous pouvez suivre votre ticket dans MyIT (https://myit.corp.example).",
    seeAlso: "Ces articles peuvent aussi vous aider :",
    reference: (title, id) => `- « ${title} » (base de connaissances MyIT : ${id})`,
    closing:
      "Si le problème persiste après ces étapes, répondez à ce message en joignant le message d'erreur exact ou une capture d'écran, et nous reviendrons vers vous.",
    signature: "Cordialement,\nLe Service Desk informatique de Corvane",
  },
};

/** The reply text; `articles` are ranked, the first one's steps are quoted. */
export function retrievalReply(ticket: ReplyTicket, articles: readonly KbArticle[]): string {
  const text = phrases[ticket.language];
  const subject = truncate(ticket.subject.replace(/\s+/g, " ").trim(), 120);
  let acknowledgement = text.acknowledge(subject);
  if (ticket.urgency === "high") acknowledgement += ` ${text.high}`;
  if (ticket.urgency === "critical") acknowledgement += ` ${text.critical}`;
  const parts = [text.greeting, acknowledgement];
  const [top, ...others] = articles;
  if (top) {
    const steps = top.steps.map((step, i) => `${i + 1}. ${step}`).join("\n");
    parts.push(`${text.stepsIntro(top.title, top.language !== ticket.language)}\n\n${steps}`);
    if (others.length > 0) {
      parts.push(
        [text.seeAlso, ...others.map((article) => text.reference(article.title, article.id))]
          .join("\n"),
      );
    }
    parts.push(text.closing);
  } else {
    parts.push(text.noArticle);
  }
  parts.push(text.signature);
  return parts.join("\n\n");
}
