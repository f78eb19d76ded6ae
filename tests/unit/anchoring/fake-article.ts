/** Deterministic news-like text for anchoring tests and the anchoring benchmark. */
import { rng } from '../../support/rng';

const WORDS = (
  'the of and to in a is that for on with as by at from it its was are be has have said will not this which but ' +
  'chip chips export controls nvidia huawei ascend h200 h20 b200 tsmc smic commerce department bureau industry ' +
  'security rule entity list license licenses china beijing washington taiwan netherlands asml lithography euv duv ' +
  'memory hbm bandwidth compute performance data centre centers cloud training inference model models companies ' +
  'company officials official government ministry week month year quarter revenue sales market shares analysts ' +
  'supply chain restrictions new old policy policies semiconductor semiconductors foundry node nanometre advanced ' +
  'after before during while because although however meanwhile according people familiar matter statement ' +
  'reported reuters bloomberg filing investors demand shipments customers orders billion million percent'
).split(' ');

/** `words` words in sentences and paragraphs (paragraphs joined with "\n\n", like block text from lib/page). */
export function fakeArticle(words: number, seed = 1): string {
  const next = rng(seed);
  const paragraphs: string[] = [];
  let sentences: string[] = [];
  let sentence: string[] = [];
  for (let i = 0; i < words; i++) {
    // Squaring skews towards the common words at the front of the list, as in real prose.
    const w = WORDS[Math.floor(next() ** 2 * WORDS.length)]!;
    sentence.push(sentence.length === 0 ? w[0]!.toUpperCase() + w.slice(1) : w);
    if (sentence.length > 6 && next() < 0.08) {
      sentences.push(`${sentence.join(' ')}.`);
      sentence = [];
      if (sentences.length > 3 && next() < 0.3) {
        paragraphs.push(sentences.join(' '));
        sentences = [];
      }
    }
  }
  if (sentence.length) sentences.push(`${sentence.join(' ')}.`);
  if (sentences.length) paragraphs.push(sentences.join(' '));
  return paragraphs.join('\n\n');
}
