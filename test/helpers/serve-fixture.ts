/** A temporary project with one copy of a fixture deck, for tests that run `talkdeck serve`. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Project {
  root: string;
  deckDir: string;
  deckFile: string;
  read(): string;
  write(text: string): void;
  remove(): void;
}

export function projectWith(fixture: string, deckName = 'live'): Project {
  const root = mkdtempSync(join(tmpdir(), 'talkdeck-serve-'));
  const deckDir = join(root, 'content', deckName);
  cpSync(new URL(`../fixtures/${fixture}/`, import.meta.url), deckDir, { recursive: true });
  const deckFile = join(deckDir, 'deck.yaml');
  return {
    root,
    deckDir,
    deckFile,
    read: () => readFileSync(deckFile, 'utf8'),
    write: (text) => writeFileSync(deckFile, text),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

export function getText(url: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    }).on('error', reject);
  });
}

/** The text of `<section id="…">` in a built page (sections do not nest in talkdeck output). */
export function slideText(html: string, id: string): string | undefined {
  const m = new RegExp(`<section id="${id}"[^>]*>([\\s\\S]*?)</section>`).exec(html);
  return m?.[1]!.replace(/<aside class="notes">[\s\S]*?<\/aside>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
}
