/** PouchDB for Node tests and the benchmark: the in-memory adapter for mirrors, HTTP and replication. */

import http from 'pouchdb-adapter-http';
import memory from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import replication from 'pouchdb-replication';
import { createPouchFactory, type PouchConstructor } from '../../lib/sync/pouch-factory';
import type { PouchFactory } from '../../lib/sync/pouch-types';

/** pouchdb-core with the memory, HTTP and replication plugins. */
export const NodePouchDB = PouchDB.plugin(memory).plugin(http).plugin(replication) as unknown as PouchConstructor;

/** The engine's factory with in-memory mirrors. */
export function nodePouchFactory(): PouchFactory {
  return createPouchFactory(NodePouchDB, 'memory');
}
