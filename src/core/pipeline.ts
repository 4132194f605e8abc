/**
 * The pipeline, the one place where the floors meet: deck text in, files in memory out.
 * read (read/deck-file.ts) → validate (deck/) → model (model/) → lint (lint/) → write
 * (write/reveal/). Nothing here touches the disk; the shell reads inputs and writes the result.
 * The other outputs (single file, handout, PDF, PowerPoint) start from the model this returns.
 */
import { TalkdeckError } from './base/errors.js';
import { errorAt } from './base/source.js';
import { resolveSettings, type SettingsLayer } from './deck/settings.js';
import { THEMES } from './deck/themes.js';
import { validateDeck } from './deck/validate.js';
import { lintDeck } from './lint/index.js';
import { buildModel } from './model/build-model.js';
import type { DeckModel } from './model/types.js';
import { ASSETS } from './base/resources.js';
import { readDeckFile } from './read/deck-file.js';
import { admitPictures } from './read/pictures.js';
import type { RevealMdJson } from './read/markdown/types.js';
import type { Renderer } from './write/html/renderer.js';
import type { OutputFile } from './write/output-file.js';
import type { AssetRoots } from './write/reveal/assets.js';
import { writeRevealDeck } from './write/reveal/page.js';

/** The folder part of a path as shown to the user (`content/x` of `content/x/deck.yaml`). */
function dirname(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut < 0 ? '.' : file.slice(0, cut);
}

/** The deck's own CSS, next to deck.yaml. */
export const DECK_STYLE = 'style.css';


export interface DeckInput {
  /** Deck name: its folder under content/, and its folder under dist/. */
  name: string;
  /** deck.yaml as shown to the user. */
  file: string;
  text: string;
  /** Whether a file exists, relative to the deck folder (and really inside it, links resolved). */
  exists: (relativePath: string) => boolean;
  /** Reads a file of the deck folder as text (style.css); only asked for files `exists` accepted. */
  read: (relativePath: string) => string;
  /** Reads up to `limit` bytes of a file of the deck folder (all of it without); only asked for files `exists` accepted. */
  readBytes: (relativePath: string, limit?: number) => Uint8Array;
  roots: AssetRoots;
  renderer: Renderer;
  /** `reveal-md.json` files for a Markdown deck, lowest precedence first (working folder, deck folder). */
  revealMdJson?: RevealMdJson[] | undefined;
  /** What the shell noticed while finding the deck (a `deck.md` that `deck.yaml` takes precedence over). */
  notices?: TalkdeckError[] | undefined;
  /** Settings from outside the deck: the project's config file and command-line flags. */
  layers?: { config?: SettingsLayer | undefined; cli?: SettingsLayer | undefined } | undefined;
}

export interface DeckBuild {
  name: string;
  /** Output path (with `/`) → content; empty when there are errors. */
  files: Map<string, OutputFile>;
  model: DeckModel | undefined;
  errors: TalkdeckError[];
  warnings: TalkdeckError[];
}

export async function buildDeck(input: DeckInput): Promise<DeckBuild> {
  const failed = (errors: TalkdeckError[], warnings: TalkdeckError[] = [], model?: DeckModel): DeckBuild => ({
    name: input.name,
    files: new Map(),
    model,
    errors,
    warnings,
  });

  // The reader is chosen by the file's extension; every reader ends in the same deck data.
  const read = readDeckFile(input);
  const { source, data, syntaxErrors, readerWarnings } = read;
  const validation = validateDeck(source, data);
  // After a syntax error the parser recovers, but what it makes of the broken lines is a guess:
  // only report schema problems outside the lines a syntax error spoils.
  const spoiled = (line: number | undefined): boolean =>
    line !== undefined && syntaxErrors.some((e) => e.lines !== undefined && line >= e.lines[0] && line <= e.lines[1]);
  const errors: TalkdeckError[] = [
    ...syntaxErrors,
    ...readerWarnings.filter((e) => e.severity === 'error'),
    ...validation.errors.filter((e) => !spoiled(e.line)),
  ];
  const earlyWarnings = [...(input.notices ?? []), ...readerWarnings.filter((e) => e.severity !== 'error')];
  if (!validation.meta) return failed(sortByPlace(errors), earlyWarnings);

  const theme = validation.meta.theme ?? 'briefing';
  if (!(THEMES as readonly string[]).includes(theme)) {
    errors.push(
      errorAt(source, ['theme'], {
        code: 'theme',
        message: `Theme \`${theme}\` is not available offline`,
        hint: `use one of: ${THEMES.join(', ')}; put your own CSS in style.css next to deck.yaml`,
      }),
    );
  }

  // A picture too large to decode is refused where it is named (base/resources.ts, read/pictures.ts).
  const admit = admitPictures(input.readBytes);
  const needsMap = validation.slides.some(({ slide }) => slide.layout === 'map');
  const needsCharts = validation.slides.some(({ slide }) => slide.layout === 'chart');
  const needsMarkdown = validation.slides.some(({ slide }) => slide.layout === 'markdown');
  // A dialect's reveal.js look (a Markdown deck is centred) lies under the deck's own options.
  const meta = read.revealDefaults ? { ...validation.meta, reveal: { ...read.revealDefaults, ...validation.meta.reveal } } : validation.meta;
  const settings = resolveSettings({
    dialect: read.dialectSettings,
    config: input.layers?.config,
    deck: { lint: meta.lint, timing: meta.timing },
    cli: input.layers?.cli,
  });
  const { model, errors: modelErrors, warnings: modelWarnings } = buildModel({
    name: input.name,
    source,
    meta,
    slides: validation.slides,
    exists: input.exists,
    admit,
    maps: needsMap ? await import('./model/map/world-map.js') : undefined,
    charts: needsCharts ? await import('./model/chart-svg.js') : undefined,
    freeMarkdown: needsMarkdown ? await import('./model/free-markdown/render.js') : undefined,
    timing: settings.timing,
  });
  errors.push(...modelErrors);
  earlyWarnings.push(...modelWarnings);
  if (read.dialect) model.dialect = read.dialect;
  // The deck's CSS — style.css and the style sheets free Markdown loads — follows the same
  // resource rule as deck.yaml, and its problems are reported with the deck's; the CSS parser
  // loads only for a deck that has a style sheet.
  const deckStyle = input.exists(DECK_STYLE);
  const sheets = [...new Set([...(deckStyle ? [DECK_STYLE] : []), ...(model.stylesheets ?? []), ...model.assets.filter((f) => /\.css$/i.test(f))])];
  let styleFiles: string[] = [];
  if (sheets.length) {
    const { checkStylesheets } = await import('./read/css/stylesheet.js');
    const css = checkStylesheets({ entries: sheets, shownDir: dirname(input.file), exists: input.exists, read: input.read, admit });
    styleFiles = css.files;
    errors.push(...css.errors);
  }
  // The deck's SVG files, bounded and sanitised for every output (read/svg/); the stage loads
  // only for a deck that has one, and the sanitiser (jsdom) only for an SVG that is not plain.
  const deckFiles = [...new Set([...model.assets, ...styleFiles])];
  const svgFiles = deckFiles.filter((f) => /\.svgz?$/i.test(f));
  let svgContents = new Map<string, string>();
  if (svgFiles.length) {
    const { checkSvgFiles } = await import('./read/svg/svg-files.js');
    const svg = await checkSvgFiles({ files: svgFiles, shownDir: dirname(input.file), read: input.read, readBytes: input.readBytes, exists: input.exists, admit });
    svgContents = svg.contents;
    errors.push(...svg.errors);
    earlyWarnings.push(...svg.warnings);
  }
  if (errors.length) return failed(sortByPlace(errors), sortByPlace(earlyWarnings), model);

  // Lint reads a whole, valid deck; on a broken one its findings would be guesses.
  const findings = lintDeck({ model, source, meta, slides: validation.slides, timing: settings.timing }, settings.lint);
  const warnings = sortByPlace([...earlyWarnings, ...findings.filter((f) => f.severity === 'warning')]);
  const lintErrors = findings.filter((f) => f.severity === 'error');
  if (lintErrors.length) return failed(sortByPlace(lintErrors), warnings, model);

  const written = writeRevealDeck(model, {
    file: input.file,
    renderer: input.renderer,
    roots: input.roots,
    deckStyle,
    deckFiles,
  });
  if ('errors' in written) return failed(written.errors, warnings, model);
  // The sanitised SVGs are shipped in place of the deck's own.
  for (const [file, content] of svgContents) written.files.set(ASSETS + file, { content });
  return { name: input.name, files: written.files, model, errors: [], warnings };
}

function sortByPlace(errors: TalkdeckError[]): TalkdeckError[] {
  // deck.yaml's problems, then style.css's: by file, then by place in it.
  const byFile = (a: TalkdeckError, b: TalkdeckError): number => ((a.file ?? '') < (b.file ?? '') ? -1 : (a.file ?? '') > (b.file ?? '') ? 1 : 0);
  return [...errors].sort((a, b) => byFile(a, b) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
