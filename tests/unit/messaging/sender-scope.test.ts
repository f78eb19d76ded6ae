import { describe, expect, it } from 'vitest';
import { pageKey } from '../../../lib/annotations/page-key';
import { mayUsePageKey, senderScope } from '../../../lib/messaging/sender-scope';

const EXT = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const ID = 'abcdefghijklmnopabcdefghijklmnop';
const alice = 'https://alice.github.io/article/';

describe('senderScope / mayUsePageKey', () => {
  it('gives extension pages every page key, also when opened in a tab', () => {
    for (const sender of [
      { id: ID, url: `${EXT}/sidepanel.html` },
      { id: ID, url: `${EXT}/sidepanel.html?tab=3`, tab: { id: 9 } },
    ]) {
      const scope = senderScope(sender, EXT);
      expect(scope).toEqual({ kind: 'extension' });
      expect(mayUsePageKey(scope, alice)).toBe(true);
    }
  });

  it('limits a content script to keys on its page origin: a github.io sibling cannot use another page key', () => {
    const mallory = {
      id: ID,
      url: 'https://mallory.github.io/copy/',
      tab: { id: 4, url: 'https://mallory.github.io/copy/' },
    };
    const scope = senderScope(mallory, EXT);
    expect(scope).toEqual({ kind: 'page', origin: 'https://mallory.github.io' });
    expect(mayUsePageKey(scope, alice)).toBe(false);
    expect(mayUsePageKey(scope, 'https://mallory.github.io/other')).toBe(true);
  });

  it('accepts every key the page can legitimately produce (a canonical link on its origin)', () => {
    const url = 'https://news.example.com/story?amp=1';
    const key = pageKey({ url, canonical: '/story' });
    expect(mayUsePageKey(senderScope({ id: ID, url, tab: { id: 1, url } }, EXT), key)).toBe(true);
  });

  it('uses whichever of the frame URL and the tab URL is known, and refuses when they disagree', () => {
    expect(senderScope({ id: ID, url: 'https://a.test/x', tab: { id: 1 } }, EXT)).toEqual({
      kind: 'page',
      origin: 'https://a.test',
    });
    expect(senderScope({ id: ID, tab: { id: 1, url: 'https://a.test/x' } }, EXT)).toEqual({
      kind: 'page',
      origin: 'https://a.test',
    });
    expect(senderScope({ id: ID, url: 'https://a.test/x', tab: { id: 1, url: 'https://b.test/' } }, EXT)).toEqual({
      kind: 'none',
    });
    expect(senderScope({ id: ID, tab: { id: 1 } }, EXT)).toEqual({ kind: 'none' });
  });

  it('gives a tab on a non-web page or a non-web key nothing', () => {
    const file = senderScope({ id: ID, url: 'file:///tmp/a.html', tab: { id: 1 } }, EXT);
    expect(file).toEqual({ kind: 'none' });
    expect(mayUsePageKey(file, 'file:///tmp/a.html')).toBe(false);
    const web = senderScope({ id: ID, url: 'https://a.test/x', tab: { id: 1 } }, EXT);
    expect(mayUsePageKey(web, 'not a url')).toBe(false);
    expect(mayUsePageKey(web, 'http://a.test/x')).toBe(false);
  });
});
