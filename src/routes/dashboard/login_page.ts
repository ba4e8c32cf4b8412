/** The sign-in form: the API key, posted once and kept in an HTTP-only cookie. */
import { html } from "hono/html";
import type { Html } from "./layout.ts";

/** The login page's content; `failed` after a wrong key. */
export function loginPage(failed: boolean): Html {
  return html`
    <div
      class="login">${failed
        ? html`<p class="error" role="alert">That key is not accepted.</p>`
        : ""}<p>This server needs an API key. It is kept in a secure, HTTP-only cookie for this browser.</p>
    <form method="post" action="/dashboard/login">
    <label>API key<input type="password" name="key" autocomplete="current-password" required maxlength="500"></label>
    <button type="submit">Sign in</button></form></div>
  `;
}
