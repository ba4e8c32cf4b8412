/**
 * The tickets page: recently triaged tickets with their predicted topic and urgency, confidence,
 * review flag and suggested reply, filters, and one form per ticket that sends the correct labels
 * as feedback.
 * @module
 */
import { html, raw } from "hono/html";
import type { TicketTriageRow } from "../../db/mod.ts";
import { topics, urgencies } from "../../domain/ticket.ts";
import { chart, shown } from "./chart.ts";
import type { TicketQuery } from "./dashboard.routes.ts";
import type { Html } from "./layout.ts";

/** A listed ticket and the reply suggested for it. */
export type ListedTicket = TicketTriageRow & { reply: string };

/** What the tickets page shows. */
export interface TicketsPageData {
  query: TicketQuery;
  tickets: ListedTicket[];
  /** The ticket whose labels were just stored, if any. */
  saved?: string;
}

function options(values: readonly string[], selected: string | undefined, any?: string): Html {
  return html`${any === undefined ? "" : html`<option value="">${any}</option>`}${
    values.map((v) => html`<option${v === selected ? raw(" selected") : ""}>${v}</option>`)
  }`;
}

function counts(
  tickets: ListedTicket[],
  pick: (t: ListedTicket) => string,
  classes: readonly string[],
) {
  return classes.map((c) => tickets.filter((t) => pick(t) === c).length);
}

function reviewOptions(selected: TicketQuery["review"]): Html {
  const choices = [["", "any"], ["needed", "needs review"], ["not-needed", "no review needed"]];
  return html`${
    choices.map(([value, text]) =>
      html`
        <option value="${value}" ${raw(
          value === (selected ?? "") ? " selected" : "",
        )}>${text}</option>
      `
    )
  }`;
}

/** The filters as a query string (kept across the feedback form's round trip). */
export function ticketQueryString(query: TicketQuery): string {
  const params = new URLSearchParams();
  if (query.topic) params.set("topic", query.topic);
  if (query.urgency) params.set("urgency", query.urgency);
  if (query.review) params.set("review", query.review);
  const text = params.toString();
  return text ? `?${text}` : "";
}

function ticketCard(t: ListedTicket, back: string): Html {
  return html`
    <article class="ticket" id="ticket-${t.ticketId}" aria-labelledby="subject-${t.ticketId}">
      <h3 id="subject-${t.ticketId}">${t.subject}</h3>
      <dl>
        <dt>topic</dt>
        <dd><span class="topic">${t.topic}</span> (${shown(t.topicConfidence)})${t.trueTopic
          ? html`
            · labelled <strong class="true-topic">${t.trueTopic}</strong>
          `
          : ""}</dd>
        <dt>urgency</dt>
        <dd><span class="urgency">${t.urgency}</span> (${shown(t.urgencyConfidence)})${t.trueUrgency
          ? html`
            · labelled <strong class="true-urgency">${t.trueUrgency}</strong>
          `
          : ""}</dd>
        <dt>review</dt>
        <dd>${t.needsReview
          ? html`<span class="badge review needs-review">needs review</span>`
          : html`<span class="muted needs-review">no</span>`}</dd>
        <dt>triaged</dt>
        <dd>${t.predictedAt} by ${t.version}, ${t.channel}${t.language
          ? `, ${t.language}`
          : ""}</dd>
      </dl>
      <details>
        <summary>Ticket and suggested reply</summary>
        <p class="reply">${t.body}</p>
        <p><strong>Suggested reply</strong></p>
        <p class="reply">${t.reply}</p>
      </details>
      <form method="post" action="/dashboard/tickets/feedback">
    <input type="hidden" name="prediction_id" value="${t.predictionId}">
    <input type="hidden" name="back" value="${back}">
    <label for="topic-${t.ticketId}">Correct topic</label>
    <select id="topic-${t.ticketId}" name="topic">${options(
      topics,
      t.trueTopic ?? t.topic,
    )}</select>
    <label for="urgency-${t.ticketId}">Correct urgency</label>
    <select id="urgency-${t.ticketId}" name="urgency">${options(
      urgencies,
      t.trueUrgency ?? t.urgency,
    )}</select>
    <button type="submit">Send labels</button></form>
    </article>
  `;
}

/** The tickets page's content. */
export function ticketsPage(data: TicketsPageData): Html {
  const { query, tickets } = data;
  const back = ticketQueryString(query);
  return html`
    ${data.saved
      ? html`<p class="notice" role="status" id="saved">Labels stored for ticket ${data.saved}.</p>`
      : ""}<form class="filters" method="get" action="/dashboard/tickets"
      aria-label="Filter tickets">
    <label for="filter-topic">Topic</label>
    <select id="filter-topic" name="topic">${options(topics, query.topic, "any")}</select>
    <label for="filter-urgency">Urgency</label>
    <select id="filter-urgency" name="urgency">${options(urgencies, query.urgency, "any")}</select>
    <label for="filter-review">Review</label>
    <select id="filter-review" name="review">${reviewOptions(query.review)}</select>
    <button type="submit">Filter</button></form>
    <p id="ticket-count">${tickets.length} tickets shown (newest triage first).</p>
    ${tickets.length === 0
      ? ""
      : html`<div class="grid">${
        chart("chart-topics", "Shown tickets per predicted topic", {
          x: topics.map((_, i) => i),
          labels: [...topics],
          xLabel: "topic",
          yLabel: "tickets",
          series: [{
            label: "tickets",
            kind: "bars",
            values: counts(tickets, (t) => t.topic, topics),
          }],
        })
      }${
        chart("chart-urgencies", "Shown tickets per predicted urgency", {
          x: urgencies.map((_, i) => i),
          labels: [...urgencies],
          xLabel: "urgency",
          yLabel: "tickets",
          series: [{
            label: "tickets",
            kind: "bars",
            values: counts(tickets, (t) => t.urgency, urgencies),
          }],
        })
      }</div>`}
    ${tickets.map((t) => ticketCard(t, back))}
  `;
}
