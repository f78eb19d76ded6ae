import { describe, expect, it } from 'vitest';
import { checkRemoteUrl, describeSyncError } from '../../../lib/sync/errors';

describe('describeSyncError', () => {
  const kind = (e: unknown) => describeSyncError(e, 'Team').kind;
  it('maps HTTP statuses', () => {
    expect(kind({ status: 401, name: 'unauthorized' })).toBe('unauthorized');
    expect(kind({ status: 403, name: 'forbidden' })).toBe('forbidden');
    expect(kind({ status: 404, name: 'not_found', reason: 'no_db_file' })).toBe('missing-database');
    expect(describeSyncError({ status: 403 }, 'Team').message).toMatch(/"Team" is read-only for you/);
  });
  it('maps network failures in Node and in browsers', () => {
    expect(kind({ code: 'ECONNREFUSED', message: 'request failed' })).toBe('unreachable');
    expect(kind(new TypeError('Failed to fetch'))).toBe('unreachable');
    expect(kind(new TypeError('NetworkError when attempting to fetch resource.'))).toBe('unreachable');
  });
  it('says what it does not know', () => {
    expect(describeSyncError({ status: 500, message: 'boom' }, 'Team')).toMatchObject({ kind: 'unknown', status: 500 });
  });
});

describe('checkRemoteUrl', () => {
  it('accepts a database URL', () => {
    expect(checkRemoteUrl('https://couch.example.org/team', 'Team')).toBeNull();
  });
  it('refuses other schemes, credentials in the URL and a server without a database', () => {
    expect(checkRemoteUrl('ftp://x/db', 'Team')?.kind).toBe('invalid-url');
    expect(checkRemoteUrl('https://u:p@x/db', 'Team')?.kind).toBe('invalid-url');
    expect(checkRemoteUrl('https://x/', 'Team')?.kind).toBe('invalid-url');
    expect(checkRemoteUrl('nonsense', 'Team')?.kind).toBe('invalid-url');
  });
});
