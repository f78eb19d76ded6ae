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
  it('accepts this extension', () => {
    expect(isTrustedSender({ id: EXT, tab: { id: 3 } }, EXT, 'background')).toBe(true);
    expect(isTrustedSender({ id: EXT, url: `chrome-extension://${EXT}/sidepanel.html` }, EXT, 'content')).toBe(true);
  });
  it('rejects another extension or a missing id', () => {
    expect(isTrustedSender({ id: 'other' }, EXT, 'background')).toBe(false);
    expect(isTrustedSender({}, EXT, 'background')).toBe(false);
  });
  it('rejects a tab talking to a content script', () => {
    expect(isTrustedSender({ id: EXT, tab: { id: 3 } }, EXT, 'content')).toBe(false);
  });
});
