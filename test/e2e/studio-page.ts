/**
 * What every studio e2e test does the same way: wait for the studio frame, check a page with axe, keep a
 * screenshot to look at. Screenshots go to test-results/screenshots/ (not committed).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

/** Waits until the studio frame (navigation and header) is on screen, past the access check. */
export async function waitForStudio(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Designers' }).first().waitFor({ state: 'visible', timeout: 30_000 });
}

/**
 * Runs axe (WCAG 2 A and AA rules) on the page as it is and fails on any serious or critical violation, naming
 * the rule and the elements, so the message says what to fix.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const described = bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  expect(described, `axe on ${label}`).toEqual([]);
}

/** Keeps a full-page screenshot under test-results/screenshots/<name>.png, to look at after the run. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
