import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../lib/dataset/load';
import { compileMatcherData, createMatcher } from '../../../lib/detection';

const matcher = createMatcher(compileMatcherData(loadDataset().entities));

function found(text: string): [string, string][] {
  return matcher.match(text).map((m) => [m.entityId, text.slice(m.start, m.end)]);
}

// Traps from the reference fact sheet (section 5), against the bundled dataset's own alias rules.
describe('the bundled dataset on known traps', () => {
  it.each([
    ['H2O is water', []],
    [
      'H20 vs H200 vs GH200',
      [
        ['nvidia-h20', 'H20'],
        ['nvidia-h200', 'H200'],
        ['nvidia-gh200', 'GH200'],
      ],
    ],
    ['a GB200 with 200 GB', [['nvidia-gb200', 'GB200']]],
    [
      'B30A and B300',
      [
        ['nvidia-b30a', 'B30A'],
        ['nvidia-b300', 'B300'],
      ],
    ],
    ['the RTX Pro 6000D, not the RTX Pro 6000', [['nvidia-rtx-pro-6000d', 'RTX Pro 6000D']]],
    [
      'MI300X and MI300A',
      [
        ['amd-mi300x', 'MI300X'],
        ['amd-mi300a', 'MI300A'],
      ],
    ],
    ['Rear Admiral Grace Hopper wrote COBOL; Hopper retired in 1986.', []],
    ['The CAC 40 closed higher on Euronext Paris.', []],
    ['The BIS, the Bank for International Settlements in Basel, said so.', []],
    ['The intel was solid; e-commerce grew; Commerce is busy.', []],
    ['10 amperes through a 5 micron filter', []],
    ['在阿里山看日出。摩尔定律。一个字节。寒武纪生命大爆发。炊烟升腾。', []],
    [
      '美国商务部和商务部',
      [
        ['us-commerce', '美国商务部'],
        ['mofcom', '商务部'],
      ],
    ],
    [
      'Alibaba Cloud and Alibaba',
      [
        ['alibaba-cloud', 'Alibaba Cloud'],
        ['alibaba', 'Alibaba'],
      ],
    ],
    [
      'ＮＶＩＤＩＡ and Nvidia’s and Intel®',
      [
        ['nvidia', 'ＮＶＩＤＩＡ'],
        ['nvidia', 'Nvidia'],
        ['intel', 'Intel'],
      ],
    ],
    [
      '英伟达的NVIDIA芯片',
      [
        ['nvidia', '英伟达'],
        ['nvidia', 'NVIDIA'],
      ],
    ],
    ['このIntel NUC', [['intel', 'Intel']]],
    [
      'Huawei’s Ascend-910C',
      [
        ['huawei', 'Huawei'],
        ['huawei-ascend-910c', 'Ascend-910C'],
      ],
    ],
    ['华为昇腾910C', [['huawei-ascend-910c', '华为昇腾910C']]],
    ['广东省发改委和国家发改委', [['ndrc', '国家发改委']]],
  ] as [string, [string, string][]][])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

// False positives found by the corpus check on real news pages (tests/corpus), next to the true positives they
// must not cost.
describe('the bundled dataset on real-page false positives', () => {
  it.each([
    ['Call with Intel Official', []],
    ['Intel reported higher data-center sales.', [['intel', 'Intel']]],
    ['Brie & Golden Apple Panini', []],
    [
      'Apple said it would use TSMC chips.',
      [
        ['apple', 'Apple'],
        ['tsmc', 'TSMC'],
      ],
    ],
    ['meat companies linked to Amazon fires', []],
    [
      'Microsoft, Meta, Amazon and Google kept buying GPUs.',
      [
        ['microsoft', 'Microsoft'],
        ['meta', 'Meta'],
        ['amazon', 'Amazon'],
        ['google', 'Google'],
      ],
    ],
    ['Washington State Department of Health', []],
    ['A State Department official said export licences were under review.', [['us-state-dept', 'State Department']]],
    ['Meta', []],
  ] as [string, [string, string][]][])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});
