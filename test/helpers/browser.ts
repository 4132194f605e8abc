/** A real Chromium for browser tests, found the way users' browsers are found. */
import { chromium, type Browser, type Page, type ConsoleMessage } from 'playwright-core';
import { findBrowser, HEADLESS_ARGS } from '../../src/shell/find-browser.js';

export async function launchBrowser(): Promise<Browser> {
  const { path } = findBrowser();
  // Playwright gives every launch a fresh temporary profile (--user-data-dir).
  return chromium.launch({ executablePath: path, headless: true, args: HEADLESS_ARGS.filter((a) => a !== '--headless') });
}

export interface PageLog {
  consoleErrors: string[];
  requests: string[];
  pageErrors: string[];
}

/** Records console errors, uncaught exceptions and every request the page makes. */
export function recordPage(page: Page): PageLog {
  const log: PageLog = { consoleErrors: [], requests: [], pageErrors: [] };
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') log.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => log.pageErrors.push(e.message));
  page.on('request', (r) => log.requests.push(r.url()));
  return log;
}
