import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, newSession } from './browser';
import { itemFieldPattern } from '../../src/features/visit-entry/item-name';

// Offline-first (issue 7): after one visit with the network on, the service worker serves the
// whole app; with the network off the clinician creates a patient, enters a visit, reloads
// (still offline) and finds every value, then finishes the visit. And a new version of the
// app waits for the clinician's click instead of reloading a visit mid-entry.

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

/**
 * A release of the app on a server of its own: the built dist/ as it is, except that the
 * service worker script can be swapped for a new release's (what a deployment does). The
 * shared preview server must not be changed under the other tests, and the browser fetches a
 * worker script itself, out of reach of request routing.
 */
interface Release {
  url: string;
  /** Serves a service worker script with different bytes from now on. */
  publish(tag: string): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

async function serveRelease(): Promise<Release> {
  const root = resolve('dist');
  let tag = '';
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        const out =
          path === '/sw.js' && tag ? Buffer.concat([body, Buffer.from(`\n// ${tag}\n`)]) : body;
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-cache',
        });
        res.end(out);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    publish: (next) => {
      tag = next;
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}

const PHQ = [2, 1, 3, 0, 2, 1, 1, 0, 1];

async function waitSaved(page: Page) {
  await expect
    .poll(() => page.getByRole('status').filter({ hasText: 'all changes saved' }).count())
    .toBeGreaterThan(0);
}

/** First visit online: waits until the service worker is active and controls the page. */
async function installApp(page: Page, url = baseUrl()): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Patients' }).waitFor();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The clinician is told once that the app now works without a network.
  await page.getByRole('status').filter({ hasText: 'works without a network' }).waitFor();
  // registerType 'prompt' and no clientsClaim: the worker controls pages loaded after it.
  await page.reload();
  await page.getByRole('heading', { name: 'Patients' }).waitFor();
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toBe(
    new URL('sw.js', url).href,
  );
}

async function startPhqVisit(page: Page, code: string): Promise<void> {
  await page.getByRole('link', { name: 'New patient' }).first().click();
  await page.getByLabel('Patient code (pseudonymous, unique)').fill(code);
  await page.getByRole('button', { name: 'Create patient' }).click();
  await page.getByRole('heading', { name: code }).waitFor();
  await page.getByLabel('Visit date', { exact: true }).fill('2024-03-01');
  await page.getByRole('button', { name: 'Start visit' }).click();
  await page.getByRole('heading', { name: /Visit of 2024-03-01/ }).waitFor();
  for (const id of ['HAMD-17', 'MADRS', 'DARS'])
    await page
      .getByRole('group', { name: 'Scales at this visit' })
      .getByLabel(id, { exact: true })
      .uncheck();
  await page
    .getByRole('group', { name: 'Scales at this visit' })
    .getByLabel('PHQ-9', { exact: true })
    .check();
}

const phqValues = (page: Page) =>
  Promise.all(PHQ.map((_, i) => page.getByLabel(itemFieldPattern('PHQ-9', i + 1)).inputValue()));

/** Network requests that actually left the browser (not answered by the service worker). */
function networkLog(context: BrowserContext): string[] {
  const sent: string[] = [];
  context.on('requestfailed', (r) =>
    sent.push(`FAILED ${r.url()} ${r.failure()?.errorText ?? ''}`),
  );
  return sent;
}

describe('offline', () => {
  it('loads, records a visit and keeps it across a reload with the network off', async () => {
    const { page, context } = await newSession(browser);
    await installApp(page);

    await context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    // The network is really gone: a URL the service worker does not hold cannot be fetched.
    expect(
      await page.evaluate(() =>
        fetch('./manifest.webmanifest?probe').then(
          (r) => `answered ${r.status}`,
          () => 'failed',
        ),
      ),
    ).toBe('failed');
    const failed = networkLog(context);
    await page.reload();
    await page.getByRole('heading', { name: 'Patients' }).waitFor();

    await startPhqVisit(page, 'OFF-1');
    for (const [i, v] of PHQ.entries())
      await page.getByLabel(itemFieldPattern('PHQ-9', i + 1)).fill(String(v));
    await expect.poll(() => page.getByLabel('PHQ-9 live total').innerText()).toBe('11');
    await waitSaved(page);
    const visitUrl = page.url();

    await page.reload();
    await page.getByRole('heading', { name: /Visit of 2024-03-01/ }).waitFor();
    expect(page.url()).toBe(visitUrl);
    await expect.poll(() => phqValues(page)).toEqual(PHQ.map(String));
    expect(await page.getByLabel('PHQ-9 live total').innerText()).toBe('11');

    await page.getByRole('button', { name: 'Finish visit' }).click();
    await page.getByRole('heading', { name: 'Visits' }).waitFor();
    expect(await page.getByRole('row', { name: /2024-03-01/ }).innerText()).toMatch(
      /PHQ-9 11\s+finished/,
    );
    // The lazily loaded pages come from the precache too.
    await page.getByRole('link', { name: 'Course', exact: true }).click();
    const course = page.getByRole('table', { name: /Scores by visit/ });
    await course.waitFor();
    expect(await course.getByRole('row', { name: /^PHQ-9 total/ }).innerText()).toMatch(
      /PHQ-9 total\s+11$/,
    );
    await page.getByRole('link', { name: 'Data & settings' }).click();
    await page.getByRole('heading', { name: 'Data & settings' }).waitFor();

    expect(await page.getByRole('alert').count()).toBe(0);
    // Offline, anything that did reach the network failed: nothing may have been needed.
    expect(failed).toEqual([]);
    await context.close();
  });

  it('waits for the clinician before switching to a new version, even mid-entry', async () => {
    const release = await serveRelease();
    const { page, context } = await newSession(browser);
    try {
      // Every message the page sends a service worker, kept in sessionStorage so that a reload
      // does not wipe the log: a new worker takes over only when told to skip waiting
      // (workbox-window's messageSkipWaiting), so that message is what an update the clinician
      // did not ask for would have to send first.
      await context.addInitScript(() => {
        const post = Reflect.get(ServiceWorker.prototype, 'postMessage') as (
          this: ServiceWorker,
          ...args: unknown[]
        ) => void;
        Object.defineProperty(ServiceWorker.prototype, 'postMessage', {
          value(this: ServiceWorker, ...args: unknown[]) {
            const sent = JSON.parse(sessionStorage.getItem('swMessages') ?? '[]') as string[];
            sent.push(JSON.stringify(args[0]));
            sessionStorage.setItem('swMessages', JSON.stringify(sent));
            post.apply(this, args);
          },
          writable: true,
          configurable: true,
        });
      });
      await installApp(page, release.url);
      await startPhqVisit(page, 'UPD-1');
      for (const [i, v] of PHQ.slice(0, 4).entries())
        await page.getByLabel(itemFieldPattern('PHQ-9', i + 1)).fill(String(v));
      await waitSaved(page);
      const visitUrl = page.url();
      // A marker that any reload would wipe.
      await page.evaluate(() => {
        (window as unknown as { notReloaded: boolean }).notReloaded = true;
      });

      // A new release is deployed; the browser finds it on its next update check.
      release.publish('release 2');
      const waiting = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        if (!registration) return 'no registration';
        await registration.update();
        const deadline = Date.now() + 20_000;
        while (registration.waiting?.state !== 'installed' && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 50));
        return registration.waiting?.state ?? 'no waiting worker';
      });
      expect(waiting).toBe('installed');

      // The app has seen the waiting worker and asks the clinician.
      await page
        .getByRole('status')
        .filter({ hasText: 'A new version of Trajectory is ready' })
        .waitFor();
      // "Later": the banner goes. React runs the effects of the render that showed the banner
      // before it handles this click, so whatever the app does by itself about the new worker
      // it has started by now.
      await page.getByRole('button', { name: 'Later' }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Update now' }).count()).toBe(0);
      // No message told the new worker to take over; it still waits behind the old one, which
      // controls the page; nothing reloaded: the visit, the typed values and the marker are all
      // still here.
      expect(await page.evaluate(() => sessionStorage.getItem('swMessages') ?? '[]')).not.toContain(
        'SKIP_WAITING',
      );
      expect(
        await page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return [
            registration?.active?.state,
            registration?.waiting?.state,
            navigator.serviceWorker.controller?.state,
          ];
        }),
      ).toEqual(['activated', 'installed', 'activated']);
      expect(page.url()).toBe(visitUrl);
      expect(
        await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
      ).toBe(true);
      expect((await phqValues(page)).slice(0, 4)).toEqual(PHQ.slice(0, 4).map(String));

      // The entry goes on and is saved.
      await page.getByLabel(itemFieldPattern('PHQ-9', 5)).fill('2');
      await waitSaved(page);
      expect(
        await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
      ).toBe(true);
      expect(page.url()).toBe(visitUrl);
    } finally {
      await context.close();
      await release.close();
    }
  });

  it('switches to the new version when the clinician clicks "Update now", keeping the draft', async () => {
    const release = await serveRelease();
    const { page, context } = await newSession(browser);
    try {
      await installApp(page, release.url);
      await startPhqVisit(page, 'UPD-2');
      for (const [i, v] of PHQ.slice(0, 3).entries())
        await page.getByLabel(itemFieldPattern('PHQ-9', i + 1)).fill(String(v));
      await waitSaved(page);
      const visitUrl = page.url();
      const firstWorker = await page.evaluate(async () => {
        (window as unknown as { notReloaded: boolean }).notReloaded = true;
        return (await navigator.serviceWorker.getRegistration())?.active?.scriptURL;
      });
      expect(firstWorker).toBe(`${release.url}sw.js`);

      release.publish('release 3');
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())?.update();
      });
      await page.getByRole('button', { name: 'Update now' }).click();
      // The page reloads once under the new worker, on the same visit, with the draft intact.
      await page.waitForFunction(
        () => (window as unknown as { notReloaded?: boolean }).notReloaded === undefined,
      );
      await page.getByRole('heading', { name: /Visit of 2024-03-01/ }).waitFor();
      expect(page.url()).toBe(visitUrl);
      await expect
        .poll(async () => (await phqValues(page)).slice(0, 3))
        .toEqual(PHQ.slice(0, 3).map(String));
      expect(
        await page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return {
            active: registration?.active?.state,
            waiting: registration?.waiting ?? null,
            controlled: navigator.serviceWorker.controller?.state,
          };
        }),
      ).toEqual({ active: 'activated', waiting: null, controlled: 'activated' });
      expect(await page.getByRole('button', { name: 'Update now' }).count()).toBe(0);
    } finally {
      await context.close();
      await release.close();
    }
  });
});
