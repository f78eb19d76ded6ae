import * as v from 'valibot';
import type { AnyProtocol, Req } from './protocol';

/** What travels over the wire: a type tag and its payload. */
export interface Envelope {
  type: string;
  payload: unknown;
}

/** Every reply is wrapped so an error on the other side arrives as a clear error, not as `undefined`. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

export type Parsed<P extends AnyProtocol> =
  | { ok: true; type: keyof P & string; payload: Req<P, keyof P> }
  | { ok: false; error: string };

/** Pure: checks that `raw` is an envelope of a known type whose payload matches that type's schema. */
export function parseMessage<P extends AnyProtocol>(protocol: P, raw: unknown): Parsed<P> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, error: 'message is not an object' };
  const { type, payload } = raw as Partial<Envelope>;
  if (typeof type !== 'string') return { ok: false, error: 'message has no type' };
  if (!Object.hasOwn(protocol, type)) return { ok: false, error: `unknown message type "${type.slice(0, 60)}"` };
  const schema = (protocol as Record<string, { req: v.GenericSchema }>)[type]!.req;
  const result = v.safeParse(schema, payload ?? {});
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') || '(payload)';
    return { ok: false, error: `invalid "${type}" message: ${path}: ${issue.message}` };
  }
  return { ok: true, type: type as keyof P & string, payload: result.output as Req<P, keyof P> };
}

/** The parts of `runtime.MessageSender` we look at. */
export interface SenderInfo {
  id?: string;
  /** URL of the sending frame (a content script: its page). */
  url?: string;
  /** Chrome sets it; Firefox does not. */
  origin?: string;
  /** The sending tab (content scripts, and extension pages opened in a tab); url needs host access. */
  tab?: { id?: number; url?: string };
}

/** This extension as a sender: its id and the origin of its pages (`chrome-extension://<id>/`, `moz-extension://<uuid>/`). */
export interface ExtensionSelf {
  id: string;
  /** `runtime.getURL('/')`. */
  baseUrl: string;
}

/**
 * Who may send to the background: only this extension (its pages, or its content scripts in tabs).
 * Who may send to a content script: only this extension's own pages or background, recognised by their extension URL.
 * A tab does not disqualify a sender: in Firefox an extension page open in a tab sends with `tab` set. Content
 * scripts cannot message other content scripts, so any sender of ours with a web URL is refused.
 */
export function isTrustedSender(sender: SenderInfo, self: ExtensionSelf, to: 'background' | 'content'): boolean {
  if (sender.id !== self.id) return false;
  if (to === 'background') return true;
  const origin = self.baseUrl.replace(/\/$/, '');
  return sender.url?.startsWith(self.baseUrl) === true || sender.origin === origin;
}
