/** The page's Content-Security-Policy (src/core/write/html/csp.ts), read back from parsed HTML. */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { withContentSecurityPolicy } from '../../src/core/write/html/csp.js';
import { injectLiveClient } from '../../src/serve/live-client.js';

type Element = DefaultTreeAdapterMap['element'];

function elements(html: string): Element[] {
  const out: Element[] = [];
  const visit = (node: DefaultTreeAdapterMap['parentNode']): void => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      out.push(child);
      visit(child);
    }
  };
  visit(parse(html));
  return out;
}
const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;

function policyOf(html: string): { meta: Element; directives: Map<string, string[]>; inHead: boolean; index: number } {
  const all = elements(html);
  const meta = all.find((e) => e.tagName === 'meta' && attr(e, 'http-equiv') === 'Content-Security-Policy')!;
  const directives = new Map(
    attr(meta, 'content')!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values] as [string, string[]]),
  );
  return { meta, directives, inHead: meta.parentNode !== null && (meta.parentNode as Element).tagName === 'head', index: all.indexOf(meta) };
}

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>x</title>
<script src="reveal/reveal.js"></script>
</head>
<body><p>&lt;script&gt;not a tag</p>
<script>Reveal.initialize({})</script>
</body>
</html>
`;

describe('withContentSecurityPolicy', () => {
  it('puts the policy first in <head>, before any script, and gives every script the nonce', () => {
    const html = withContentSecurityPolicy(PAGE, { scripts: true });
    const { directives, inHead, index } = policyOf(html);
    expect(inHead).toBe(true);
    const all = elements(html);
    expect(index).toBeLessThan(all.findIndex((e) => e.tagName === 'script'));
    const nonce = directives.get('script-src')!.find((v) => v.startsWith("'nonce-"))!.slice(7, -1);
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const scripts = all.filter((e) => e.tagName === 'script');
    expect(scripts.map((s) => attr(s, 'nonce'))).toEqual([nonce, nonce]);
    expect(html).toContain('&lt;script&gt;not a tag');
    // Nothing from the network, for any kind of resource.
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'none'"]);
    for (const [name, values] of directives) {
      for (const v of values) expect(`${name} ${v}`).not.toMatch(/https?:|\*|blob:|'unsafe-eval'/);
    }
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('is the same for the same page (byte-identical rebuilds) and differs when the page does', () => {
    expect(withContentSecurityPolicy(PAGE, { scripts: true })).toBe(withContentSecurityPolicy(PAGE, { scripts: true }));
    expect(withContentSecurityPolicy(PAGE, { scripts: true })).not.toBe(withContentSecurityPolicy(PAGE.replace('x', 'y'), { scripts: true }));
  });

  it('runs no script at all in a page that needs none (the handout)', () => {
    const html = withContentSecurityPolicy(PAGE, { scripts: false });
    expect(policyOf(html).directives.get('script-src')).toEqual(["'none'"]);
    expect(elements(html).filter((e) => e.tagName === 'script' && attr(e, 'nonce'))).toEqual([]);
  });

  it('finds a place in a custom page without <meta charset> or <head>', () => {
    expect(policyOf(withContentSecurityPolicy('<html><head><title>t</title></head><body></body></html>', { scripts: true })).inHead).toBe(true);
    const bare = withContentSecurityPolicy('<!doctype html>\n<title>t</title><p>x', { scripts: true });
    expect(bare.startsWith('<!doctype html>\n<meta http-equiv')).toBe(true);
    expect(policyOf(bare).inHead).toBe(true);
  });

  it('admits serve’s live client by the page’s nonce and lets it reach the server it came from', () => {
    const page = withContentSecurityPolicy(PAGE, { scripts: true });
    const served = injectLiveClient(page, { version: 'v1', endpoint: '/__talkdeck/events' });
    const { directives } = policyOf(served);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    const nonce = directives.get('script-src')!.find((v) => v.startsWith("'nonce-"))!.slice(7, -1);
    const live = elements(served).find((e) => e.tagName === 'script' && e.attrs.some((a) => a.name === 'data-talkdeck-live'))!;
    expect(attr(live, 'nonce')).toBe(nonce);
  });
});
