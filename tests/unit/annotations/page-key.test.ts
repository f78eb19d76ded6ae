import { describe, expect, it } from 'vitest';
import { pageKey, pageKeyOrigin } from '../../../lib/annotations/page-key';

describe('pageKey', () => {
  it('gives the same key to one article reached with tracking parameters and a fragment', () => {
    const plain = pageKey({ url: 'https://www.reuters.com/technology/nvidia-h20-2025-04-16/' });
    const tracked = pageKey({
      url: 'https://www.reuters.com/technology/nvidia-h20-2025-04-16/?utm_source=twitter&utm_medium=social&fbclid=IwAR0x&gclid=abc#comments',
    });
    expect(tracked).toBe(plain);
    expect(plain).toBe('https://www.reuters.com/technology/nvidia-h20-2025-04-16/');
  });

  it('keeps parameters that identify the article, sorted so their order does not matter', () => {
    const a = pageKey({ url: 'https://news.example.com/article?id=42&page=2&utm_campaign=x' });
    const b = pageKey({ url: 'https://news.example.com/article?page=2&UTM_Source=y&id=42' });
    expect(a).toBe('https://news.example.com/article?id=42&page=2');
    expect(b).toBe(a);
  });

  it('keeps repeated parameter names in their original relative order', () => {
    expect(pageKey({ url: 'https://x.test/a?tag=b&z=1&tag=a' })).toBe('https://x.test/a?tag=b&tag=a&z=1');
  });

  it('lower-cases the host, drops the default port and the credentials, keeps the path case', () => {
    expect(pageKey({ url: 'HTTPS://user:pw@WWW.Example.COM:443/News/Story' })).toBe(
      'https://www.example.com/News/Story',
    );
    expect(pageKey({ url: 'http://example.com:80/a' })).toBe('http://example.com/a');
    expect(pageKey({ url: 'http://example.com:8080/a' })).toBe('http://example.com:8080/a');
  });

  it("uses a canonical link on the page's own origin", () => {
    expect(
      pageKey({
        url: 'https://www.theguardian.com/technology/2025/apr/16/nvidia-china?amp=1&utm_source=x',
        canonical: 'https://www.theguardian.com/technology/2025/apr/16/nvidia-china',
      }),
    ).toBe('https://www.theguardian.com/technology/2025/apr/16/nvidia-china');
  });

  it('ignores a canonical of a sibling subdomain under a public suffix (github.io)', () => {
    const mallory = 'https://mallory.github.io/copy/';
    expect(pageKey({ url: mallory, canonical: 'https://alice.github.io/article/' })).toBe(mallory);
    expect(pageKey({ url: mallory, ogUrl: 'https://alice.github.io/article/' })).toBe(mallory);
  });

  it('ignores a canonical on another origin of the same site (AMP or mobile host, other scheme, other port)', () => {
    const amp = 'https://amp.theguardian.com/technology/2025/apr/16/nvidia-china';
    expect(pageKey({ url: amp, canonical: 'https://www.theguardian.com/technology/2025/apr/16/nvidia-china' })).toBe(
      amp,
    );
    expect(pageKey({ url: 'http://example.com/a', canonical: 'https://example.com/a' })).toBe('http://example.com/a');
    expect(pageKey({ url: 'https://example.com:8443/a', canonical: 'https://example.com/b' })).toBe(
      'https://example.com:8443/a',
    );
  });

  it('resolves a relative canonical against the page URL and strips its tracking parameters too', () => {
    expect(
      pageKey({ url: 'https://www.scmp.com/tech/article/1?share=1#x', canonical: '/tech/article/1?utm_term=a' }),
    ).toBe('https://www.scmp.com/tech/article/1');
  });

  it('falls back to og:url when there is no canonical link', () => {
    expect(pageKey({ url: 'https://www.example.co.uk/s/9?ref=app', ogUrl: 'https://www.example.co.uk/story/9' })).toBe(
      'https://www.example.co.uk/story/9',
    );
  });

  it('ignores a canonical on another site (syndicated copy) and keeps this page as the key', () => {
    expect(
      pageKey({
        url: 'https://finance.yahoo.com/news/nvidia-h20-123.html',
        canonical: 'https://www.reuters.com/technology/nvidia-h20/',
      }),
    ).toBe('https://finance.yahoo.com/news/nvidia-h20-123.html');
  });

  it('does not treat two different sites under one country suffix as the same site', () => {
    expect(pageKey({ url: 'https://www.bbc.co.uk/news/1', canonical: 'https://www.example.co.uk/news/1' })).toBe(
      'https://www.bbc.co.uk/news/1',
    );
  });

  it('ignores a canonical that points at the home page from an article', () => {
    expect(pageKey({ url: 'https://example.com/2025/story', canonical: 'https://example.com/' })).toBe(
      'https://example.com/2025/story',
    );
  });

  it('ignores a canonical that is not http(s) or not a URL at all', () => {
    const url = 'https://example.com/a';
    expect(pageKey({ url, canonical: 'javascript:alert(1)' })).toBe(url);
    expect(pageKey({ url, canonical: 'http://[bad' })).toBe(url);
    expect(pageKey({ url, canonical: '', ogUrl: null })).toBe(url);
  });

  it('keeps non-web pages as they are, minus the fragment, and never throws on junk', () => {
    expect(pageKey({ url: 'file:///home/me/report.html#p2' })).toBe('file:///home/me/report.html');
    expect(pageKey({ url: 'not a url#frag' })).toBe('not a url');
    expect(pageKey({ url: '' })).toBe('about:blank');
  });
});

describe('pageKeyOrigin', () => {
  it('gives the origin of an http(s) key and null for anything else', () => {
    expect(pageKeyOrigin('https://alice.github.io/article/')).toBe('https://alice.github.io');
    expect(pageKeyOrigin('http://127.0.0.1:8080/a?b=1')).toBe('http://127.0.0.1:8080');
    expect(pageKeyOrigin('file:///home/me/report.html')).toBeNull();
    expect(pageKeyOrigin('not a url')).toBeNull();
  });
});
