import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Runs axe-core on the page as it stands and fails with every violation named (rule, how
 * many nodes, the first targets). WCAG 2.2 AA rules plus axe's best practices, and the
 * 24 × 24 px target-size rule, which axe leaves off by default.
 */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .options({ rules: { 'target-size': { enabled: true } } })
    .analyze();
  const found = result.violations.map(
    (v) =>
      `${v.id} (${v.nodes.length}): ${v.help} – ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
  expect(found, `axe violations on ${state}`).toEqual([]);
}

/** Starts counting key presses (keydown events, in the capture phase) on this document. */
export async function startKeyCounter(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { keyCount: number };
    w.keyCount = 0;
    window.addEventListener('keydown', () => (w.keyCount += 1), true);
  });
}

export const keyCount = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { keyCount: number }).keyCount);

/** The page never scrolls sideways: WCAG 2.2 1.4.10 reflow. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

const SHOTS = process.env.E2E_SCREENSHOTS;
/** Full-page screenshot into $E2E_SCREENSHOTS when set (for looking at, not compared). */
export async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Loads the published reference case (DEZ-001) from the empty patient list. */
export async function loadExample(page: Page, baseUrl: string): Promise<string> {
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'Load example patient' }).click();
  const link = page.getByRole('link', { name: 'DEZ-001' });
  await link.waitFor();
  const href = await link.getAttribute('href');
  if (!href) throw new Error('DEZ-001 has no link');
  return href;
}
