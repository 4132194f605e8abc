/**
 * The pipeline, the one place where the floors meet: deck text in, files in memory out.
 * read (read/deck-file.ts) → validate (deck/) → model (model/) → lint (lint/) → (with an
 * earlier version, `--since`: compare, diff/) → write (write/reveal/). `modelDeck` stops at the
 * model (`talkdeck diff` models both versions so). Nothing here touches the disk; the shell
 * reads inputs and writes the result.
 * The other outputs (single file, handout, PDF, PowerPoint) start from the model this returns.
 */
import { LINT_RULE_IDS, TalkdeckError, type LintRuleId } from './base/errors.js';
import type { Severity } from './deck/lint-rules.js';
import { errorAt } from './base/source.js';
import { resolveSettings, type Settings, type SettingsLayer } from './deck/settings.js';
import { THEMES, unknownThemeHint } from './deck/themes.js';
import { validateDeck, type ValidatedSlide } from './deck/validate.js';
import { lintDeck } from './lint/index.js';
import { buildModel } from './model/build-model.js';
import type { DeckChanges } from './model/changes.js';
import { measuredPace, type RehearsalFile } from './model/rehearsals.js';
import type { DeckModel } from './model/types.js';
import type { ContentHash } from './diff/slide-content.js';
import type { SourceFile } from './base/source.js';
import { ASSETS, type Admit } from './base/resources.js';
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


/** What the model is made from: a deck file's text and the deck folder it refers to. */
export interface ModelInput {
  /** Deck name: its folder under content/, and its folder under dist/. */
  name: string;
  /** deck.yaml as shown to the user. */
  file: string;
  text: string;
  /** Whether a file exists, relative to the deck folder (and really inside it, links resolved). */
  exists: (relativePath: string) => boolean;
  /**
   * Reads up to `limit` bytes of a file of the deck folder (all of it without); only asked for
   * files `exists` accepted. Without it pictures are not measured (an earlier version, for a comparison).
   */
  readBytes?: ((relativePath: string, limit?: number) => Uint8Array) | undefined;
  /** `reveal-md.json` files for a Markdown deck, lowest precedence first (working folder, deck folder). */
  revealMdJson?: RevealMdJson[] | undefined;
  /** What the shell noticed while finding the deck (a `deck.md` that `deck.yaml` takes precedence over). */
  notices?: TalkdeckError[] | undefined;
  /** Settings from outside the deck: the project's config file and command-line flags. */
  layers?: { config?: SettingsLayer | undefined; cli?: SettingsLayer | undefined } | undefined;
  /**
   * The deck folder's `rehearsals/`, read by the shell: the valid records of this deck, and the
   * files that could not be read as one (each a warning with its file).
   */
  rehearsals?: { files: RehearsalFile[]; invalid: TalkdeckError[] } | undefined;
  /** The running talkdeck's version: a rehearsal recorded in the built page names it. */
  talkdeckVersion?: string | undefined;
}

export interface DeckInput extends ModelInput {
  /** Reads a file of the deck folder as text (style.css); only asked for files `exists` accepted. */
  read: (relativePath: string) => string;
  /** Reads up to `limit` bytes of a file of the deck folder (all of it without); only asked for files `exists` accepted. */
  readBytes: (relativePath: string, limit?: number) => Uint8Array;
  roots: AssetRoots;
  renderer: Renderer;
  /**
   * An earlier version to compare with (`--since`): its model and its files' content hashes.
   * The build then carries the change set (`model.changes`) for the speaker view's marks.
   */
  since?: { label: string; revision?: DeckChanges['revision']; model: DeckModel; hash: ContentHash } | undefined;
  /** Content hashes of this deck's files (images), for the comparison with `since`. */
  hash?: ContentHash | undefined;
}

export interface DeckBuild {
  name: string;
  /** Output path (with `/`) → content; empty when there are errors. */
  files: Map<string, OutputFile>;
  model: DeckModel | undefined;
  /** Slides in the deck file, valid or not; unknown when the file could not be read. */
  slides: number | undefined;
  errors: TalkdeckError[];
  warnings: TalkdeckError[];
  /** The deck file as read, for later steps to place what they report (the .pptx's warnings). */
  source?: SourceFile | undefined;
}

/** A deck read, validated and modelled: what lint and the writers start from. */
export interface ModelledDeck {
  model: DeckModel | undefined;
  /** Slides in the deck file, valid or not; unknown when the file could not be read. */
  slides: number | undefined;
  errors: TalkdeckError[];
  warnings: TalkdeckError[];
  /** For lint: the source, the validated deck and the settings in force (unset when validation failed). */
  lint?: { source: SourceFile; meta: ValidatedMeta; slides: ValidatedSlide[]; settings: Settings } | undefined;
}

type ValidatedMeta = NonNullable<ReturnType<typeof validateDeck>['meta']>;

/** read → validate → model: the deck as the model, with every problem found on the way (unsorted). */
export async function modelDeck(input: ModelInput, admit: Admit | undefined = input.readBytes ? admitPictures(input.readBytes) : undefined): Promise<ModelledDeck> {
  // The reader is chosen by the file's extension; every reader ends in the same deck data.
  const read = readDeckFile(input);
  const { source, data, syntaxErrors, readerWarnings } = read;
  const validation = validateDeck(source, data);
  // After a syntax error the count would be of the parser's guess.
  const slides = syntaxErrors.length ? undefined : validation.slideCount;
  // After a syntax error the parser recovers, but what it makes of the broken part is a guess:
  // only report schema problems from the part before it.
  const spoiled = (e: TalkdeckError): boolean => e.line !== undefined && syntaxErrors.some((s) => s.spoils?.(e.line!, e.column ?? 1));
  const errors: TalkdeckError[] = [
    ...syntaxErrors,
    ...readerWarnings.filter((e) => e.severity === 'error'),
    ...validation.errors.filter((e) => !spoiled(e)),
  ];
  const warnings = [...(input.notices ?? []), ...readerWarnings.filter((e) => e.severity !== 'error'), ...(input.rehearsals?.invalid ?? [])];
  if (!validation.meta) return { model: undefined, slides, errors, warnings };

  const theme = validation.meta.theme ?? 'briefing';
  if (!(THEMES as readonly string[]).includes(theme)) {
    errors.push(
      errorAt(source, ['theme'], {
        code: 'theme',
        message: `Theme \`${theme}\` is not one of talkdeck's themes`,
        hint: unknownThemeHint(theme),
      }),
    );
  }

  const needsMap = validation.slides.some(({ slide }) => slide.layout === 'map');
  const needsCharts = validation.slides.some(({ slide }) => slide.layout === 'chart');
  const needsMarkdown = validation.slides.some(({ slide }) => slide.layout === 'markdown');
  // A dialect's reveal.js look (a Markdown deck is centred) lies under the deck's own options.
  const meta = read.revealDefaults ? { ...validation.meta, reveal: { ...read.revealDefaults, ...validation.meta.reveal } } : validation.meta;
  const layers = {
    dialect: read.dialectSettings,
    config: input.layers?.config,
    deck: { lint: meta.lint, timing: meta.timing },
    cli: input.layers?.cli,
  };
  const settings = resolveSettings(layers);
  // The rehearsals' pace is measured against the time per slide the layers set. It sits below
  // every layer a person writes: a `wordsPerMinute` set on purpose (config file, deck, `--wpm`)
  // wins over what the rehearsals measured.
  const rehearsals = input.rehearsals?.files ?? [];
  const pace = rehearsals.length ? measuredPace(rehearsals.map((r) => r.record), settings.timing.secondsPerSlide) : undefined;
  const paceUsed = pace !== undefined && ![layers.config, layers.deck, layers.cli].some((l) => l?.timing?.wordsPerMinute !== undefined);
  if (paceUsed) settings.timing.wordsPerMinute = pace;
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
    rehearsals: rehearsals.length ? { files: rehearsals, pace, paceUsed } : undefined,
  });
  errors.push(...modelErrors);
  warnings.push(...modelWarnings);
  if (read.dialect) model.dialect = read.dialect;
  return { model, slides, errors, warnings, lint: { source, meta, slides: validation.slides, settings } };
}

export async function buildDeck(input: DeckInput): Promise<DeckBuild> {
  // A picture too large to decode is refused where it is named (base/resources.ts,
  // read/pictures.ts): in the deck, its style sheets and its SVGs alike, each header read once.
  const admit = admitPictures(input.readBytes);
  const { model, slides, errors, warnings: earlyWarnings, lint } = await modelDeck(input, admit);
  const failed = (errors: TalkdeckError[], warnings: TalkdeckError[] = [], model?: DeckModel): DeckBuild => ({
    name: input.name,
    files: new Map(),
    model,
    slides,
    errors,
    warnings,
  });
  if (!model || !lint) return failed(sortByPlace(errors), earlyWarnings);
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
    for (const r of css.remote) model.remote.push({ ...r, slide: undefined, path: [] });
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
  const lintInput = { model, source: lint.source, meta: lint.meta, slides: lint.slides, timing: lint.settings.timing };
  if (errors.length) {
    // Lint reads a whole, valid deck; on a broken one its findings would be guesses. Remote
    // files are not guessed: the model found each where it is named, like the refused files
    // above, and they are reported with them (at the severity the deck gives the rule).
    const remote = lintDeck(lintInput, { ...OFF, 'remote-resource': lint.settings.lint['remote-resource'] });
    return failed(sortByPlace([...errors, ...remote.filter((f) => f.severity === 'error')]), sortByPlace([...earlyWarnings, ...remote.filter((f) => f.severity === 'warning')]), model);
  }
  const findings = lintDeck(lintInput, lint.settings.lint);
  const warnings = sortByPlace([...earlyWarnings, ...findings.filter((f) => f.severity === 'warning')]);
  const lintErrors = findings.filter((f) => f.severity === 'error');
  if (lintErrors.length) return failed(sortByPlace(lintErrors), warnings, model);

  if (input.since) {
    // Loaded only by a build that compares (it brings the diff library).
    const { diffDecks } = await import('./diff/diff-decks.js');
    const { since } = input;
    model.changes = diffDecks({
      before: since.model,
      after: model,
      since: since.label,
      revision: since.revision,
      hash: { before: since.hash, after: input.hash ?? (() => undefined) },
    });
  }

  const written = writeRevealDeck(model, {
    file: input.file,
    renderer: input.renderer,
    roots: input.roots,
    deckStyle,
    deckFiles,
    talkdeckVersion: input.talkdeckVersion,
  });
  if ('errors' in written) return failed(written.errors, warnings, model);
  // The sanitised SVGs are shipped in place of the deck's own.
  for (const [file, content] of svgContents) written.files.set(ASSETS + file, { content });
  return { name: input.name, files: written.files, model, slides, errors: [], warnings, source: lint.source };
}

/** Every lint rule switched off: the base for running one rule alone. */
const OFF = Object.fromEntries(LINT_RULE_IDS.map((id) => [id, 'off'])) as Record<LintRuleId, Severity>;

function sortByPlace(errors: TalkdeckError[]): TalkdeckError[] {
  // deck.yaml's problems, then style.css's: by file, then by place in it.
  const byFile = (a: TalkdeckError, b: TalkdeckError): number => ((a.file ?? '') < (b.file ?? '') ? -1 : (a.file ?? '') > (b.file ?? '') ? 1 : 0);
  return [...errors].sort((a, b) => byFile(a, b) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
