import { describe, expect, it } from 'vitest';
import { judgeName, partyAliases, personNameForms, splitAka, stripLegalForms } from '../../../lib/packs/names';

const texts = (aliases: { text: string }[]) => aliases.map((a) => a.text);

describe('stripLegalForms', () => {
  it.each([
    ['Huawei Technologies Co., Ltd.', 'Huawei Technologies'],
    ['Lanxin Microelectronics Co Ltd', 'Lanxin Microelectronics'],
    ['Acme Semiconductor Corporation', 'Acme Semiconductor'],
    ['Bluepeak Cloud Pte. Ltd.', 'Bluepeak Cloud'],
    ['Zeiss Optik GmbH', 'Zeiss Optik'],
    ['Alfa Microsystems S.A.', 'Alfa Microsystems'],
    ['Nova Silicon Trading Limited', 'Nova Silicon Trading'],
    ['Tekhnoprom Export LLC', 'Tekhnoprom Export'],
    ['OOO Tekhnoprom', 'Tekhnoprom'],
    ['ООО «Технопром»', 'Технопром'],
    ['中芯国际集成电路制造有限公司', '中芯国际集成电路制造'],
    ['晶鸿存储科技集团股份有限公司', '晶鸿存储科技'],
    ['Company', 'Company'],
  ])('%s -> %s', (name, core) => {
    expect(stripLegalForms(name)).toBe(core);
  });
});

describe('splitAka', () => {
  it('splits a.k.a. lists and "the following N aliases"', () => {
    expect(splitAka('Kunpeng Star Co., Ltd., a.k.a., the following two aliases: -Kunpeng Semi; and -KPS')).toEqual([
      'Kunpeng Star Co., Ltd',
      'Kunpeng Semi',
      'KPS',
    ]);
    expect(splitAka('Foo Bar Ltd. (a.k.a. FBC; Foo Bar Microelectronics)')).toEqual([
      'Foo Bar Ltd',
      'FBC',
      'Foo Bar Microelectronics',
    ]);
    expect(splitAka('Alpha Works, f.k.a. Beta Works')).toEqual(['Alpha Works', 'Beta Works']);
  });
});

describe('judgeName', () => {
  it('drops short names and keeps short acronyms only case-sensitively', () => {
    expect(judgeName('Xyz', true, false)).toEqual({ keep: false, reason: 'short' });
    expect(judgeName('LXME', true, false)).toEqual({ keep: 'caseSensitive' });
    expect(judgeName('CEO', true, false)).toEqual({ keep: false, reason: 'acronym' });
    expect(judgeName('AB', true, false)).toEqual({ keep: false, reason: 'acronym' });
  });

  it('drops derived names made only of generic words and guards common words with context', () => {
    expect(judgeName('Shenzhen Technology', true, false)).toEqual({ keep: false, reason: 'generic' });
    expect(judgeName('Phoenix', true, false)).toEqual({ keep: 'context' });
    expect(judgeName('Golden Star', true, false)).toEqual({ keep: 'context' });
    expect(judgeName('Golden Star Co., Ltd', false, true)).toEqual({ keep: 'plain' });
    expect(judgeName('National University of Defense Technology', false, false)).toEqual({ keep: 'plain' });
    expect(judgeName('Huawei Technologies', true, false)).toEqual({ keep: 'plain' });
  });

  it('measures Han names in characters and drops generic Han cores', () => {
    expect(judgeName('华为', true, false)).toEqual({ keep: false, reason: 'short' });
    expect(judgeName('深圳市科技', true, false)).toEqual({ keep: false, reason: 'generic' });
    expect(judgeName('晶鸿存储科技', true, false)).toEqual({ keep: 'plain' });
  });
});

describe('partyAliases', () => {
  it('adds the distinctive core of a company name and the short form in parentheses', () => {
    const aliases = partyAliases({
      name: 'Huaqin Computing Co., Ltd. (HACT)',
      altNames: ['华钦计算有限公司'],
      kind: 'entity',
    });
    expect(texts(aliases)).toEqual([
      'Huaqin Computing Co., Ltd',
      'Huaqin Computing',
      'HACT',
      '华钦计算有限公司',
      '华钦计算',
    ]);
    expect(aliases.find((a) => a.text === 'HACT')?.caseSensitive).toBe(true);
  });

  it('guards a common-word core with the other names and screening words', () => {
    const aliases = partyAliases({ name: 'Phoenix Co., Ltd.', altNames: ['Phoenix Photonics'], kind: 'entity' });
    const phoenix = aliases.find((a) => a.text === 'Phoenix');
    expect(phoenix?.requireContext).toEqual(
      expect.arrayContaining(['Phoenix Co., Ltd', 'Phoenix Photonics', 'Entity List']),
    );
    expect(aliases.find((a) => a.text === 'Phoenix Photonics')?.requireContext).toBeUndefined();
  });

  it('never adds a generic core', () => {
    expect(texts(partyAliases({ name: 'Shenzhen Technology Co., Ltd.', kind: 'entity' }))).toEqual([
      'Shenzhen Technology Co., Ltd',
    ]);
  });

  it('matches individuals by full name only, in both orders of a "SURNAME, Given" listing', () => {
    expect(personNameForms('ZHANG, Weiming')).toEqual(['Weiming ZHANG', 'ZHANG Weiming']);
    expect(texts(partyAliases({ name: 'ZHANG, Weiming', altNames: ['ZHANG', 'Weiming'], kind: 'individual' }))).toEqual(
      ['Weiming ZHANG', 'ZHANG Weiming'],
    );
  });

  it('does not strip legal forms from vessels and keeps aliases unique by matcher key', () => {
    expect(texts(partyAliases({ name: 'OCEAN LOTUS 7', altNames: ['Ocean Lotus 7'], kind: 'vessel' }))).toEqual([
      'OCEAN LOTUS 7',
    ]);
  });
});
