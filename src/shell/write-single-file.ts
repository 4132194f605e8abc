/** `build --single-file`: the built deck inlined into `<out>/<deck>.html`, written atomically. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TalkdeckError } from '../core/errors.js';
import { isTalkdeckHtml } from '../core/generated.js';
import type { OutputFile } from '../core/pipeline.js';
import { inlineSingleFile } from '../core/render/single-file.js';
import { writeFileAtomic } from './write-file.js';

export interface SingleFileRequest {
  outDir: string;
  name: string;
  files: ReadonlyMap<string, OutputFile>;
  force?: boolean;
  cwd: string;
}

export function writeSingleFileDeck(req: SingleFileRequest): { target: string; bytes: number; warnings: TalkdeckError[] } {
  const { html, warnings } = inlineSingleFile({ files: req.files, read: (path) => readFileSync(path) });
  const target = join(req.outDir, `${req.name}.html`);
  writeFileAtomic({ target, content: html, force: req.force, cwd: req.cwd, isOurs: (b) => isTalkdeckHtml(b.toString('utf8')) });
  return { target, bytes: Buffer.byteLength(html), warnings };
}
