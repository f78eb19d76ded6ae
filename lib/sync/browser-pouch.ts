/**
 * PouchDB for the extension: IndexedDB (`idb`) mirrors in the extension origin, the HTTP adapter for the server and
 * replication. Import this only where the engine runs (background or an extension page), never from a content script.
 */

import http from 'pouchdb-adapter-http';
import idb from 'pouchdb-adapter-idb';
import PouchDB from 'pouchdb-core';
import replication from 'pouchdb-replication';
import { createPouchFactory, type PouchConstructor } from './pouch-factory';
import type { PouchFactory } from './pouch-types';

let configured: PouchConstructor | null = null;

/** The engine's PouchDB factory for the browser. */
export function browserPouchFactory(): PouchFactory {
  configured ??= PouchDB.plugin(idb).plugin(http).plugin(replication) as unknown as PouchConstructor;
  return createPouchFactory(configured, 'idb');
}
