import { describe, expect, it } from 'vitest';
import { injectLiveClient, liveClientTag } from '../src/serve/live-client.js';

const opts = { version: 'abc-1', endpoint: '/__talkdeck/events' };

describe('injectLiveClient', () => {
  it('puts the client before the last </body>, whatever its case', () => {
    const html = '<html><body><p>&lt;/body&gt;</p>\n</BODY></html>';
    const out = injectLiveClient(html, opts);
    expect(out).toBe(`<html><body><p>&lt;/body&gt;</p>\n${liveClientTag(opts)}</BODY></html>`);
  });

  it('appends it to a page without </body> (a custom page.hbs)', () => {
    expect(injectLiveClient('<p>deck</p>', opts)).toBe(`<p>deck</p>${liveClientTag(opts)}`);
  });

  it('cannot be closed early by what it carries', () => {
    const tag = liveClientTag({ version: '</script><script>alert(1)//', endpoint: '/x' });
    expect(tag.match(/<\/script>/g)).toHaveLength(1);
    expect(tag.endsWith('</script>\n')).toBe(true);
  });
});
