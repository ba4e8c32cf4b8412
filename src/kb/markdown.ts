/**
 * The little Markdown the knowledge base needs: the numbered steps of an article, and its
 * paragraphs and list items as plain text (for search excerpts).
 */

const orderedItem = /^ {0,3}\d{1,3}[.)][ \t]+(.*)$/;
const fence = /^ {0,3}(```|~~~)/;

/**
 * The items of the first ordered list of `body` (outside code fences), each on one line;
 * continuation lines (indented) are joined, and a blank line between items is allowed.
 */
export function extractSteps(body: string): string[] {
  const steps: string[] = [];
  let inFence = false;
  for (const line of body.split(/\r?\n/)) {
    if (fence.test(line)) {
      if (steps.length > 0) break;
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const item = line.match(orderedItem);
    if (item) steps.push(item[1].trim());
    else if (steps.length === 0 || line.trim() === "") continue;
    else if (/^\s{2,}\S/.test(line)) steps[steps.length - 1] += ` ${line.trim()}`;
    else break;
  }
  return steps.filter((step) => step.length > 0);
}

/** Inline Markdown removed: emphasis, code ticks, links (their text kept), heading marks. */
export function stripInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=[\s).,;:!?]|$)/g, "$1$2")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The body cut into plain-text passages: each paragraph, and each list item on its own;
 * headings, code fences and table rules are left out.
 */
export function passages(body: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let inFence = false;
  const flush = () => {
    const text = stripInline(current.join(" "));
    if (text) out.push(text);
    current = [];
  };
  for (const line of body.split(/\r?\n/)) {
    if (fence.test(line)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const trimmed = line.trim();
    if (trimmed === "" || /^#{1,6}\s/.test(trimmed) || /^\|?[\s:|-]+\|?$/.test(trimmed)) {
      flush();
      continue;
    }
    const item = trimmed.match(/^(?:\d{1,3}[.)]|[-*+])\s+(.*)$/);
    if (item) {
      flush();
      current.push(item[1]);
    } else {
      current.push(trimmed.replace(/^\|\s*|\s*\|$/g, ""));
    }
  }
  flush();
  return out;
}
