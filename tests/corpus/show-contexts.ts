/**
 * Prints matched texts of the last corpus check in context, for a false-positive review:
 * `npx tsx tests/corpus/show-contexts.ts [--text T]... [--entity ID]... [--max N] [--dir test-results/corpus]`.
 * Without filters it prints every distinct (entity, text) with up to N (default 5) contexts, rarest first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../e2e/harness';
import type { MentionContext } from './measure';

const args = process.argv.slice(2);
const texts: string[] = [];
const entities: string[] = [];
let max = 5;
let dir = join(ROOT, 'test-results/corpus');
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  const v = args[++i] ?? '';
  if (a === '--text') texts.push(v);
  else if (a === '--entity') entities.push(v);
  else if (a === '--max') max = Number(v);
  else if (a === '--dir') dir = v;
  else throw new Error(`unknown option ${a}`);
}

const pages = JSON.parse(readFileSync(join(dir, 'contexts.json'), 'utf8')) as {
  page: string;
  contexts: MentionContext[];
}[];
const groups = new Map<string, { page: string; c: MentionContext }[]>();
for (const { page, contexts } of pages) {
  for (const c of contexts) {
    if (texts.length > 0 && !texts.includes(c.text)) continue;
    if (entities.length > 0 && !entities.includes(c.entityId)) continue;
    const key = `${c.entityId} "${c.text}"`;
    const list = groups.get(key) ?? [];
    list.push({ page, c });
    groups.set(key, list);
  }
}
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
for (const [key, list] of [...groups].sort((a, b) => a[1].length - b[1].length)) {
  console.log(`\n== ${key}: ${list.length} in context`);
  for (const { page, c } of list.slice(0, max)) {
    console.log(`  ${page.slice(0, 40).padEnd(40)} …${oneLine(c.before).padStart(60)}[${c.text}]${oneLine(c.after)}…`);
  }
}
