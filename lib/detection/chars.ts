/**
 * Character-level rules shared by the compiler (build time) and the matcher (page time). Everything works on single
 * UTF-16 code units so that every mapping is length-preserving and page offsets stay valid.
 */

/** Code units the scanner drops entirely: soft hyphen, zero-width (non-)joiners/spaces, word joiner, BOM. */
export function isIgnorableCode(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

/** Whitespace of any width (incl. NBSP, thin space, ideographic space U+3000, line breaks). */
export function isWhitespaceCode(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Hyphens, dashes and minus signs, which page text uses interchangeably in model names ("Ascend-910C"). */
export function isDashCode(c: number): boolean {
  return (
    c === 0x2d ||
    (c >= 0x2010 && c <= 0x2015) ||
    c === 0x2212 ||
    c === 0xfe58 ||
    c === 0xfe63 ||
    c === 0xff0d ||
    c === 0x2e3a ||
    c === 0x2e3b
  );
}

/**
 * Width/space/dash/apostrophe normalisation of one code unit, without case folding: full-width ASCII becomes ASCII,
 * every space and dash becomes ' ', curly apostrophes become "'". Case-sensitive aliases compare against this.
 */
export function baseCode(c: number): number {
  if (c < 0x80) return c === 0x2d || (c >= 0x09 && c <= 0x0d) ? 0x20 : c;
  if (c >= 0xff01 && c <= 0xff5e) return c === 0xff0d ? 0x20 : c - 0xfee0;
  if (isWhitespaceCode(c) || isDashCode(c)) return 0x20;
  if (c === 0x2018 || c === 0x2019 || c === 0x201b || c === 0x02bc) return 0x27;
  return c;
}

// Ranges where toLowerCase changes a code unit (checked against a full 0..0xFFFF sweep on V8).
const CASED_RANGES: readonly [number, number][] = [
  [0xc0, 0x58f],
  [0x10a0, 0x10ff],
  [0x13a0, 0x13ff],
  [0x1c80, 0x1cbf],
  [0x1e00, 0x1fff],
  [0x2100, 0x218f],
  [0x24b6, 0x24cf],
  [0x2c00, 0x2d2f],
  [0xa640, 0xa7ff],
  [0xab70, 0xabbf],
];

let lowerTable: Uint16Array | undefined;

/** Single-unit lower case; characters whose lower case is longer than one unit (e.g. U+0130) stay as they are. */
function lowerCode(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  if (!lowerTable) {
    lowerTable = new Uint16Array(0x10000);
    for (let i = 0; i < 0x10000; i++) lowerTable[i] = i;
    for (const [from, to] of CASED_RANGES) {
      for (let i = from; i <= to; i++) {
        const lower = String.fromCharCode(i).toLowerCase();
        if (lower.length === 1) lowerTable[i] = lower.charCodeAt(0);
      }
    }
  }
  return lowerTable[c]!;
}

/** Full normalisation of one code unit: {@link baseCode} then length-preserving case folding. */
export function foldCode(c: number): number {
  return lowerCode(baseCode(c));
}

/**
 * Letters and digits of Latin-like scripts (Latin, Greek, Cyrillic, their extensions, combining marks, full-width
 * forms) and '_'. A Latin alias is rejected when such a character touches it; CJK, punctuation, ®, ™, apostrophes
 * and dashes are not word characters, so "英伟达的NVIDIA芯片", "Nvidia's", "Intel®" all match.
 */
export function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  return (
    (c >= 0x250 && c <= 0x2af) ||
    (c >= 0x300 && c <= 0x36f) ||
    (c >= 0x370 && c <= 0x3ff && c !== 0x37e && c !== 0x387) ||
    (c >= 0x400 && c <= 0x52f) ||
    (c >= 0x1d00 && c <= 0x1dff) ||
    (c >= 0x1e00 && c <= 0x1fff) ||
    (c >= 0x2c60 && c <= 0x2c7f) ||
    (c >= 0xa720 && c <= 0xa7ff) ||
    (c >= 0xab30 && c <= 0xab6f) ||
    (c >= 0xff10 && c <= 0xff19) ||
    (c >= 0xff21 && c <= 0xff3a) ||
    (c >= 0xff41 && c <= 0xff5a)
  );
}

/** Han ideographs (CJK unified, extension A, compatibility) and surrogates (extensions B+ are astral). */
export function isHanCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xd800 && c <= 0xdfff)
  );
}

let wordTable: Uint8Array | undefined;

/** The word characters of {@link isWordCode} as ranges (a test checks they agree on every code unit). */
const WORD_RANGES: readonly (readonly [number, number])[] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
  [0xaa, 0xaa],
  [0xb5, 0xb5],
  [0xba, 0xba],
  [0xc0, 0xd6],
  [0xd8, 0xf6],
  [0xf8, 0x2af],
  [0x300, 0x37d],
  [0x37f, 0x386],
  [0x388, 0x52f],
  [0x1d00, 0x1fff],
  [0x2c60, 0x2c7f],
  [0xa720, 0xa7ff],
  [0xab30, 0xab6f],
  [0xff10, 0xff19],
  [0xff21, 0xff3a],
  [0xff41, 0xff5a],
];

/** Lookup table form of {@link isWordCode} for the hot path (~65 KB, filled natively: built on every page load). */
export function getWordTable(): Uint8Array {
  if (!wordTable) {
    wordTable = new Uint8Array(0x10000);
    for (const [from, to] of WORD_RANGES) wordTable.fill(1, from, to + 1);
  }
  return wordTable;
}

/** Hangul syllables and jamo (conjoining, compatibility, extended, half-width). */
export function isHangulCode(c: number): boolean {
  return (
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0x1100 && c <= 0x11ff) ||
    (c >= 0x3131 && c <= 0x318e) ||
    (c >= 0xa960 && c <= 0xa97f) ||
    (c >= 0xd7b0 && c <= 0xd7ff) ||
    (c >= 0xffa0 && c <= 0xffdc)
  );
}

/**
 * Katakana, the prolonged sound mark and half-width katakana: the letters of one katakana word. The middle dot
 * U+30FB, which separates words ("ジェンスン・フアン"), is not one.
 */
export function isKatakanaCode(c: number): boolean {
  return (c >= 0x30a1 && c <= 0x30ff && c !== 0x30fb) || (c >= 0x31f0 && c <= 0x31ff) || (c >= 0xff66 && c <= 0xff9f);
}

/** Korean particles and suffixes of one syllable that attach to a name: 엔비디아가, 삼성의, 인텔제, 엔비디아산. */
const HANGUL_PARTICLES_1 = new Set(
  '가 이 은 는 을 를 의 에 와 과 도 만 로 랑 나 께 엔 측 발 산 제 용 향 급 사 등 들 뿐 씩 쪽 며 요 야'.split(' '),
);
/** Longer particles whose first syllable is not a particle on its own. */
const HANGUL_PARTICLES_N = [
  '으로',
  '까지',
  '부터',
  '보다',
  '처럼',
  '라는',
  '라고',
  '라며',
  '하고',
  '한테',
  '조차',
  '마저',
  '밖에',
];

/**
 * Korean attaches particles to nouns without a space, so a Hangul name may be followed by Hangul: true when the
 * Hangul at `at` begins with a particle or suffix ("엔비디아가", "엔비디아에서는"), false when the name runs on into
 * a longer word ("애플" in "애플리케이션", application).
 */
export function isHangulParticleAt(text: string, at: number): boolean {
  if (HANGUL_PARTICLES_1.has(text.charAt(at))) return true;
  for (const p of HANGUL_PARTICLES_N) if (text.startsWith(p, at)) return true;
  return false;
}
