import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject, onTestFinished } from 'vitest';

/** Launch flags for Debian's Chromium on a closed network (see shared platform notes). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const baseUrl = (): string => inject('baseUrl');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested, for the same-origin check. */
  requests: string[];
  /** Uncaught errors of every page of the context (second tabs too), as "url: message". */
  pageErrors: string[];
}

/**
 * A fresh browser context with one page, for one test. Uncaught page errors are collected,
 * and when the test ends its context is closed and the test fails if any page threw: an
 * error in the app fails the test that caused it, whatever the test itself checked.
 */
export async function newSession(browser: Browser): Promise<Session> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
  });
  const pageErrors: string[] = [];
  const watched = new WeakSet<Page>();
  const watch = (p: Page) => {
    if (watched.has(p)) return;
    watched.add(p);
    p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.name}: ${e.message}`));
  };
  context.on('page', watch);
  const page = await context.newPage();
  watch(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  onTestFinished(async () => {
    await context.close();
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  });
  return { context, page, requests, pageErrors };
}
