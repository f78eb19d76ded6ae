/** Adapts a configured PouchDB constructor to the engine's {@link PouchFactory}. */
import type { PouchFactory, PouchLike } from './pouch-types';

/** The PouchDB constructor shape this needs (pouchdb-core with plugins applied). */
export type PouchConstructor = new (name: string, options?: Record<string, unknown>) => unknown;

/**
 * Local names open with `adapter` (`idb` in the extension, `memory` in tests); URLs open with the HTTP adapter,
 * `skip_setup` (a missing database is reported, never created) and the given credentials (HTTP basic auth).
 */
export function createPouchFactory(PouchDB: PouchConstructor, adapter: string): PouchFactory {
  return (nameOrUrl, options = {}) => {
    if (/^https?:\/\//i.test(nameOrUrl)) {
      const auth = options.username ? { username: options.username, password: options.password ?? '' } : undefined;
      return new PouchDB(nameOrUrl, { skip_setup: true, ...(auth ? { auth } : {}) }) as PouchLike;
    }
    return new PouchDB(nameOrUrl, { adapter, auto_compaction: true }) as PouchLike;
  };
}
