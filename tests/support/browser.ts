/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), headless, with
 * nothing of its own reaching the network, and a watch on a page that records every console
 * error, page error, failed response and request that would leave loopback (refused).
 */
import { type Browser, chromium, type Page } from "playwright-core";

/** Where Debian installs Chromium (`apt-get install chromium`; `.ci/run` does). */
export const chromiumPath = "/usr/bin/chromium";

/** Why browser tests cannot run here, or undefined when they can. */
export const chromiumMissing: string | undefined = await Deno.stat(chromiumPath)
  .then(() => undefined, () => `no ${chromiumPath} (apt-get install chromium)`);

/** Launches Chromium headless, without its background traffic (updates, sync, field trials). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

/**
 * Records on `page` what a test must not see: console errors, page errors, responses of 400
 * and above, and any request outside `base` (aborted). Returns the growing list.
 */
export async function watchPage(page: Page, base: string): Promise<string[]> {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    // Failed loads are told by status below.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.route(/.*/, (route) => {
    const url = new URL(route.request().url());
    if (url.origin === base && ["127.0.0.1", "[::1]", "localhost"].includes(url.hostname)) {
      return route.continue();
    }
    problems.push(`request to ${url.href}`);
    return route.abort();
  });
  return problems;
}
