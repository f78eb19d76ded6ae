import { describe, expect, it } from 'vitest';
import { toBackground, toContent } from '../../../lib/messaging/protocol';
import { isTrustedSender, parseMessage } from '../../../lib/messaging/validate';
import { makeAnnotation } from '../storage/make-annotation';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';

describe('parseMessage', () => {
  it('accepts a well-formed known message', () => {
    const r = parseMessage(toBackground, { type: 'entities:get', payload: { ids: ['nvidia-h200'] } });
    expect(r).toEqual({ ok: true, type: 'entities:get', payload: { ids: ['nvidia-h200'] } });
  });

  it('accepts a message without payload when the type needs none', () => {
    expect(parseMessage(toContent, { type: 'page:mentions' }).ok).toBe(true);
  });

  it.each([
    [null, 'message is not an object'],
    ['ping', 'message is not an object'],
    [[], 'message is not an object'],
    [{ payload: {} }, 'message has no type'],
    [{ type: 'db:dropEverything', payload: {} }, 'unknown message type "db:dropEverything"'],
    [{ type: '__proto__', payload: {} }, 'unknown message type "__proto__"'],
    [{ type: 'toString', payload: {} }, 'unknown message type "toString"'],
  ])('rejects %j', (raw, error) => {
    expect(parseMessage(toBackground, raw)).toEqual({ ok: false, error });
  });

  it('names the field that is wrong', () => {
    const r = parseMessage(toBackground, { type: 'entities:get', payload: { ids: [42] } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^invalid "entities:get" message: ids\.0: /);
  });

  it('accepts long page keys (URLs) up to what a stored annotation allows', () => {
    const pageKey = `https://news.example.com/${'a'.repeat(1500)}`;
    expect(parseMessage(toBackground, { type: 'annotations:forPage', payload: { pageKey } }).ok).toBe(true);
    expect(parseMessage(toBackground, { type: 'page:changed', payload: { pageKey } }).ok).toBe(true);
    expect(parseMessage(toBackground, { type: 'page:changed', payload: { pageKey: 'x'.repeat(4001) } }).ok).toBe(false);
  });

  it('rejects extra fields (strict shapes)', () => {
    const r = parseMessage(toBackground, { type: 'ping', payload: { sneaky: true } });
    expect(r.ok).toBe(false);
  });

  it('rejects an annotation with a bad colour or date', () => {
    const annotation = makeAnnotation();
    expect(parseMessage(toBackground, { type: 'annotation:save', payload: { annotation } }).ok).toBe(true);
    const badColor = parseMessage(toBackground, {
      type: 'annotation:save',
      payload: { annotation: { ...annotation, color: 'javascript:alert(1)' } },
    });
    expect(badColor.ok).toBe(false);
    if (!badColor.ok) expect(badColor.error).toContain('annotation.color');
    expect(
      parseMessage(toBackground, {
        type: 'annotation:save',
        payload: { annotation: { ...annotation, updatedAt: 'yesterday' } },
      }).ok,
    ).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const chrome = { id: EXT, baseUrl: `chrome-extension://${EXT}/` };
  const firefox = { id: 'chiplens@chiplens.dev', baseUrl: 'moz-extension://0c7e3f0a-1d2b-4c5d-8e9f-a0b1c2d3e4f5/' };
  it('accepts this extension', () => {
    expect(isTrustedSender({ id: EXT, tab: { id: 3 } }, chrome, 'background')).toBe(true);
    expect(isTrustedSender({ id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` }, chrome, 'content')).toBe(true);
    expect(isTrustedSender({ id: EXT, origin: `chrome-extension://${EXT}` }, chrome, 'content')).toBe(true);
  });
  it('accepts an extension page open in a tab (Firefox sets sender.tab for it)', () => {
    const sender = { id: firefox.id, url: `${firefox.baseUrl}sidepanel.html?tab=2`, tab: { id: 4 } };
    expect(isTrustedSender(sender, firefox, 'content')).toBe(true);
  });
  it('rejects another extension or a missing id', () => {
    expect(isTrustedSender({ id: 'other' }, chrome, 'background')).toBe(false);
    expect(isTrustedSender({}, chrome, 'background')).toBe(false);
    expect(isTrustedSender({ id: 'other', url: `chrome-extension://other/x.html` }, chrome, 'content')).toBe(false);
  });
  it('rejects a web page talking to a content script, even one whose URL mentions the extension', () => {
    expect(isTrustedSender({ id: EXT, tab: { id: 3 }, url: 'https://example.com/' }, chrome, 'content')).toBe(false);
    expect(isTrustedSender({ id: EXT, tab: { id: 3 } }, chrome, 'content')).toBe(false);
    const spoof = { id: EXT, url: `https://evil.test/chrome-extension://${EXT}/`, origin: 'https://evil.test' };
    expect(isTrustedSender(spoof, chrome, 'content')).toBe(false);
  });
});
