/**
 * Deterministic generator of realistic-looking screening-list parties for the pack benchmark: company names in Latin
 * (pinyin and English words with legal forms), Chinese and Cyrillic scripts, and people ("SURNAME, Given"). All
 * synthetic. `generateParties(50_000)` gives about 100,000 aliases after the name rules.
 */

import { CSL_CSV_COLUMNS } from '../../lib/packs/csl-record';
import { csvField } from '../../lib/packs/csv';
import { rng } from '../support/rng';

const PINYIN = (
  'an bai bao bei ben bing bo cai chang chao chen cheng chuang da dan de ding dong fa fan fang feng fu gang gao ge ' +
  'guang gui guo hai han hang hao he heng hong hua huai huan hui jia jian jiang jie jin jing jiu ju kai kang ke kun ' +
  'lan lang lei li lian liang lin ling long lu luo mao mei ming nan ning pan peng ping qi qian qiang qing rong rui ' +
  'sen shan shang sheng shi shun si song tai tao tian tong wan wei wen xi xia xian xiang xin xing xu ya yang yao ye ' +
  'yi yin ying yong yu yuan yue yun ze zhan zhao zhen zheng zhi zhong zhou zhu'
).split(' ');
const INDUSTRY = (
  'Microelectronics|Semiconductor|Photonics|Precision Machinery|Optoelectronics|Integrated Circuit|Computing|' +
  'Electronic Components|Advanced Materials|Aerospace Technology|Intelligent Equipment|Measurement Technology|' +
  'Wafer Equipment|Power Devices|Memory Technology|Network Technology|Display Technology|Vacuum Technology'
).split('|');
const CITY = 'Shenzhen Shanghai Beijing Wuhan Hefei Chengdu Xian Nanjing Suzhou Tianjin Dalian Xiamen'.split(' ');
const LEGAL = ['Co., Ltd.', 'Co., Ltd.', 'Limited', 'Corporation', 'Group Co., Ltd.', 'Technology Co., Ltd.'];
const HAN = Array.from(
  '华芯微电子光科技精密材料半导体集成电路晶圆存储计算航天测量智能装备显示真空功率网络蓝星鸿海中天致远恒通瑞达宏泰',
);
const HAN_CITY = ['深圳', '上海', '北京', '武汉', '合肥', '成都', '西安', '南京'];
const HAN_LEGAL = ['有限公司', '股份有限公司', '集团有限公司', '科技有限公司'];
const CYR = Array.from('абвгдежзиклмнопрстуфхцчшэюя');
const CYR_WORDS = ['Техно', 'Микро', 'Электро', 'Прибор', 'Радио', 'Спец', 'Пром', 'Систем', 'Комплект', 'Снаб'];
const CYR_LEGAL = ['ООО', 'АО', 'ПАО', 'ЗАО'];
const SURNAMES = 'WANG LI ZHANG LIU CHEN YANG HUANG ZHAO WU ZHOU XU SUN MA ZHU HU GUO HE LIN LUO GAO'.split(' ');
const RU_SURNAMES = 'IVANOV PETROV SOKOLOV POPOV LEBEDEV KOZLOV NOVIKOV MOROZOV VOLKOV SOLOVYOV'.split(' ');
const RU_GIVEN = 'Ivan Sergei Dmitri Andrei Alexei Mikhail Nikolai Pavel Yuri Oleg'.split(' ');
const SOURCES = [
  'Entity List (EL) - Bureau of Industry and Security',
  'Specially Designated Nationals (SDN) - Treasury Department',
  'Military End User (MEU) List - Bureau of Industry and Security',
];

/** One generated party in the CSL's terms. */
export interface GeneratedParty {
  source: string;
  type: 'Entity' | 'Individual';
  name: string;
  altNames: string[];
  startDate: string;
}

/** Generates `count` unique parties from a seed (same output for the same arguments). */
export function generateParties(count: number, seed = 17): GeneratedParty[] {
  const rand = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
  const pinyinName = () => cap(pick(PINYIN)) + pick(PINYIN) + (rand() < 0.4 ? pick(PINYIN) : '');
  const hanName = (n: number) => Array.from({ length: n }, () => pick(HAN)).join('');
  const seen = new Set<string>();
  const out: GeneratedParty[] = [];
  while (out.length < count) {
    const r = rand();
    let party: Omit<GeneratedParty, 'source' | 'startDate'>;
    if (r < 0.55) {
      const core = `${pinyinName()} ${pick(INDUSTRY)}`;
      const name = `${rand() < 0.3 ? `${pick(CITY)} ` : ''}${core} ${pick(LEGAL)}`;
      party = { type: 'Entity', name, altNames: rand() < 0.35 ? [`${hanName(4)}${pick(HAN_LEGAL)}`] : [] };
    } else if (r < 0.7) {
      party = {
        type: 'Entity',
        name: `${pick(HAN_CITY)}${hanName(3 + Math.floor(rand() * 3))}${pick(HAN_LEGAL)}`,
        altNames: [],
      };
    } else if (r < 0.8) {
      const word = pick(CYR_WORDS) + Array.from({ length: 3 }, () => pick(CYR)).join('');
      party = { type: 'Entity', name: `${pick(CYR_LEGAL)} «${word}»`, altNames: [] };
    } else if (r < 0.92) {
      party = { type: 'Individual', name: `${pick(SURNAMES)}, ${pinyinName()}`, altNames: [] };
    } else {
      const surname = pick(RU_SURNAMES);
      party = { type: 'Individual', name: `${surname}, ${pick(RU_GIVEN)} ${pick(RU_GIVEN)}ovich`, altNames: [] };
    }
    if (seen.has(party.name)) continue;
    seen.add(party.name);
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    out.push({ ...party, source: pick(SOURCES), startDate: `20${18 + Math.floor(rand() * 8)}-${month}-15` });
  }
  return out;
}

/** The parties as the CSL JSON download (`{ results }`). */
export function toCslJson(parties: readonly GeneratedParty[]): string {
  const results = parties.map((p, i) => ({
    id: `bench-${i}`,
    source: p.source,
    type: p.type,
    name: p.name,
    alt_names: p.altNames,
    programs: [],
    addresses: [{ address: `${i} Bench Road`, city: 'Shenzhen', state: null, postal_code: null, country: 'CN' }],
    start_date: p.startDate,
    federal_register_notice: '99 FR 10001',
    license_requirement: 'For all items subject to the EAR.',
    license_policy: 'Presumption of denial.',
    remarks: 'Synthetic benchmark record.',
    source_list_url: 'https://example.org/list',
  }));
  return JSON.stringify({ total: results.length, results });
}

/** The parties as the CSL CSV download. */
export function toCslCsv(parties: readonly GeneratedParty[]): string {
  const lines = [CSL_CSV_COLUMNS.join(',')];
  parties.forEach((p, i) => {
    const cells: Record<string, string> = {
      _id: `bench-${i}`,
      source: p.source,
      type: p.type,
      name: p.name,
      alt_names: p.altNames.join('; '),
      addresses: `${i} Bench Road, Shenzhen, , , CN`,
      start_date: p.startDate,
      federal_register_notice: '99 FR 10001',
      remarks: 'Synthetic benchmark record.',
      source_list_url: 'https://example.org/list',
    };
    lines.push(CSL_CSV_COLUMNS.map((c) => csvField(cells[c] ?? '')).join(','));
  });
  return lines.join('\r\n');
}

/** The parties as a CSV pack (name, aliases, type, note): aliases as listed, without the screening name rules. */
export function toPackCsv(parties: readonly GeneratedParty[]): string {
  const lines = ['name,aliases,type,note'];
  for (const p of parties) {
    const type = p.type === 'Individual' ? 'person' : 'company';
    lines.push([p.name, p.altNames.join('|'), type, 'Synthetic benchmark record.'].map((c) => csvField(c)).join(','));
  }
  return lines.join('\r\n');
}
