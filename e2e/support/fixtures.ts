/**
 * The `test` every spec uses: Playwright's, plus a check after each test that the browser logged no
 * error: no Content-Security-Policy violation, no uncaught exception, no console.error. Answers of
 * 4xx/5xx that a test provokes on purpose show as "Failed to load resource" and are allowed here;
 * e2e/pages.spec.ts checks that the main pages load without any.
 */
import { test as base, expect } from '@playwright/test';

const FAILED_RESOURCE = /^Failed to load resource: the server responded with a status of \d{3}/;

export interface BrowserLog {
  /** Errors other than failed requests: CSP violations, exceptions, console.error. */
  problems: string[];
  /** Every console error, failed requests included. */
  all: string[];
}

export const test = base.extend<{ browserLog: BrowserLog }>({
  browserLog: [
    async ({ page }, use) => {
      const log: BrowserLog = { problems: [], all: [] };
      // Chromium reports CSP violations on the console too; this names the directive for certain.
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}`);
        });
      });
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        log.all.push(message.text());
        if (!FAILED_RESOURCE.test(message.text())) log.problems.push(message.text());
      });
      page.on('pageerror', (error) => {
        log.all.push(error.message);
        log.problems.push(`Uncaught: ${error.message}`);
      });
      await use(log);
      expect(log.problems, 'errors in the browser console (CSP violations, exceptions)').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
