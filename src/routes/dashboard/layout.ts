/**
 * The dashboard's page shell: navigation, the stylesheet and the scripts, all served by the app
 * (no inline script or style: the pages' CSP allows only the app's own files).
 * @module
 */
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

/** Content of a page, as Hono's `html` template builds it. */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The pages, in the navigation's order. */
export const dashboardPages = [
  { path: "/dashboard", title: "Overview" },
  { path: "/dashboard/model", title: "Model" },
  { path: "/dashboard/drift", title: "Drift" },
  { path: "/dashboard/tickets", title: "Tickets" },
  { path: "/dashboard/customers", title: "Customers" },
] as const;

/** What a page says about itself to the shell. */
export interface PageShell {
  title: string;
  /** The navigation entry to mark as current; none on the login page. */
  path?: string;
  /** Whether a session cookie is in use (a sign-out button is shown). */
  signedIn?: boolean;
  /** Whether the page draws charts (loads uPlot and the chart script). */
  charts?: boolean;
}

/** A whole dashboard page around `content`. */
export function layout(shell: PageShell, content: Html): Html {
  const nav = shell.path === undefined ? "" : html`
    <nav aria-label="Dashboard pages">
      <ul>${dashboardPages.map((p) =>
        html`<li><a href="${p.path}"${
          p.path === shell.path ? raw(' aria-current="page"') : ""
        }>${p.title}</a></li>`
      )}</ul>
    </nav>
  `;
  const signOut = shell.signedIn
    ? html`<form method="post" action="/dashboard/logout"><button type="submit">Sign out</button></form>`
    : "";
  const charts = shell.charts
    ? html`<link rel="stylesheet" href="/dashboard/assets/uplot.css">
<script src="/dashboard/assets/uplot.js" defer></script>
<script src="/dashboard/assets/dashboard.js" defer></script>`
    : "";
  return html`
    <!doctype html>
    <html lang="en">
      <head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${shell.title} · Edge inference dashboard</title>
    <link rel="stylesheet" href="/dashboard/assets/dashboard.css">
    ${charts}
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header><strong>Edge inference</strong>${nav}${signOut}</header>
        <main id="main"><h1>${shell.title}</h1>
    ${content}
        </main>
      </body>
    </html>
  `;
}
