// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { collectBlocks } from '../../../lib/page/blocks';
import { type LocalMatch, PageScanner, type ScannedBlock } from '../../../lib/page/scanner';

interface Word extends LocalMatch {
  word: string;
}

/** A stand-in matcher: every "NVIDIA" and "H200", unless its word is switched off. */
function find(text: string, off: ReadonlySet<string>): Word[] {
  return [...text.matchAll(/NVIDIA|H200/g)]
    .filter((m) => !off.has(m[0]))
    .map((m) => ({ start: m.index, end: m.index + m[0].length, word: m[0] }));
}

function article(paragraphs: number): string {
  let html = '';
  for (let i = 0; i < paragraphs; i++) html += `<p id="p${i}">Paragraph ${i}: NVIDIA sells the H200 abroad.</p>`;
  return html;
}

/** A scanner over the test document, with what its onChange reported mirrored the way the detector keeps it. */
function setup(match: (text: string) => Word[]) {
  const reported = new Set<ScannedBlock<Word>>();
  const scanner = new PageScanner<Word>(document, {
    checkVisibility: false,
    match,
    onChange: ({ added, removed }) => {
      for (const b of removed) reported.delete(b);
      for (const b of added) reported.add(b);
    },
  });
  const words = () => scanner.blocks().flatMap((b) => b.matches.map((m) => m.word));
  const reportedWords = () => [...reported].flatMap((b) => b.matches.map((m) => m.word));
  return { scanner, reported, words, reportedWords };
}

/** Until the first scan and any mutation flush (one frame, then a task; at most one every 200 ms) are done. */
async function settle(scanner: PageScanner<Word>): Promise<void> {
  await scanner.ready;
  for (let i = 0; i < 12; i++) await new Promise((r) => setTimeout(r, 50));
}

let current: PageScanner<Word> | null = null;
afterEach(() => {
  current?.stop();
  if (!document.body) document.documentElement.appendChild(document.createElement('body'));
  current = null;
  document.body.innerHTML = '';
});

describe('PageScanner: the page as blocks with matches, kept up to date', () => {
  it('scans the page into blocks in document order and follows edits', async () => {
    document.body.innerHTML = '<h1>NVIDIA</h1><p>The <b>H200</b> chip.</p>';
    const s = setup((t) => find(t, new Set()));
    current = s.scanner;
    await s.scanner.start();
    expect(s.scanner.blocks().map((b) => b.text)).toEqual(['NVIDIA', 'The H200 chip.']);
    expect(s.words()).toEqual(['NVIDIA', 'H200']);
    document.querySelector('b')!.textContent = 'B200';
    document.body.insertAdjacentHTML('beforeend', '<p>More NVIDIA</p>');
    await settle(s.scanner);
    expect(s.scanner.blocks().map((b) => b.text)).toEqual(['NVIDIA', 'The B200 chip.', 'More NVIDIA']);
    expect(s.scanner.joined().text).toBe('NVIDIA\nThe B200 chip.\nMore NVIDIA');
    expect(s.reportedWords().sort()).toEqual(['NVIDIA', 'NVIDIA']);
  });

  it('a type switched off during the first full scan leaves no match of it, listed or reported', async () => {
    document.body.innerHTML = article(1500);
    const off = new Set<string>();
    let calls = 0;
    const s = setup((text) => {
      // Settings change part-way through the scan (between two of its slices).
      if (++calls === 300) {
        queueMicrotask(() => {
          off.add('H200');
          void s.scanner.rematch();
        });
      }
      return find(text, off);
    });
    current = s.scanner;
    await s.scanner.start();
    await settle(s.scanner);
    expect(calls).toBeGreaterThan(300);
    expect(s.words().filter((w) => w === 'H200')).toEqual([]);
    expect(s.reportedWords().filter((w) => w === 'H200')).toEqual([]);
    expect(s.words().length).toBe(1500);
    expect(s.reported.size).toBe(1500);
  });

  it('a mutation during the full scan, in a part already walked, is picked up (open shadow root included)', async () => {
    document.body.innerHTML = `<div id="host"></div><p id="first">First paragraph.</p>${article(1500)}`;
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Shadow text.</p>';
    let calls = 0;
    const s = setup((text) => {
      if (++calls === 300) {
        queueMicrotask(() => {
          (shadow.querySelector('p')!.firstChild as Text).data = 'Shadow NVIDIA.';
          (document.getElementById('first')!.firstChild as Text).data = 'First H200.';
        });
      }
      return find(text, new Set());
    });
    current = s.scanner;
    await s.scanner.start();
    await settle(s.scanner);
    const texts = s.scanner.blocks().map((b) => b.text);
    expect(texts.slice(0, 2)).toEqual(['Shadow NVIDIA.', 'First H200.']);
    expect(texts).toEqual(collectBlocks(document.body, { checkVisibility: false }).map((b) => b.text));
    expect(s.words().slice(0, 2)).toEqual(['NVIDIA', 'H200']);
    expect(s.reported.size).toBe(1502);
    expect(new Set(s.reported)).toEqual(new Set(s.scanner.blocks()));
  });

  it('stopped during the scan, reports nothing more; started again, reports the page once', async () => {
    document.body.innerHTML = article(1500);
    let calls = 0;
    let restarted: Promise<void> | null = null;
    const changes: number[] = [];
    const s = setup((text) => {
      if (++calls === 300) {
        queueMicrotask(() => {
          s.scanner.stop();
          s.reported.clear();
          changes.length = 0;
          void s.scanner.rematch();
          restarted = s.scanner.start();
        });
      }
      return find(text, new Set());
    });
    current = s.scanner;
    const first = s.scanner.start();
    await first;
    while (!restarted) await new Promise((r) => setTimeout(r, 10));
    await restarted;
    await settle(s.scanner);
    expect(s.scanner.blocks().length).toBe(1500);
    expect(s.reported.size).toBe(1500);
    expect(new Set(s.reported)).toEqual(new Set(s.scanner.blocks()));
  });

  it('a stop while a mutation flush is due leaves the page unscanned', async () => {
    document.body.innerHTML = article(20);
    const s = setup((t) => find(t, new Set()));
    current = s.scanner;
    await s.scanner.start();
    document.body.insertAdjacentHTML('beforeend', '<p>Late NVIDIA</p>');
    await Promise.resolve();
    s.scanner.stop();
    s.reported.clear();
    await settle(s.scanner);
    expect(s.scanner.blocks()).toEqual([]);
    expect(s.reported.size).toBe(0);
  });

  it('a paragraph removed between paragraphs drops its block without rescanning the rest', async () => {
    document.body.innerHTML = `<div id="text">${article(30)}</div><div id="runs">NVIDIA<p>gap</p>H200</div>`;
    let calls = 0;
    const s = setup((t) => {
      calls++;
      return find(t, new Set());
    });
    current = s.scanner;
    await s.scanner.start();
    const before = calls;
    document.getElementById('p3')!.remove();
    await settle(s.scanner);
    expect(s.scanner.blocks().length).toBe(29 + 3);
    expect(calls).toBe(before);
    // Text on both sides of a removed block now runs together: that container is read again.
    document.querySelector('#runs p')!.remove();
    await settle(s.scanner);
    expect(s.scanner.blocks().at(-1)!.text).toBe('NVIDIAH200');
    expect(s.words().slice(-2)).toEqual(['NVIDIA', 'H200']);
  });

  it('survives the document element being replaced and rescans the new one', async () => {
    document.body.innerHTML = article(30);
    const s = setup((t) => find(t, new Set()));
    current = s.scanner;
    await s.scanner.start();
    const html = document.createElement('html');
    html.appendChild(document.createElement('body')).innerHTML = '<p>New page about NVIDIA</p>';
    // (happy-dom refuses replaceChild on the document element: remove, then append.)
    const old = document.documentElement;
    document.removeChild(old);
    document.appendChild(html);
    await settle(s.scanner);
    expect(s.scanner.blocks().map((b) => b.text)).toEqual(['New page about NVIDIA']);
    expect([...s.reported].map((b) => b.text)).toEqual(['New page about NVIDIA']);
  });
});
