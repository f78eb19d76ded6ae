/**
 * When the hover card opens, switches and closes: a small state machine fed with pointer, focus and key events.
 * No DOM: the content script translates DOM events into these calls and renders `onChange` states.
 *
 * Behaviour (after Wikipedia Page Previews and Yomitan, see field notes §1):
 * - resting on a mention for `dwellMs` opens its card; passing over it more quickly does nothing;
 * - leaving the mention or the card starts a `graceMs` countdown, cancelled by entering either again, so the pointer
 *   can travel from the mention to the card (or back) without it closing;
 * - with a card open, resting on another mention for `dwellMs` switches straight to that mention's card (no closed
 *   state in between); merely crossing other mentions on the way to the card changes nothing;
 * - one card at a time; keyboard focus opens at once (`viaKeyboard`); Esc closes, pinned or not;
 * - a pinned card ignores the pointer and focus on other mentions, and stays until unpinned, Esc or `close()`.
 */

/** What the content script renders. `open` is the key of the mention whose card is shown. */
export interface HoverCardState {
  open: string | null;
  pinned: boolean;
  /** The card was opened from the keyboard: move focus into it. */
  viaKeyboard: boolean;
}

/** Timer functions, injected so tests drive time themselves. */
export interface HoverTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface HoverIntentOptions {
  onChange(state: HoverCardState): void;
  /** Rest time on a mention before its card opens (default 250 ms). */
  dwellMs?: number;
  /** Time allowed out of both mention and card before the card closes (default 300 ms). */
  graceMs?: number;
  /** Defaults to the global setTimeout/clearTimeout. */
  timers?: HoverTimers;
}

export interface HoverIntent {
  pointerEnterMention(key: string): void;
  pointerLeaveMention(): void;
  pointerEnterCard(): void;
  pointerLeaveCard(): void;
  /** Opens `key`'s card at once, as when a mention gets keyboard focus. */
  focusOpen(key: string): void;
  /** Focus left both the mention and the card: closes a keyboard-opened, unpinned card. */
  focusLeave(): void;
  /** Closes the card even when pinned. */
  escape(): void;
  /** Same as escape (close button). */
  close(): void;
  pin(): void;
  unpin(): void;
  togglePin(): void;
  /** The mention `key` (or, without a key, whichever is open) left the viewport: closes its unpinned card. */
  mentionScrolledAway(key?: string): void;
  getState(): HoverCardState;
  /** Cancels pending timers; no more onChange calls. */
  dispose(): void;
}

const globalTimers: HoverTimers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Creates the state machine; it starts closed and reports only real changes. */
export function createHoverIntent(options: HoverIntentOptions): HoverIntent {
  const { onChange, dwellMs = 250, graceMs = 300, timers = globalTimers } = options;
  let state: HoverCardState = { open: null, pinned: false, viaKeyboard: false };
  let pointerOnMention: string | null = null;
  let pointerInCard = false;
  let dwellKey: string | null = null;
  let dwellTimer: unknown = null;
  let graceTimer: unknown = null;
  let disposed = false;

  const set = (next: HoverCardState) => {
    if (disposed) return;
    if (next.open === state.open && next.pinned === state.pinned && next.viaKeyboard === state.viaKeyboard) return;
    state = next;
    onChange({ ...state });
  };
  const cancelDwell = () => {
    if (dwellTimer !== null) timers.clearTimeout(dwellTimer);
    dwellTimer = null;
    dwellKey = null;
  };
  const cancelGrace = () => {
    if (graceTimer !== null) timers.clearTimeout(graceTimer);
    graceTimer = null;
  };
  const closeNow = () => {
    cancelDwell();
    cancelGrace();
    // The card is gone, so the pointer is no longer in it (it fires no pointerleave when removed).
    pointerInCard = false;
    set({ open: null, pinned: false, viaKeyboard: false });
  };
  const startDwell = (key: string) => {
    if (dwellKey === key) return;
    cancelDwell();
    dwellKey = key;
    dwellTimer = timers.setTimeout(() => {
      dwellTimer = null;
      dwellKey = null;
      cancelGrace();
      set({ open: key, pinned: false, viaKeyboard: false });
    }, dwellMs);
  };
  /** Starts the close countdown if nothing holds the card open. */
  const maybeStartGrace = () => {
    if (state.open === null || state.pinned || state.viaKeyboard) return;
    if (pointerInCard || pointerOnMention === state.open) return;
    if (graceTimer !== null) return;
    graceTimer = timers.setTimeout(() => {
      graceTimer = null;
      closeNow();
    }, graceMs);
  };

  return {
    pointerEnterMention(key) {
      pointerOnMention = key;
      if (state.pinned) return;
      if (state.open === key) {
        cancelDwell();
        cancelGrace();
        return;
      }
      // Another card may be open: keep it, without counting down, until this dwell completes (switch) or the
      // pointer leaves this mention (countdown restarts). So no closed frame appears between two cards.
      cancelGrace();
      startDwell(key);
    },
    pointerLeaveMention() {
      pointerOnMention = null;
      cancelDwell();
      maybeStartGrace();
    },
    pointerEnterCard() {
      pointerInCard = true;
      // Reaching the card means the reader wants it, not a mention crossed on the way.
      cancelDwell();
      cancelGrace();
    },
    pointerLeaveCard() {
      pointerInCard = false;
      maybeStartGrace();
    },
    focusOpen(key) {
      if (state.pinned && state.open !== key) return;
      cancelDwell();
      cancelGrace();
      set({ open: key, pinned: state.pinned, viaKeyboard: true });
    },
    focusLeave() {
      if (state.viaKeyboard && !state.pinned && !pointerInCard) closeNow();
    },
    escape: closeNow,
    close: closeNow,
    pin() {
      if (state.open === null) return;
      cancelDwell();
      cancelGrace();
      set({ ...state, pinned: true });
    },
    unpin() {
      if (!state.pinned) return;
      // From here a hovered card closes once the pointer is away for the grace period; a keyboard one on focusLeave.
      set({ ...state, pinned: false });
      maybeStartGrace();
    },
    togglePin() {
      if (state.pinned) this.unpin();
      else this.pin();
    },
    mentionScrolledAway(key) {
      if (dwellKey !== null && (key === undefined || key === dwellKey)) cancelDwell();
      if (state.open === null || state.pinned) return;
      if (key === undefined || key === state.open) closeNow();
    },
    getState: () => ({ ...state }),
    dispose() {
      cancelDwell();
      cancelGrace();
      disposed = true;
    },
  };
}
