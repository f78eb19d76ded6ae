import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { askTab, extensionSuite, ROOT } from './harness';
import { pointOfText } from './page-helpers';
import { ui } from './ui';

const shots = join(ROOT, 'test-results', 'cards');
const ext = extensionSuite();

beforeAll(() => {
  mkdirSync(shots, { recursive: true });
});

const open = (path: string) => ext.open(path);

/** The card: a dialog in ChipLens's closed shadow root, read through its isolated world (ui.ts). */
const DIALOG = '[role="dialog"]';
const cardCount = (page: Page) => ui(page).count(DIALOG);
const waitForCard = (page: Page) => ui(page).waitFor(DIALOG);
const cardText = (page: Page) => ui(page).text(DIALOG);
const cardHeading = (page: Page) => ui(page).text(`${DIALOG} h2`);

async function hover(page: Page, text: string, nth = 0) {
  const p = await pointOfText(page, text, nth);
  await page.mouse.move(p.x - 60, p.y - 60);
  await page.mouse.move(p.x, p.y, { steps: 3 });
  return p;
}

describe('context cards', () => {
  it('hovering a mention opens the card of that entity, as a labelled dialog', async () => {
    const { page } = await open('/demo/index.html');
    await hover(page, 'SMIC');
    await expect.poll(() => cardCount(page)).toBe(1);
    await expect.poll(() => ui(page).attr(DIALOG, 'aria-labelledby')).toBeTruthy();
    const heading = await ui(page).text(`#${await ui(page).attr(DIALOG, 'aria-labelledby')}`);
    expect(heading).toMatch(/SMIC|Semiconductor Manufacturing International/);
    expect(await ui(page).attr(DIALOG, 'aria-hidden')).toBeNull();
    expect(await cardText(page)).toMatch(/mentions? on this page/);
    await page.close();
  });

  it('stays open while the pointer moves into it, closes on leaving and on Esc', async () => {
    const { page } = await open('/demo/index.html');
    await hover(page, 'Tencent', 1);
    await waitForCard(page);
    const box = (await ui(page).box(DIALOG))!;
    await page.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 5 });
    await page.waitForTimeout(600);
    expect(await cardCount(page)).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardCount(page)).toBe(0);
    // Reopen, then leave both the mention and the card: it closes after the grace period.
    await hover(page, 'Tencent', 1);
    await waitForCard(page);
    await page.mouse.move(5, 5, { steps: 2 });
    await expect.poll(() => cardCount(page), { timeout: 3000 }).toBe(0);
    await page.close();
  });

  it('does not open on plain text', async () => {
    const { page } = await open('/demo/index.html');
    await hover(page, 'proceeds');
    await page.waitForTimeout(600);
    expect(await cardCount(page)).toBe(0);
    await page.close();
  });

  it('following a relation shows that card in place, and Back returns', async () => {
    const { page } = await open('/demo/index.html');
    await hover(page, 'H200', 1);
    await waitForCard(page);
    await ui(page).click(`${DIALOG} button`, 'NVIDIA');
    await expect.poll(() => cardHeading(page)).toMatch(/^NVIDIA$|NVIDIA Corporation/);
    await ui(page).click(`${DIALOG} button`, '^Back');
    await expect.poll(() => cardHeading(page)).toMatch(/H200/);
    await page.close();
  });

  it('keyboard: next/previous mention opens its card with focus; Esc closes and returns focus', async () => {
    const { page, tabId } = await open('/demo/index.html');
    const first = await askTab<{ found: boolean }>(ext.session, tabId, 'page:navigate', { direction: 'next' });
    expect(first.found).toBe(true);
    await waitForCard(page);
    await expect.poll(async () => (await ui(page).active(DIALOG))?.inside).toBe(true);
    const name1 = await cardHeading(page);
    await askTab(ext.session, tabId, 'page:navigate', { direction: 'next' });
    await expect.poll(() => cardHeading(page)).not.toBe(name1);
    await askTab(ext.session, tabId, 'page:navigate', { direction: 'prev' });
    await expect.poll(() => cardHeading(page)).toBe(name1);
    // Tab moves through the card's controls.
    await page.keyboard.press('Tab');
    const tag = (await ui(page).active(DIALOG))?.tag;
    expect(['BUTTON', 'A']).toContain(tag);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardCount(page)).toBe(0);
    await page.close();
  });

  it('"Not this" hides the alias on this site; Undo brings it back', async () => {
    const { page, tabId } = await open('/pages/editable.html');
    await hover(page, 'SMIC');
    await waitForCard(page);
    await ui(page).click(`${DIALOG} button`, '^Not this$');
    await expect
      .poll(async () =>
        (await askTab<{ mentions: { entityId: string }[] }>(ext.session, tabId, 'page:mentions')).mentions.map(
          (m) => m.entityId,
        ),
      )
      .not.toContain('smic');
    await ui(page).click(`${DIALOG} button`, '^Undo$');
    await expect
      .poll(async () =>
        (await askTab<{ mentions: { entityId: string }[] }>(ext.session, tabId, 'page:mentions')).mentions.map(
          (m) => m.entityId,
        ),
      )
      .toContain('smic');
    await page.close();
  });

  it('works on the React and CJK pages', async () => {
    const react = await open('/pages/react-app.html');
    await hover(react.page, 'TSMC');
    await waitForCard(react.page);
    expect(await cardText(react.page)).toMatch(/TSMC|Taiwan Semiconductor/);
    // The app keeps working around the card: close it, use the app, the card still opens again.
    await react.page.keyboard.press('Escape');
    await expect.poll(() => cardCount(react.page)).toBe(0);
    await react.page.click('#inc');
    expect(await react.page.textContent('#inc')).toBe('Clicked 1 times');
    // React re-rendered the text: its mentions are found again once the rescan lands (mutations are coalesced), so a
    // reader whose pointer arrives before that moves it again, as this does.
    await expect
      .poll(async () => {
        await hover(react.page, 'Huawei');
        return ui(react.page)
          .waitFor(DIALOG, undefined, 1000)
          .then(() => true)
          .catch(() => false);
      })
      .toBe(true);
    expect(ext.session.errors.filter((e) => e.includes('react-app'))).toEqual([]);
    await react.page.close();
    const cjk = await open('/pages/cjk.html');
    await hover(cjk.page, '中芯国际');
    // The pointer's way there may cross another mention first; the card follows it to where it rests.
    await waitForCard(cjk.page);
    await expect.poll(() => cardText(cjk.page)).toMatch(/SMIC/);
    await cjk.page.close();
  });

  it('opens cards for mentions inside a same-origin iframe, placed next to them', async () => {
    const { page } = await open('/pages/iframe-host.html');
    const frame = page.frames().find((f) => f.url().includes('iframe-child'))!;
    const inFrame = await pointOfText(frame, 'SMIC');
    const box = (await page.locator('#embed').boundingBox())!;
    const p = { x: box.x + inFrame.x, y: box.y + inFrame.y };
    await page.mouse.move(p.x - 30, p.y - 30);
    await page.mouse.move(p.x, p.y, { steps: 3 });
    await waitForCard(page);
    expect(await cardText(page)).toMatch(/SMIC/);
    const card = (await ui(page).box(DIALOG))!;
    // Placed just below (or above) the mention in page coordinates, not at the frame's origin.
    expect(Math.abs(card.y - p.y)).toBeLessThan(60);
    await page.close();
  });

  it('renders in light and dark (screenshots written as artifacts)', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page } = await open('/demo/index.html');
      await page.emulateMedia({ colorScheme: scheme });
      await hover(page, 'H200', 1);
      await waitForCard(page);
      await page.waitForTimeout(300);
      const bg = await ui(page).background(DIALOG);
      if (scheme === 'dark') expect(bg).not.toBe('rgb(255, 255, 255)');
      else expect(bg).toBe('rgb(255, 255, 255)');
      await page.screenshot({ path: join(shots, `card-${scheme}.png`) });
      await page.close();
    }
  });
});
