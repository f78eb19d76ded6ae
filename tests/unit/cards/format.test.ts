import { describe, expect, it } from 'vitest';
import { countLabel, countryName, formatIsoDate, safeHttpsUrl } from '../../../lib/cards/format';

describe('formatIsoDate', () => {
  it.each([
    ['2024-11-05', '5 Nov 2024'],
    ['2024-11', 'Nov 2024'],
    ['2024', '2024'],
    ['2024-13', '2024-13'],
    ['Q3 2024', 'Q3 2024'],
  ])('%s -> %s', (iso, shown) => expect(formatIsoDate(iso)).toBe(shown));
});

describe('safeHttpsUrl', () => {
  it.each([
    ['https://www.bis.gov/entity-list', 'https://www.bis.gov/entity-list'],
    ['http://example.com/', null],
    ['javascript:alert(1)', null],
    ['data:text/html,hi', null],
    ['//evil.example/', null],
    ['', null],
    [undefined, null],
  ])('%s -> %s', (url, out) => expect(safeHttpsUrl(url)).toBe(out));
});

it('names countries and falls back to the code', () => {
  expect(countryName('TW')).toBe('Taiwan');
  expect(countryName('EU')).toBe('European Union');
  expect(countryName('not-a-code')).toBe('not-a-code');
});

it('counts with the right noun', () => {
  expect(countLabel(1, 'mention', 'mentions')).toBe('1 mention');
  expect(countLabel(0, 'mention', 'mentions')).toBe('0 mentions');
});
