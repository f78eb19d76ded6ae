/**
 * `npm start`: the built extension in Chromium on the bundled demo article (served from 127.0.0.1).
 * With a display: a visible browser with the article and the side panel page, left open for you.
 * Without one (servers, CI): headless; prints what ChipLens found and writes screenshots with a card open.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { askTab, launchWithExtension, openSidePanel, ROOT, serveFixtures, tabIdOf, waitForMentions } from './harness';
import { pointOfText } from './page-helpers';
import { ui } from './ui';

interface Mentions {
  url: string;
  title: string;
  mentions: { entityId: string; entityType: string; text: string }[];
}

const headed =
  Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) &&
  !process.env.CI &&
  !process.argv.includes('--headless');
const outDir = join(ROOT, 'test-results', 'demo');

const server = await serveFixtures([join(ROOT, 'tests/fixtures')]);
const session = await launchWithExtension({ headless: !headed });
const page = await session.context.newPage();
await page.goto(server.url('/demo/index.html'));
const tabId = await tabIdOf(session, page);
const result = await waitForMentions<Mentions>(session, tabId);

const byType = new Map<string, Map<string, number>>();
for (const m of result.mentions) {
  const t = byType.get(m.entityType) ?? new Map<string, number>();
  t.set(m.entityId, (t.get(m.entityId) ?? 0) + 1);
  byType.set(m.entityType, t);
}
// Names as the reader sees them on cards, from the background (as the side panel gets them).
const ids = [...new Set(result.mentions.map((m) => m.entityId))];
const control = await session.context.newPage();
await control.goto(`chrome-extension://${session.extensionId}/sidepanel.html`);
const named = await control.evaluate(
  (list) => chrome.runtime.sendMessage({ type: 'entities:get', payload: { ids: list } }),
  ids,
);
await control.close();
const shortName = new Map<string, string>(
  (named?.data?.entities ?? []).map((e: { id: string; shortName: string }) => [e.id, e.shortName]),
);
const TYPE_TITLES: Record<string, string> = {
  chip: 'Chips',
  agency: 'Agencies',
  company: 'Companies',
  policy: 'Policies',
};
console.log(`\nChipLens on "${result.title}"`);
console.log(`${result.mentions.length} mentions of ${ids.length} names\n`);
for (const [type, entities] of byType) {
  const list = [...entities].map(([id, n]) => `${shortName.get(id) ?? id}${n > 1 ? ` ×${n}` : ''}`).join(', ');
  console.log(`  ${(TYPE_TITLES[type] ?? type).padEnd(10)} ${list}`);
}

if (headed) {
  await openSidePanel(session, tabId);
  await page.bringToFront();
  console.log('\nA Chromium window is open with ChipLens on the demo article (and the side panel page in a tab).');
  console.log('Hover a highlighted name for its card; Alt+Shift+J / Alt+Shift+K step through mentions.');
  console.log('Close the browser window to end the demo.');
  await new Promise<void>((resolve) => session.context.on('close', () => resolve()));
  await server.close();
} else {
  mkdirSync(outDir, { recursive: true });
  const point = await pointOfText(page, 'H200', 1);
  await page.mouse.move(point.x - 40, point.y - 40);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  // The card is in ChipLens's closed shadow root: read through its isolated world (ui.ts).
  let cardShown = true;
  await ui(page)
    .waitFor('[role="dialog"]')
    .catch(() => {
      cardShown = false;
    });
  await page.waitForTimeout(400); // let the card's entrance animation finish
  const shot = join(outDir, 'demo-card.png');
  await page.screenshot({ path: shot });
  const panel = await openSidePanel(session, tabId);
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.waitForTimeout(800);
  const panelShot = join(outDir, 'demo-sidepanel.png');
  await panel.screenshot({ path: panelShot });
  const state = await askTab<{ anchors: unknown[] }>(session, tabId, 'page:state').catch(() => null);
  console.log(
    `\nHover card ${cardShown ? 'open' : 'NOT shown'} on "H200"; page annotations: ${state?.anchors.length ?? 0}`,
  );
  console.log(`Screenshot (article with card): ${shot}`);
  console.log(`Screenshot (side panel):        ${panelShot}`);
  if (session.errors.length) console.log(`Errors seen:\n  ${session.errors.join('\n  ')}`);
  console.log(
    `\nNext: load ChipLens in your own browser. The unpacked build is in ${join(ROOT, '.output/chrome-mv3')}:\n` +
      '  Chrome/Edge: chrome://extensions -> Developer mode -> "Load unpacked" -> pick that folder.\n' +
      '  Firefox: npm run build:firefox, then about:debugging#/runtime/this-firefox -> "Load Temporary Add-on" ->\n' +
      `  ${join(ROOT, '.output/firefox-mv2/manifest.json')}. Then open any news article.`,
  );
  await session.close();
  await server.close();
  if (!cardShown) process.exitCode = 1;
}
