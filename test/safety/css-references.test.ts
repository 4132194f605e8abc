// The one scanner for CSS references (base/css-references.ts): what it finds, where, what it
// refuses to guess at, and how a reference is rewritten or removed.
import { describe, expect, it } from 'vitest';
import { cssReferences } from '../../src/core/base/css-references.js';

const found = (css: string): unknown[] => cssReferences(css).references.map((r) => `${r.line}:${r.column} ${r.what} ${r.url}${r.importing ? ' (import)' : ''}${r.font ? ' (font)' : ''}`);

describe('CSS references', () => {
  it('finds url(), src(), the strings of image-set(), image() and cross-fade(), and @import, at their places', () => {
    const css = [
      '@import "a.css" screen;',
      '@import url(b.css);',
      '@namespace svg url(http://www.w3.org/2000/svg);',
      'h1 { background: url( "c.png" ) , image-set("d.png" 1x, url(e.png) 2x); }',
      '@font-face { font-family: F; src: url(f.woff2) format("woff2"), local(F); }',
      '.x { mask: cross-fade(url(g.png), image("h.png"), 50%); content: "url(not.png)"; }',
    ].join('\n');
    expect(found(css)).toEqual([
      '1:9 @import a.css (import)',
      '2:9 @import b.css (import)',
      '4:18 url() c.png',
      '4:45 image-set() d.png',
      '4:57 url() e.png',
      '5:35 url() f.woff2 (font)',
      '6:23 url() g.png',
      '6:41 image() h.png',
    ]);
  });

  it('refuses to guess where escapes or var() would hide what is loaded', () => {
    const scan = cssReferences(['a { background: u\\72 l(/x.png) }', 'b { background: image-set(var(--p) 1x) }', 'c { content: "\\201C" }'].join('\n'));
    expect(scan.unreadable.map((u) => `${u.line}:${u.column} ${u.message}`)).toEqual([
      '1:17 CSS escapes in `u\\72 l(/x.png)` hide what it loads',
      '2:27 var() inside image-set() can name any file',
    ]);
    expect(scan.references).toEqual([]);
    // An escaped at-rule name does not parse at all: the callers refuse such CSS as unreadable.
    expect(() => cssReferences('@\\69mport "y.css";')).toThrow(/At-rule without name/);
  });

  it('rewrites a reference in place and removes the declaration or rule that holds one', () => {
    const scan = cssReferences('a { background: url(x.png) no-repeat; color: red }\n@import "y.css";\nb { background-image: image-set("z.png" 1x) }');
    scan.references[0]!.replace('assets/x.png');
    scan.references[1]!.remove();
    scan.references[2]!.replace('assets/z.png');
    expect(scan.text()).toBe('a { background: url(assets/x.png) no-repeat; color: red }\nb { background-image: image-set("assets/z.png" 1x) }');
  });

  it('leaves CSS without references byte for byte', () => {
    const css = '/* c */ a{color:red}  \n@media print { b { display: none } }';
    expect(cssReferences(css).text()).toBe(css);
  });
});
