/**
 * A transient message with an optional action (e.g. "Undo"). It announces itself politely, dismisses after a
 * timeout, and pauses that timeout while hovered or focused so the action stays reachable (WCAG 2.2.1).
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export interface ToastProps {
  message: string;
  /** Button label, e.g. "Undo". */
  actionLabel?: string;
  onAction?(): void;
  /** Called on timeout, on the close button and on Escape. */
  onDismiss(): void;
  /** Default 8000 ms. */
  timeoutMs?: number;
  /** Move focus to the action button when shown (use when the focused element just disappeared). */
  autoFocus?: boolean;
}

/** Toast with an optional action button and a close button. */
export function Toast({ message, actionLabel, onAction, onDismiss, timeoutMs = 8000, autoFocus }: ToastProps) {
  const [paused, setPaused] = useState(false);
  const actionRef = useRef<HTMLButtonElement>(null);
  const dismissRef = useRef(onDismiss);
  dismissRef.current = onDismiss;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new message restarts the timer
  useEffect(() => {
    if (paused) return;
    const t = setTimeout(() => dismissRef.current(), timeoutMs);
    return () => clearTimeout(t);
  }, [paused, timeoutMs, message]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new message takes focus again
  useEffect(() => {
    if (autoFocus) actionRef.current?.focus();
  }, [autoFocus, message]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape handling and hover-pause for the whole toast
    <div
      class="clp-toast"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocusIn={() => setPaused(true)}
      onFocusOut={() => setPaused(false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDismiss();
        }
      }}
    >
      <span role="status" class="clp-toast-msg">
        {message}
      </span>
      {actionLabel && onAction && (
        <button type="button" class="clp-btn clp-btn-small" ref={actionRef} onClick={() => onAction()}>
          {actionLabel}
        </button>
      )}
      <button type="button" class="clp-btn-icon" aria-label="Dismiss" onClick={() => onDismiss()}>
        ×
      </button>
    </div>
  );
}
