import { describe, expect, it } from 'vitest';
import { compileMatcherData, createMatcher, normalizeAlias, normalizeText } from '../../../lib/detection';
import type { MatchOptions } from '../../../lib/detection/types';
import { INLINE_ENTITIES } from './inline-dataset';

const matcher = createMatcher(compileMatcherData(INLINE_ENTITIES));

/** [entityId, matched text] pairs, in text order. */
function found(text: string, options?: MatchOptions): [string, string][] {
  return matcher.match(text, options).map((m) => [m.entityId, text.slice(m.start, m.end)]);
}

describe('normalisation', () => {
  it('is length-preserving and folds case, width, dashes, spaces and apostrophes', () => {
    const text = 'ＮＶＩＤＩＡ\u00a0H200\u2013Ascend\u3000Nvidia\u2019s İ';
    const out = normalizeText(text);
    expect(out).toHaveLength(text.length);
    expect(out).toBe("nvidia h200 ascend nvidia's İ");
  });

  it('normalises aliases the way the scanner reads text', () => {
    expect(normalizeAlias('  Ascend\u2011910C ')).toBe('ascend 910c');
    expect(normalizeAlias('Bureau  of\n Industry')).toBe('bureau of industry');
    expect(normalizeAlias('NVI\u00adDIA')).toBe('nvidia');
    expect(normalizeAlias(' \u200b ')).toBe('');
  });
});

describe('model numbers', () => {
  it('tells H20 from H2O and from H200 / GH200', () => {
    expect(found('Water is H2O; the H20 is a China-only GPU.')).toEqual([['h20', 'H20']]);
    expect(found('H200, GH200 and 2H20 guidance')).toEqual([
      ['h200', 'H200'],
      ['gh200', 'GH200'],
    ]);
  });

  it('reads GB200 but not "200 GB"', () => {
    expect(found('a GB200 rack with 200 GB of memory')).toEqual([['gb200', 'GB200']]);
  });

  it('keeps B30A, B300, RTX Pro 6000D, RTX Pro 6000, MI300X and MI300A apart', () => {
    expect(found('B30A vs B300; RTX Pro 6000D vs RTX Pro 6000; MI300X vs MI300A')).toEqual([
      ['b30a', 'B30A'],
      ['b300', 'B300'],
      ['rtx-pro-6000d', 'RTX Pro 6000D'],
      ['rtx-pro-6000', 'RTX Pro 6000'],
      ['mi300x', 'MI300X'],
      ['mi300a', 'MI300A'],
    ]);
  });

  it('accepts hyphen, dash, no-break-space and joined spellings of a spaced name', () => {
    for (const spelling of ['Ascend 910C', 'Ascend-910C', 'Ascend\u2013910C', 'Ascend\u00a0910C', 'Ascend910C']) {
      expect(found(`Huawei's ${spelling} ships.`)).toEqual([['ascend-910c', spelling]]);
    }
    expect(found('华为昇腾 910C出货')).toEqual([['ascend-910c', '昇腾 910C']]);
  });
});

describe('words that are also names', () => {
  it('reads Grace Hopper the admiral as nobody, and Hopper the architecture only with NVIDIA context', () => {
    expect(found('Rear Admiral Grace Hopper wrote the first compiler. Hopper retired in 1986.')).toEqual([]);
    expect(found('NVIDIA said its Hopper parts sell well.')).toEqual([
      ['nvidia', 'NVIDIA'],
      ['hopper', 'Hopper'],
    ]);
    expect(found('NVIDIA bought a grain hopper.')).toEqual([['nvidia', 'NVIDIA']]);
    expect(found('NVIDIA ships the Grace Hopper superchip.')).toEqual([
      ['nvidia', 'NVIDIA'],
      ['gh200', 'Grace Hopper'],
    ]);
  });

  it('does not read the unit ampere or micron as companies or chips', () => {
    expect(found('The pump draws 10 amperes through a 5 micron filter. Ampere was a physicist.')).toEqual([]);
    expect(found('NVIDIA moved from Ampere to Hopper GPUs.')).toEqual([
      ['nvidia', 'NVIDIA'],
      ['ampere', 'Ampere'],
      ['hopper', 'Hopper'],
    ]);
    expect(found('Micron sells HBM memory.')).toEqual([['micron', 'Micron']]);
  });

  it('matches Intel the company, not intel the slang or a longer word', () => {
    expect(found('The intel suggests Intelligence services knew.')).toEqual([]);
    // Title case cannot be told from the company by capitalisation alone: the dataset's forbidContext must do it.
    expect(found('Intel Official statement')).toEqual([['intel', 'Intel']]);
    expect(found('INTEL SHARES FALL')).toEqual([]);
  });

  it('ignores "Commerce" and "entity list" as plain words', () => {
    expect(found('E-commerce grew; Commerce is busy; our entity list is long.')).toEqual([]);
    expect(found('The Commerce Department added firms to the Entity List.')).toEqual([
      ['us-commerce', 'Commerce Department'],
      ['entity-list', 'Entity List'],
    ]);
  });
});

describe('acronyms', () => {
  it('tells BIS the export bureau from BIS the bank', () => {
    expect(found('The BIS in Basel published its annual report.')).toEqual([]);
    expect(found('The Bank for International Settlements (BIS) warned on export credit.')).toEqual([]);
    expect(found('BIS tightened export rules.')).toEqual([['bis', 'BIS']]);
    // Context phrases span line breaks and indentation as written in HTML source.
    expect(found('The Bank for International\n      Settlements (BIS) warned on export credit.')).toEqual([]);
  });

  it('tells the CAC regulator from the CAC 40 index', () => {
    expect(found('The CAC 40 rose 1% in Paris; Euronext CAC shares too.')).toEqual([]);
    expect(found('China’s CAC summoned Nvidia over H20 risks.')).toEqual([
      ['cac', 'CAC'],
      ['nvidia', 'Nvidia'],
      ['h20', 'H20'],
    ]);
  });
});

describe('Chinese', () => {
  it('does not read 字节, 阿里山, 摩尔定律 or 升腾 as companies or chips', () => {
    expect(found('一个字节有八位。阿里山的日出。摩尔定律放缓。云雾升腾。')).toEqual([]);
    expect(found('字节跳动、阿里巴巴和摩尔线程')).toEqual([
      ['bytedance', '字节跳动'],
      ['alibaba', '阿里巴巴'],
      ['moore-threads', '摩尔线程'],
    ]);
  });

  it('tells 寒武纪 the company from the Cambrian period by context', () => {
    expect(found('寒武纪生命大爆发发生在五亿年前。')).toEqual([]);
    expect(found('寒武纪发布新款AI芯片')).toEqual([['cambricon', '寒武纪']]);
  });

  it('reads 昇腾 but never the look-alike verb 升腾', () => {
    expect(found('华为昇腾芯片；烟雾升腾')).toEqual([['huawei-ascend', '昇腾']]);
  });

  it('prefers 美国商务部 over the 商务部 inside it', () => {
    expect(found('美国商务部宣布新规')).toEqual([['us-commerce', '美国商务部']]);
  });

  it('resolves a shared alias by its declared context', () => {
    expect(found('商务部新闻发言人表示')).toEqual([['mofcom', '商务部']]);
    expect(found('美国政府收紧管制，商务部表示')).toEqual([['us-commerce', '商务部']]);
  });

  it('guards a two-character Han alias without declared context', () => {
    expect(found('美光灯下')).toEqual([]);
    expect(found('美光扩产HBM芯片')).toEqual([['micron', '美光']]);
  });
});

describe('Japanese and Korean', () => {
  it('reads katakana and kanji names in Japanese running text, without spaces', () => {
    expect(found('エヌビディアは米国の半導体大手で、インテルやサムスン電子と競合する。')).toEqual([
      ['nvidia', 'エヌビディア'],
      ['intel', 'インテル'],
      ['samsung', 'サムスン電子'],
    ]);
    expect(found('米エヌビディア株が上昇')).toEqual([['nvidia', 'エヌビディア']]);
  });

  it('does not read a katakana name inside a longer katakana word', () => {
    expect(found('インテルサットの衛星。アップルパイを焼いた。')).toEqual([]);
    expect(found('アップルの新製品')).toEqual([['apple', 'アップル']]);
  });

  it('reads Hangul names with particles attached', () => {
    expect(found('엔비디아가 H20 판매를 재개했다. 엔비디아는 삼성전자의 HBM을 쓴다.')).toEqual([
      ['nvidia', '엔비디아'],
      ['h20', 'H20'],
      ['nvidia', '엔비디아'],
      ['samsung', '삼성전자'],
    ]);
    expect(found('엔비디아에서는 인텔과 달리')).toEqual([
      ['nvidia', '엔비디아'],
      ['intel', '인텔'],
    ]);
    expect(found('애플이 발표했다 (애플)')).toEqual([
      ['apple', '애플'],
      ['apple', '애플'],
    ]);
  });

  it('does not read a Hangul name inside a longer Hangul word', () => {
    // 파인애플 pineapple, 애플리케이션 application, 인텔리전스 intelligence.
    expect(found('파인애플 주스, 모바일 애플리케이션, 인공 인텔리전스')).toEqual([]);
  });
});

describe('boundaries across scripts', () => {
  it('matches Latin names touching CJK, punctuation and symbols', () => {
    expect(found('英伟达的NVIDIA芯片')).toEqual([
      ['nvidia', '英伟达'],
      ['nvidia', 'NVIDIA'],
    ]);
    expect(found('このIntel NUCは')).toEqual([['intel', 'Intel']]);
    expect(found('Intel® Xeon, 「Intel SSD」, Intel™')).toEqual([
      ['intel', 'Intel'],
      ['intel', 'Intel'],
      ['intel', 'Intel'],
    ]);
    expect(found("Nvidia’s and Nvidia's")).toEqual([
      ['nvidia', 'Nvidia'],
      ['nvidia', 'Nvidia'],
    ]);
  });

  it('rejects Latin names inside longer Latin, Greek or Cyrillic words', () => {
    expect(found('NVIDIAX NVIDIAé αNVIDIA NVIDIAж NVIDIA_H100')).toEqual([]);
  });

  it('matches full-width Latin', () => {
    expect(found('ＮＶＩＤＩＡ的Ｈ２００')).toEqual([
      ['nvidia', 'ＮＶＩＤＩＡ'],
      ['h200', 'Ｈ２００'],
    ]);
  });
});

describe('leftmost-longest selection', () => {
  it('prefers the longer alias', () => {
    expect(found('Alibaba Cloud, Alibaba.com and Alibaba')).toEqual([
      ['alibaba-cloud', 'Alibaba Cloud'],
      ['alibaba', 'Alibaba.com'],
      ['alibaba', 'Alibaba'],
    ]);
    expect(found('英伟达H200出货')).toEqual([['h200', '英伟达H200']]);
  });

  it('spans collapsed whitespace and soft hyphens with offsets into the original text', () => {
    const text = 'x Alibaba \n   Cloud and NVI\u00adDIA';
    expect(found(text)).toEqual([
      ['alibaba-cloud', 'Alibaba \n   Cloud'],
      ['nvidia', 'NVI\u00adDIA'],
    ]);
  });

  it('reports UTF-16 offsets after astral characters', () => {
    const text = '😀𠀀 NVIDIA';
    const [m] = matcher.match(text);
    expect(m).toMatchObject({ entityId: 'nvidia', entityType: 'company', start: 5, end: 11, aliasKey: 'nvidia' });
  });

  it('returns mentions in text order without overlaps', () => {
    const mentions = matcher.match('Alibaba Cloud buys H200 and B300 from NVIDIA; 英伟达H200 too.');
    for (let i = 1; i < mentions.length; i++) expect(mentions[i]!.start).toBeGreaterThanOrEqual(mentions[i - 1]!.end);
    expect(mentions.map((m) => m.entityId)).toEqual(['alibaba-cloud', 'h200', 'b300', 'nvidia', 'h200']);
  });
});

describe('context rules', () => {
  it('looks only within the window', () => {
    const far = `${'x '.repeat(150)}`;
    expect(found(`Hopper ${far} NVIDIA`)).toEqual([['nvidia', 'NVIDIA']]);
    expect(found(`Hopper is near NVIDIA`)).toEqual([
      ['hopper', 'Hopper'],
      ['nvidia', 'NVIDIA'],
    ]);
  });

  it('matches context words on word boundaries, allowing plurals', () => {
    expect(found('Hopper said she would aim for GPUs.')).toEqual([['hopper', 'Hopper']]);
    expect(found('Hopper said she likes GPUSA.')).toEqual([]);
  });
});

describe('"not this" suppression', () => {
  it('drops the skipped alias and keeps its text claimed', () => {
    const skip = (id: string, key: string) => id === 'alibaba-cloud' && key === 'alibaba cloud';
    expect(found('Alibaba Cloud and 阿里云', { skip })).toEqual([['alibaba-cloud', '阿里云']]);
  });

  it('falls through to the other entity of a shared alias', () => {
    const skip = (id: string) => id === 'us-commerce';
    expect(found('美国政府收紧管制，商务部表示', { skip })).toEqual([['mofcom', '商务部']]);
  });
});

describe('compiled data', () => {
  it('survives a JSON round trip and a prebuilt automaton gives the same mentions', () => {
    const text = '美国商务部 BIS export rules hit Alibaba Cloud, H20 and 昇腾 910C; CAC 40 up; 美光 HBM芯片';
    const data = compileMatcherData(INLINE_ENTITIES);
    const prebuilt = compileMatcherData(INLINE_ENTITIES, { prebuildAutomaton: true });
    const expected = matcher.match(text);
    expect(expected.length).toBeGreaterThan(4);
    expect(createMatcher(JSON.parse(JSON.stringify(data))).match(text)).toEqual(expected);
    expect(createMatcher(JSON.parse(JSON.stringify(prebuilt))).match(text)).toEqual(expected);
  });
});
