/**
 * Word lists for the screening-name rules (names.ts). Small on purpose: they decide which derived names are too
 * ordinary to mark on a news page, not what a name is.
 */

/** Common English words: a derived alias made only of these never matches alone. */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or of for in on at to by with from as is are be new old first one two three all best great good ' +
    'big small high low top prime first star sun moon sky blue red green gold golden silver black white bright ' +
    'future world way link net line point center centre city land sea ocean river mountain east west north south ' +
    'central eastern western northern southern united united states general national royal grand pacific atlantic ' +
    'asia asian euro europe america american orient oriental eagle dragon phoenix tiger lion apex summit peak ' +
    'alpha beta delta omega nova vision victory unity union hope peace power energy light fire water earth ' +
    'smart quick fast rapid direct express premier elite standard modern classic ace max plus pro one care ' +
    'home house time day life trust bridge gate port harbor harbour bay park garden tower castle crown key'
  ).split(/\s+/),
);

/**
 * Generic business and place words: a derived name made only of these (and common words) is not distinctive at all
 * ("Shenzhen Technology", "International Trading") and is dropped, not merely guarded.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  (
    'company companies co corp corporation inc incorporated ltd limited llc plc group holding holdings ' +
    'technology technologies tech science sciences scientific research institute institution university college ' +
    'academy laboratory laboratories lab labs center centre industry industries industrial trading trade ' +
    'import export imports exports international global enterprise enterprises development investment ' +
    'investments electronics electronic electric electrical engineering systems system services service ' +
    'solutions solution logistics shipping supply supplies equipment machinery manufacturing materials ' +
    'products product components semiconductor semiconductors microelectronics devices instruments network ' +
    'networks communication communications information software hardware computer computing data digital ' +
    'intelligent intelligence automation aerospace aviation defense defence military security energy chemical ' +
    'chemicals pharmaceutical bank financial finance capital management consulting office branch factory ' +
    'plant works association bureau ministry department administration committee agency organization ' +
    'china chinese beijing shanghai shenzhen guangzhou tianjin chongqing wuhan chengdu hangzhou nanjing xian ' +
    'hefei suzhou dalian qingdao xiamen harbin changsha zhengzhou jinan hong kong hk macau taiwan taipei ' +
    'russia russian moscow petersburg iran iranian tehran korea korean pyongyang syria belarus minsk ' +
    'uae dubai turkey istanbul singapore malaysia india pakistan'
  ).split(/\s+/),
);

/**
 * Legal forms stripped from the end of a company name (case-insensitive; dots, commas and spaces around them are
 * optional). Longest first, so "Co., Ltd." goes before "Ltd.".
 */
export const LEGAL_SUFFIXES: readonly string[] = [
  'limited liability company',
  'joint stock company',
  'public joint stock company',
  'company limited',
  'co ltd',
  'co limited',
  'corporation',
  'company',
  'limited',
  'pte ltd',
  'sdn bhd',
  'ltd',
  'inc',
  'incorporated',
  'corp',
  'llc',
  'llp',
  'plc',
  'gmbh',
  'ag',
  'sa',
  'sarl',
  'srl',
  'bv',
  'nv',
  'spa',
  'ltda',
  'jsc',
  'pjsc',
  'ojsc',
  'cjsc',
  'co',
];

/** Legal forms written before a name (Russian and similar): "OOO Tekhnoprom", "ООО «Технопром»". */
export const LEGAL_PREFIXES: readonly string[] = [
  'ooo',
  'oao',
  'zao',
  'pao',
  'ao',
  'jsc',
  'pjsc',
  'ojsc',
  'cjsc',
  'ооо',
  'оао',
  'зао',
  'пао',
  'ао',
  'limited liability company',
  'joint stock company',
];

/** Chinese legal forms stripped from the end (longest first). 集团 and 公司 only when something remains. */
export const HAN_LEGAL_SUFFIXES: readonly string[] = [
  '股份有限公司',
  '有限责任公司',
  '有限責任公司',
  '有限公司',
  '(集团)',
  '（集团）',
  '(集團)',
  '（集團）',
  '集团',
  '集團',
  '公司',
];

/** Upper-case acronyms never kept as case-sensitive aliases: they read as ordinary words or titles in news. */
export const ACRONYM_STOPLIST: ReadonlySet<string> = new Set(
  'USA US UK EU UN CEO CFO CTO LLC LTD INC PLC AND THE FOR NEW ONE CAN ALL ARE NOT ITS CO JSC AO SA AG PRC ROC DPRK'.split(
    ' ',
  ),
);
