/** Sync failures in words the reader can act on. Pure. */

export type SyncErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'unreachable'
  | 'missing-database'
  | 'invalid-url'
  | 'unknown';

/** A failure mapped to a kind and a sentence for the settings/status UI. */
export interface SyncProblem {
  kind: SyncErrorKind;
  message: string;
  /** HTTP status when the server answered. */
  status?: number;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'EPIPE',
]);

function field(error: unknown, name: string): unknown {
  return error !== null && typeof error === 'object' ? (error as Record<string, unknown>)[name] : undefined;
}

/** Thrown by the engine with a {@link SyncProblem} attached; `message` is the sentence. */
export class SyncError extends Error {
  constructor(readonly problem: SyncProblem) {
    super(problem.message);
    this.name = 'SyncError';
  }
}

/**
 * Maps an error thrown by PouchDB (HTTP adapter, replication) or fetch to a {@link SyncProblem}. `notebook` names the
 * notebook in the sentence.
 */
export function describeSyncError(error: unknown, notebook: string): SyncProblem {
  if (error instanceof SyncError) return error.problem;
  const status = field(error, 'status');
  const code = field(error, 'code') ?? field(error, 'errno');
  const name = field(error, 'name');
  const message = String(field(error, 'message') ?? field(error, 'reason') ?? error);
  if (status === 401) {
    return {
      kind: 'unauthorized',
      status,
      message: `The server did not accept the user name or password for "${notebook}". Check them in the sync settings.`,
    };
  }
  if (status === 403) {
    return {
      kind: 'forbidden',
      status,
      message: `"${notebook}" is read-only for you: the server refused to store your changes. Your notes stay on this device.`,
    };
  }
  if (status === 404) {
    return {
      kind: 'missing-database',
      status,
      message: `The notebook "${notebook}" does not exist on the server. Ask its administrator to create the database, or check the address.`,
    };
  }
  const networkish =
    (typeof code === 'string' && NETWORK_CODES.has(code)) ||
    name === 'FetchError' ||
    (name === 'TypeError' && /fetch|network/i.test(message)) ||
    /Failed to fetch|NetworkError|ECONNREFUSED|socket hang up/i.test(message);
  if (networkish || status === 0) {
    return {
      kind: 'unreachable',
      message: `The sync server for "${notebook}" cannot be reached. Your changes are kept on this device and go out when it is back.`,
    };
  }
  return {
    kind: 'unknown',
    ...(typeof status === 'number' ? { status } : {}),
    message: `Sync of "${notebook}" failed: ${message.slice(0, 300)}`,
  };
}

/** Checks a configured server address: an absolute http(s) URL of a database, without credentials in it. */
export function checkRemoteUrl(value: string, notebook: string): SyncProblem | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { kind: 'invalid-url', message: `The address of "${notebook}" is not a URL.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      kind: 'invalid-url',
      message: `The address of "${notebook}" must start with https:// (or http:// for a local server).`,
    };
  }
  if (url.username || url.password) {
    return {
      kind: 'invalid-url',
      message: `Put the user name and password for "${notebook}" in their own fields, not in the address.`,
    };
  }
  if (url.pathname.replace(/\/+$/, '') === '') {
    return {
      kind: 'invalid-url',
      message: `The address of "${notebook}" must name a database, e.g. https://couch.example.org/notes.`,
    };
  }
  return null;
}
