import { describe, expect, it } from 'vitest';
import { registrableDomain, sameSite } from '../../../lib/annotations/site';

describe('registrableDomain (Public Suffix List)', () => {
  it.each([
    ['www.reuters.com', 'reuters.com'],
    ['amp.theguardian.com', 'theguardian.com'],
    ['news.bbc.co.uk', 'bbc.co.uk'],
    ['www.gov.cn', 'www.gov.cn'], // gov.cn is itself a public suffix
    ['tech.sina.com.cn', 'sina.com.cn'],
    ['alice.github.io', 'alice.github.io'], // github.io is a public suffix (private section)
    ['www.example.ck', 'www.example.ck'], // *.ck: every second-level name is a suffix
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['Example.COM.', 'example.com'],
  ])('%s -> %s', (host, domain) => {
    expect(registrableDomain(host)).toBe(domain);
  });

  it('keeps github.io siblings and two sites under co.uk apart', () => {
    expect(sameSite('alice.github.io', 'mallory.github.io')).toBe(false);
    expect(sameSite('www.bbc.co.uk', 'www.example.co.uk')).toBe(false);
    expect(sameSite('news.bbc.co.uk', 'www.bbc.co.uk')).toBe(true);
  });
});
