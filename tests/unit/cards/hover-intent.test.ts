import { beforeEach, describe, expect, it } from 'vitest';
import { createHoverIntent, type HoverCardState, type HoverIntent } from '../../../lib/cards/hover-intent';
import { createFakeTimers, type FakeTimers } from './fake-timers';

let clock: FakeTimers;
let changes: HoverCardState[];
let hi: HoverIntent;
const open = () => hi.getState().open;
/** Every `open` value reported, in order: shows flicker (a null between two cards) directly. */
const opens = () => changes.map((c) => c.open);

beforeEach(() => {
  clock = createFakeTimers();
  changes = [];
  hi = createHoverIntent({ onChange: (s) => changes.push(s), timers: clock });
});

describe('opening', () => {
  it('opens after resting 250 ms on a mention, not before', () => {
    hi.pointerEnterMention('a');
    clock.advance(249);
    expect(open()).toBeNull();
    clock.advance(1);
    expect(changes).toEqual([{ open: 'a', pinned: false, viaKeyboard: false }]);
  });

  it('does nothing when the pointer only passes over a mention', () => {
    hi.pointerEnterMention('a');
    clock.advance(100);
    hi.pointerLeaveMention();
    clock.advance(1000);
    expect(changes).toEqual([]);
  });

  it('takes a configurable dwell', () => {
    hi = createHoverIntent({ onChange: (s) => changes.push(s), timers: clock, dwellMs: 500 });
    hi.pointerEnterMention('a');
    clock.advance(400);
    expect(open()).toBeNull();
    clock.advance(100);
    expect(open()).toBe('a');
  });

  it('opens at once from the keyboard and says so', () => {
    hi.focusOpen('a');
    expect(changes).toEqual([{ open: 'a', pinned: false, viaKeyboard: true }]);
  });
});

describe('closing', () => {
  beforeEach(() => {
    hi.pointerEnterMention('a');
    clock.advance(250);
  });

  it('closes 300 ms after the pointer leaves the mention', () => {
    hi.pointerLeaveMention();
    clock.advance(299);
    expect(open()).toBe('a');
    clock.advance(1);
    expect(open()).toBeNull();
  });

  it('stays open while the pointer travels into the card and rests there', () => {
    hi.pointerLeaveMention();
    clock.advance(200);
    hi.pointerEnterCard();
    clock.advance(5000);
    expect(open()).toBe('a');
    hi.pointerLeaveCard();
    clock.advance(300);
    expect(open()).toBeNull();
  });

  it('stays open when the pointer goes back from the card to the mention', () => {
    hi.pointerLeaveMention();
    hi.pointerEnterCard();
    hi.pointerLeaveCard();
    clock.advance(100);
    hi.pointerEnterMention('a');
    clock.advance(5000);
    expect(opens()).toEqual(['a']);
  });

  it('closes on Escape at once', () => {
    hi.escape();
    expect(open()).toBeNull();
    expect(clock.pending()).toBe(0);
  });

  it('a card closed with Escape while the pointer was in it closes normally next time', () => {
    hi.pointerEnterMention('a');
    clock.advance(250);
    hi.pointerLeaveMention();
    hi.pointerEnterCard();
    hi.escape();
    expect(open()).toBeNull();
    hi.pointerEnterMention('a');
    clock.advance(250);
    expect(open()).toBe('a');
    hi.pointerLeaveMention();
    clock.advance(300);
    expect(open()).toBeNull();
  });

  it('closes when its mention scrolls away, but not for another mention', () => {
    hi.mentionScrolledAway('b');
    expect(open()).toBe('a');
    hi.mentionScrolledAway('a');
    expect(open()).toBeNull();
  });

  it('a keyboard-opened card ignores the pointer wandering, and closes when focus leaves', () => {
    hi.escape();
    hi.focusOpen('k');
    hi.pointerEnterCard();
    hi.pointerLeaveCard();
    clock.advance(1000);
    expect(open()).toBe('k');
    hi.focusLeave();
    expect(open()).toBeNull();
  });
});

describe('moving between mentions', () => {
  beforeEach(() => {
    hi.pointerEnterMention('a');
    clock.advance(250);
    changes = [];
  });

  it('switches to an adjacent mention after the dwell, never closing in between', () => {
    hi.pointerLeaveMention();
    clock.advance(120); // gap between the two mentions
    hi.pointerEnterMention('b');
    clock.advance(249);
    expect(open()).toBe('a');
    clock.advance(1);
    expect(opens()).toEqual(['b']);
  });

  it('crossing another mention on the way to the card keeps the first card', () => {
    hi.pointerLeaveMention();
    hi.pointerEnterMention('b');
    clock.advance(80);
    hi.pointerLeaveMention();
    hi.pointerEnterCard();
    clock.advance(2000);
    expect(changes).toEqual([]);
  });

  it('closes if the pointer leaves the other mention before its dwell and goes nowhere', () => {
    hi.pointerLeaveMention();
    hi.pointerEnterMention('b');
    clock.advance(100);
    hi.pointerLeaveMention();
    clock.advance(300);
    expect(opens()).toEqual([null]);
  });

  it('keeps a single card open while sweeping across many mentions', () => {
    for (const k of ['b', 'c', 'd', 'e']) {
      hi.pointerLeaveMention();
      hi.pointerEnterMention(k);
      clock.advance(60);
    }
    clock.advance(250);
    expect(opens()).toEqual(['e']);
  });
});

describe('pinning', () => {
  beforeEach(() => {
    hi.pointerEnterMention('a');
    clock.advance(250);
    hi.pin();
  });

  it('keeps a pinned card however the pointer moves', () => {
    hi.pointerLeaveMention();
    hi.pointerEnterMention('b');
    clock.advance(1000);
    hi.pointerLeaveMention();
    hi.focusOpen('c');
    hi.mentionScrolledAway();
    clock.advance(1000);
    expect(hi.getState()).toEqual({ open: 'a', pinned: true, viaKeyboard: false });
  });

  it('closes a pinned card on Escape', () => {
    hi.escape();
    expect(hi.getState()).toEqual({ open: null, pinned: false, viaKeyboard: false });
  });

  it('after unpinning, closes once the pointer is away for the grace period', () => {
    hi.pointerLeaveMention();
    hi.pointerEnterCard();
    hi.togglePin();
    expect(hi.getState().pinned).toBe(false);
    clock.advance(1000);
    expect(open()).toBe('a');
    hi.pointerLeaveCard();
    clock.advance(300);
    expect(open()).toBeNull();
  });

  it('cannot pin when nothing is open', () => {
    hi.escape();
    hi.pin();
    expect(hi.getState().pinned).toBe(false);
  });
});

it('reports only real changes and stops after dispose', () => {
  hi.focusOpen('a');
  hi.focusOpen('a');
  hi.pointerEnterMention('b');
  hi.dispose();
  clock.advance(1000);
  expect(changes).toHaveLength(1);
  expect(clock.pending()).toBe(0);
});
