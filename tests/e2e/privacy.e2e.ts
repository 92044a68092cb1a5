import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, newSession } from './browser';
import { itemFieldPattern } from '../../src/features/visit-entry/item-name';

// No request ever leaves the app's origin (issue 7): no fonts, analytics or CDNs, in any
// screen, including the service worker's own fetches; and the Content Security Policy says
// so and is never violated along the way.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

/** CSP directives of the page's meta policy, as a map from directive to sources. */
async function metaPolicy(page: Page): Promise<Map<string, string[]>> {
  const metas = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('content') ?? ''));
  expect(metas).toHaveLength(1);
  return new Map(
    (metas[0] ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

async function chartsDrawn(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => {
    const canvases = [...document.querySelectorAll('canvas')];
    return canvases.length >= n && canvases.every((c) => c.width > 0 && c.height > 0);
  }, count);
}

describe('privacy', () => {
  it('makes every request to its own origin, within its Content Security Policy', async () => {
    const { page, context, requests } = await newSession(browser);
    const origin = new URL(baseUrl()).origin;
    // Requests made by the service worker (precache, runtime) reach the context, not the page.
    const fromWorker: string[] = [];
    const all: string[] = [];
    context.on('request', (r) => {
      all.push(r.url());
      if (r.serviceWorker()) fromWorker.push(r.url());
    });
    const cspConsole: string[] = [];
    page.on('console', (m) => {
      if (m.text().includes('Content Security Policy')) cspConsole.push(m.text());
    });
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(
          `${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
        ),
      );
    });
    const violations = () =>
      page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    const seenViolations: string[] = [];
    const collect = async () => seenViolations.push(...(await violations()));

    // First visit: the service worker installs and precaches the app.
    await page.goto(baseUrl());
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.getByRole('button', { name: 'Load example patient' }).click();
    await page.getByRole('link', { name: 'DEZ-001' }).click();
    await page.getByRole('heading', { name: /DEZ-001/ }).waitFor();

    // A visit, entered and left as a draft.
    await page.getByLabel('Visit date', { exact: true }).fill('2024-01-04');
    await page.getByRole('button', { name: 'Start visit' }).click();
    await page.getByRole('heading', { name: /Visit of 2024-01-04/ }).waitFor();
    await page.getByLabel(itemFieldPattern('PHQ-9', 1)).fill('2');
    await page.getByRole('status').filter({ hasText: 'all changes saved' }).waitFor();
    await collect();

    // The course with its charts.
    await page.getByRole('link', { name: 'DEZ-001' }).click();
    await page.getByRole('link', { name: 'Course', exact: true }).click();
    await page.getByRole('table', { name: /Scores by visit/ }).waitFor();
    await chartsDrawn(page, 1);
    await collect();

    // The print view, with its charts.
    await page.goBack();
    await page.getByRole('link', { name: 'Print summary' }).click();
    await page.getByRole('heading', { name: 'Patient summary' }).waitFor();
    await chartsDrawn(page, 2);
    // In print, once the print styles apply (the screen-only toolbar is hidden) and every
    // font the print layout uses has loaded or failed, everything print needs was asked for.
    await page.emulateMedia({ media: 'print' });
    await page.getByRole('region', { name: 'Print options' }).waitFor({ state: 'hidden' });
    expect(
      await page.evaluate(async () => {
        document.body.getBoundingClientRect(); // lay the page out in print now
        await document.fonts.ready;
        await new Promise((r) => requestAnimationFrame(r));
        return document.fonts.status;
      }),
    ).toBe('loaded');
    await page.emulateMedia({ media: 'screen' });
    await collect();

    // Data: exports (blob: downloads), settings and storage.
    await page.goto(`${baseUrl()}#/data`);
    await page.getByRole('heading', { name: 'Data & settings' }).waitFor();
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export backup (.json.gz)' }).click(),
    ]);
    expect(json.suggestedFilename()).toMatch(/\.json\.gz$/);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Export scores for R/ }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    await page.getByRole('heading', { name: 'Storage on this device' }).waitFor();
    await page.getByText(/Persistent storage:/).waitFor();

    // Once more with the service worker controlling the page.
    await page.reload();
    await page.getByRole('heading', { name: 'Data & settings' }).waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.goto(baseUrl());
    await page.getByRole('link', { name: 'DEZ-001' }).waitFor();
    await collect();

    const foreign = [...new Set([...requests, ...all])].filter(
      (url) =>
        !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'),
    );
    expect(foreign).toEqual([]);
    // The check saw real traffic: the page's, the lazily loaded screens', the worker's.
    expect(requests.some((u) => /\/assets\/CoursePage-[^/]+\.js$/.test(u))).toBe(true);
    expect(requests.some((u) => /\/assets\/PrintPage-[^/]+\.js$/.test(u))).toBe(true);
    expect(fromWorker.length).toBeGreaterThan(5);
    expect(seenViolations).toEqual([]);
    expect(cspConsole).toEqual([]);

    // The policy itself: own origin only, no inline script or style, no plugins.
    const policy = await metaPolicy(page);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    for (const [directive, sources] of policy)
      for (const source of sources)
        expect(`${directive} ${source}`).toMatch(/ ('self'|'none'|data:|blob:)$/);
    await context.close();
  });

  it('blocks what the policy forbids (the policy is live, not just present)', async () => {
    const { page, context } = await newSession(browser);
    await page.goto(baseUrl());
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      // Violation reports arrive as events after the fact: wait for both (or give up after 5 s
      // and let the assertion below say which is missing).
      const reported = new Promise<void>((resolve) => {
        const done = () =>
          ['connect-src', 'style-src-attr'].every((d) => violations.includes(d)) && resolve();
        document.addEventListener('securitypolicyviolation', (e) => {
          violations.push(e.effectiveDirective);
          done();
        });
        setTimeout(resolve, 5_000);
      });
      const fetched = await fetch('http://example.invalid/collect').then(
        () => 'sent',
        () => 'refused',
      );
      const el = document.createElement('div');
      el.setAttribute('style', 'color: red');
      document.body.append(el);
      const inline = getComputedStyle(el).color;
      el.remove();
      await reported;
      return { fetched, inline, violations };
    });
    expect(outcome.fetched).toBe('refused');
    expect(outcome.inline).not.toBe('rgb(255, 0, 0)');
    expect(outcome.violations).toEqual(expect.arrayContaining(['connect-src', 'style-src-attr']));
    await context.close();
  });
});
