/** Reading untrusted parsed JSON without ever touching inherited properties (`__proto__`, `constructor`, ...). */

export type Json = Record<string, unknown>;

export function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** `obj[key]` if it is the object's own property, else undefined. */
export function own(obj: unknown, key: string): unknown {
  return isObject(obj) && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

export function ownString(obj: unknown, key: string): string | undefined {
  const v = own(obj, key);
  return typeof v === 'string' ? v : undefined;
}

/** A JSON-LD value that may be one item or an array of items, as an array. */
export function asList(x: unknown): unknown[] {
  if (x === undefined || x === null) return [];
  return Array.isArray(x) ? x : [x];
}

/** Whether a JSON-LD `type` (string or array of strings) includes `name`. */
export function hasType(obj: unknown, name: string): boolean {
  return asList(own(obj, 'type')).includes(name);
}
