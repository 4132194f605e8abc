/**
 * Renders .pptx files to PDF with LibreOffice under a chosen font situation, as a recipient's
 * computer would draw them (issue #18); layout-defects.ts then finds what collides.
 *
 *   const [pdf] = await renderPptx(['dist/deck.pptx'], { font: 'without', outDir });
 *
 * - `font: 'without'`: a fontconfig file that rejects every Source Sans family, so LibreOffice
 *   substitutes (DejaVu Sans on Debian) as on most recipients' machines; `pdffonts` must show no
 *   Source Sans. `substitute: 'Liberation Sans'` puts Arial's metrics first instead, as
 *   PowerPoint on Windows would substitute.
 * - `font: 'with'`: a fontconfig file that adds a folder with Source Sans 3; `pdffonts` must
 *   show SourceSans3. The folder is `fontDir`, or $TALKDECK_SOURCE_SANS_DIR, or else TrueType
 *   fonts unpacked from the Latin WOFF files of `@fontsource/source-sans-3` (a dependency
 *   already; characters outside Latin, such as "→", then come from DejaVu).
 *
 * Each run gets its own HOME, LibreOffice profile and fontconfig cache, so parallel runs do not
 * clash; the files of one call share one soffice start. soffice exits 0 even when it fails: each
 * PDF must exist and have one page per visible slide. Needs `soffice`, `pdfinfo`, `pdffonts` and
 * `fc-list` (libreoffice-impress, poppler-utils).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fontsRoot } from '../../src/shell/paths.js';
import { woffToSfnt } from '../../src/core/write/pptx/ooxml/font-data.js';
import { visibleSlideCount } from './pptx-slides.js';

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Result> {
  return new Promise((done, fail) => {
    // Own process group, so that a timeout ends soffice and the oosplash/soffice.bin it starts.
    const child = spawn(cmd, args, { env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let timedOut = false;
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            /* already gone */
          }
        }, opts.timeoutMs)
      : undefined;
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      fail(new Error(`${cmd}: ${e.message}${(e as NodeJS.ErrnoException).code === 'ENOENT' ? ' (not installed?)' : ''}`));
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      if (timedOut) fail(new Error(`${cmd} ${args.join(' ')}: no answer after ${opts.timeoutMs} ms\n${stderr}`));
      else done({ code, stdout, stderr });
    });
  });
}

async function must(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  const r = await run(cmd, args, { timeoutMs: 60_000, ...(env ? { env } : {}) });
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}: ${r.stderr.trim()}`);
  return r.stdout;
}

export type FontMode = 'without' | 'with';

/** Families hidden in `without` mode: Source Sans 3 (briefing) and Source Sans Pro (other themes), every naming. */
const SOURCE_SANS_FAMILIES = [
  'Source Sans 3',
  'Source Sans 3 SemiBold',
  'Source Sans 3 Semibold',
  'Source Sans 3 Light',
  'Source Sans 3 Medium',
  'Source Sans 3 Black',
  'Source Sans 3 ExtraLight',
  'Source Sans 3 VF',
  'Source Sans Pro',
  'Source Sans Pro Semibold',
  'Source Sans Pro SemiBold',
  'Source Sans Pro Light',
  'Source Sans Pro Black',
  'Source Sans Pro ExtraLight',
  'Source Sans Variable',
] as const;

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The fontconfig file of a mode. `without`: the system's fonts less Source Sans (by family name
 * and by file name, so also a copy under another name), with `substitute` first for those names
 * if given. `with`: the system's fonts plus `fontDir`, and no other Source Sans.
 */
export function fontconfigXml(mode: FontMode, opts: { fontDir?: string; cacheDir: string; substitute?: string }): string {
  // fontconfig writes new caches to the first writable cachedir: the run's own, before the system's
  // (/var/cache/fontconfig is writable for root and would otherwise get caches of our font folder).
  const body: string[] = [`  <cachedir>${xmlEscape(opts.cacheDir)}</cachedir>`, '  <include ignore_missing="no">/etc/fonts/fonts.conf</include>'];
  const patterns = SOURCE_SANS_FAMILIES.map((f) => `      <pattern><patelt name="family"><string>${xmlEscape(f)}</string></patelt></pattern>`);
  const globs = ['*SourceSans*', '*sourcesans*', '*source-sans*', '*Source Sans*', '*source_sans*'].map((g) => `      <glob>${g}</glob>`);
  if (mode === 'with') {
    if (!opts.fontDir) throw new Error('fontconfigXml: `with` needs fontDir');
    body.push(`  <dir>${xmlEscape(opts.fontDir)}</dir>`);
    // Only our copy: a Source Sans installed on the machine under a usual file name is hidden. An
    // accept glob protects from reject globs only (not from reject patterns), and it is matched
    // against the folder too, hence no slash after the folder's name.
    const accept = `    <acceptfont><glob>${xmlEscape(opts.fontDir.replace(/\/$/, ''))}*</glob></acceptfont>`;
    body.push(`  <selectfont>\n${accept}\n    <rejectfont>\n${globs.join('\n')}\n    </rejectfont>\n  </selectfont>`);
  } else {
    body.push(`  <selectfont>\n    <rejectfont>\n${globs.join('\n')}\n${patterns.join('\n')}\n    </rejectfont>\n  </selectfont>`);
    if (opts.substitute) {
      for (const f of SOURCE_SANS_FAMILIES) {
        body.push(
          `  <match target="pattern"><test name="family" qual="any"><string>${xmlEscape(f)}</string></test>` +
            `<edit name="family" mode="prepend" binding="strong"><string>${xmlEscape(opts.substitute)}</string></edit></match>`,
        );
      }
    }
  }
  return `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n${body.join('\n')}\n</fontconfig>\n`;
}

/**
 * A folder with Source Sans 3 for `with` mode: `fontDir`, $TALKDECK_SOURCE_SANS_DIR, or TTFs
 * of the faces the writer uses, unpacked from fontsource's WOFF files into `cacheDir`.
 */
export async function sourceSans3Dir(cacheDir: string, fontDir?: string): Promise<string> {
  const given = fontDir ?? process.env.TALKDECK_SOURCE_SANS_DIR;
  if (given) {
    if (!existsSync(given) || !readdirSync(given, { recursive: true }).some((f) => /source.?sans.?3.*\.(ttf|otf)$/i.test(String(f)))) {
      throw new Error(`${given}: no Source Sans 3 .ttf/.otf in it`);
    }
    return given;
  }
  const out = join(cacheDir, 'source-sans-3-from-fontsource');
  await mkdir(out, { recursive: true });
  // Only the Latin subset (U+0000-00FF, general punctuation, €): fontconfig would choose among several
  // files of one family and style by name alone, and LibreOffice then draws .notdef boxes for
  // the Latin text when it got, say, the Greek subset. Other characters fall back to other fonts.
  const files = readdirSync(fontsRoot()).filter((f) => /^source-sans-3-latin-(400|600|700)-(normal|italic)\.woff$/.test(f));
  for (const f of files) {
    const target = join(out, f.replace(/\.woff$/, '.ttf'));
    if (existsSync(target)) continue;
    // Parallel runs share this folder: write aside, then rename (atomic), so no run sees half a file.
    const part = join(cacheDir, `${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.part`);
    await writeFile(part, woffToSfnt(await readFile(join(fontsRoot(), f))));
    await rename(part, target);
  }
  return out;
}

/**
 * Under `with`'s fontconfig: Source Sans 3 is there in its faces, and no face twice (two files
 * of one family and style, e.g. fontsource's per-script subsets, let fontconfig pick one without
 * the Latin glyphs: LibreOffice then draws boxes, and pdffonts still says SourceSans3).
 */
async function checkSourceSans(fcFile: string): Promise<void> {
  const listed = await must('fc-list', ['--format', '%{family[0]}|%{style[0]}|%{weight}|%{slant}|%{file}\n', ':family=Source Sans 3'], { ...process.env, FONTCONFIG_FILE: fcFile });
  const faces = new Map<string, string[]>();
  for (const line of listed.split('\n').filter(Boolean)) {
    const [family, style, weight, slant, file] = line.split('|');
    const key = `${family} ${style} (weight ${weight}, slant ${slant})`;
    faces.set(key, [...(faces.get(key) ?? []), file!]);
  }
  const twice = [...faces].filter(([, files]) => files.length > 1);
  if (twice.length) throw new Error(`Source Sans 3 faces found more than once:\n${twice.map(([k, f]) => `${k}: ${f.join(', ')}`).join('\n')}`);
  const has = (weight: number, slant: number): boolean => [...faces.keys()].some((k) => k.includes(`(weight ${weight}, slant ${slant})`));
  // fontconfig weights: 80 regular, 200 bold; slant 0 roman, 100 italic.
  const missing = [[80, 0, 'regular'], [200, 0, 'bold'], [80, 100, 'italic']].filter(([w, s]) => !has(w as number, s as number)).map(([, , n]) => n);
  if (missing.length) throw new Error(`Source Sans 3 lacks ${missing.join(', ')} under ${fcFile}; found: ${[...faces.keys()].join('; ') || 'nothing'}`);
}

/** The PostScript names of the fonts a PDF uses, without subset tags (`DejaVuSans-Bold`). */
export async function pdfFonts(pdfPath: string): Promise<string[]> {
  const out = await must('pdffonts', [pdfPath]);
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
}

async function pdfPageCount(pdfPath: string): Promise<number> {
  const out = await must('pdfinfo', [pdfPath]);
  return Number(/^Pages:\s+(\d+)/m.exec(out)?.[1] ?? 0);
}

export interface RenderOptions {
  font: FontMode;
  /** Where the PDFs go, as `<name>.<font>.pdf`; also holds the run's scratch folder while it runs. */
  outDir: string;
  /** `with`: a folder with Source Sans 3 TTF/OTF (default: see sourceSans3Dir). */
  fontDir?: string;
  /** `without`: a family fontconfig puts first for Source Sans, e.g. 'Liberation Sans'. Default: LibreOffice's own choice. */
  substitute?: string;
  timeoutMs?: number;
}

/** Renders each file to PDF with one LibreOffice start; resolves to the PDFs' paths, in order. */
export async function renderPptx(pptxPaths: readonly string[], opts: RenderOptions): Promise<string[]> {
  const sources = pptxPaths.map((p) => resolve(p));
  for (const source of sources) if (!existsSync(source)) throw new Error(`${source}: no such file`);
  const outDir = resolve(opts.outDir);
  await mkdir(outDir, { recursive: true });
  const work = await mkdtemp(join(outDir, `.render-${opts.font}-`));
  try {
    const fontDir = opts.font === 'with' ? await sourceSans3Dir(join(outDir, '.fonts'), opts.fontDir) : undefined;
    const fcFile = join(work, 'fonts.conf');
    await writeFile(fcFile, fontconfigXml(opts.font, { cacheDir: join(work, 'fc-cache'), ...(fontDir ? { fontDir } : {}), ...(opts.substitute ? { substitute: opts.substitute } : {}) }));
    if (opts.font === 'with') await checkSourceSans(fcFile);
    const home = join(work, 'home');
    await mkdir(home);
    // Copies under plain names: soffice names each PDF after its input, and some paths confuse it.
    const inputs = await Promise.all(
      sources.map(async (source, i) => {
        const input = join(work, `in${i}.pptx`);
        await copyFile(source, input);
        return input;
      }),
    );
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, FONTCONFIG_FILE: fcFile, SAL_USE_VCLPLUGIN: 'svp' };
    delete env.FONTCONFIG_PATH;
    const r = await run(
      'soffice',
      [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--norestore', '--nolockcheck', '--nodefault', '--convert-to', 'pdf', '--outdir', work, ...inputs],
      { env, timeoutMs: opts.timeoutMs ?? 180_000 },
    );
    return await Promise.all(
      sources.map(async (source, i) => {
        const produced = join(work, `in${i}.pdf`);
        if (!existsSync(produced)) throw new Error(`soffice made no PDF of ${source} (exit ${r.code}):\n${r.stdout}${r.stderr}`);
        const pages = await pdfPageCount(produced);
        const slides = await visibleSlideCount(source);
        if (pages === 0 || pages !== slides) throw new Error(`${source}: the PDF has ${pages} pages for ${slides} visible slides`);
        const sourceSans = (await pdfFonts(produced)).filter((f) => /SourceSans/i.test(f));
        if (opts.font === 'with' && !sourceSans.some((f) => /SourceSans3/i.test(f))) throw new Error(`${source} (with): Source Sans 3 was not used`);
        if (opts.font === 'without' && sourceSans.length) throw new Error(`${source} (without): Source Sans is in the PDF although it was hidden: ${sourceSans.join(', ')}`);
        const pdfPath = join(outDir, `${basename(source, '.pptx')}.${opts.font}${opts.substitute ? `.${opts.substitute.replace(/\W+/g, '-')}` : ''}.pdf`);
        await copyFile(produced, pdfPath);
        return pdfPath;
      }),
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
