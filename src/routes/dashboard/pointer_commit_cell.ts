/** The pointer commit a deployment was recorded with, as a table cell shows it. */
import { html } from "hono/html";
import type { ModelDeployment } from "../../db/mod.ts";
import type { Html } from "./layout.ts";

/** The commit columns of a deployment record. */
export type PinnedBy = Pick<
  ModelDeployment,
  "pointerCommit" | "pointerAuthor" | "pointerCommittedAt" | "pointerSubject"
>;

/** Short hash, author, commit time and subject; a dash when no commit was recorded. */
export function pointerCommitCell(pinned: PinnedBy | undefined): Html {
  if (!pinned?.pointerCommit) return html`<td class="pointer-commit">–</td>`;
  return html`
    <td
      class="pointer-commit"><code title="${pinned.pointerCommit}">${pinned.pointerCommit.slice(
        0,
        12,
      )}</code> by <span class="author">${pinned
        .pointerAuthor}</span>, ${pinned.pointerCommittedAt?.toISOString() ?? "–"}: <q>${pinned
        .pointerSubject}</q></td>
  `;
}
