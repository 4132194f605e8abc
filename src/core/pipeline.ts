/**
 * The pure core: deck text in, files in memory out. load → validate → model → render.
 * Nothing here touches the disk; the shell reads inputs and writes the result.
 */
import type { RevealOptions } from './deck/options.js';
import { TalkdeckError, TalkdeckErrors } from './base/errors.js';
import { lintDeck } from './lint/index.js';
import type { DeckModel } from './model/types.js';
import { buildModel } from './model/build-model.js';
import { THEMES } from './deck/themes.js';
import { planAssets, planFonts, type AssetRoots } from './write/reveal/assets.js';
import { withContentSecurityPolicy } from './write/html/csp.js';
import { templateRuntimeError, type Renderer } from './write/html/renderer.js';
import { resolveSettings, type SettingsLayer } from './deck/settings.js';
import { markdownDeck } from './read/markdown/deck.js';
import type { RevealMdJson } from './read/markdown/types.js';
import { errorAt, type SourceFile } from './base/source.js';
import { parseSource } from './read/yaml/parse.js';
import { validateDeck } from './deck/validate.js';
import type { OutputFile } from './write/output-file.js';

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
    maps: needsMap ? await import('./model/map/world-map.js') : undefined,
    charts: needsCharts ? await import('./model/chart-svg.js') : undefined,
    freeMarkdown: needsMarkdown ? await import('./model/free-markdown/render.js') : undefined,
    timing: settings.timing,
  });
  errors.push(...modelErrors);
  earlyWarnings.push(...modelWarnings);
  if (read.dialect) model.dialect = read.dialect;
  // The deck's CSS follows the same resource rule as deck.yaml, and its problems are reported with
  // the deck's; the CSS parser loads only for a deck that has a style.css.
  const deckStyle = input.exists(DECK_STYLE);
  let styleFiles: string[] = [];
  if (deckStyle) {
    const { checkStylesheets } = await import('./read/css/stylesheet.js');
    const css = checkStylesheets({ entry: DECK_STYLE, shownDir: dirname(input.file), exists: input.exists, read: input.read });
    styleFiles = css.files;
    errors.push(...css.errors);
  }
  if (errors.length) return failed(sortByPlace(errors), sortByPlace(earlyWarnings), model);

  // Lint reads a whole, valid deck; on a broken one its findings would be guesses.
  const findings = lintDeck({ model, source, meta, slides: validation.slides, timing: settings.timing }, settings.lint);
  const warnings = sortByPlace([...earlyWarnings, ...findings.filter((f) => f.severity === 'warning')]);
  const lintErrors = findings.filter((f) => f.severity === 'error');
  if (lintErrors.length) return failed(sortByPlace(lintErrors), warnings, model);

  const deckFiles = [...new Set([...model.assets, ...styleFiles])];
  const plan = planAssets(model, input.roots, { deckStyle, deckFiles });
  const sourcesId = model.slides.find((s) => s.layout === 'sources')?.id;
  let html: string;
  try {
    html = input.renderer.renderPage({
      deck: model,
      styles: plan.styles,
      scripts: plan.scripts,
      plugins: plan.plugins,
      config: revealConfig(model),
      sourcesId,
    });
  } catch (cause) {
    if (cause instanceof TalkdeckErrors) return failed(cause.errors, warnings, model);
    if (cause instanceof TalkdeckError) return failed([cause], warnings, model);
    // Handlebars runtime errors (a missing partial in an overridden template) are user errors.
    const error = templateRuntimeError(cause, {
      file: input.file,
      message: `Could not render deck \`${input.name}\``,
      hint: `a template refers to a partial or helper that exists in neither place templates are looked up: ${input.file.replace(/[^/\\]*$/, '')}templates/ (the deck's own) and talkdeck's templates/ (built in); check the name after {{> …}}`,
    });
    if (error) return failed([error], warnings, model);
    throw cause;
  }

  const files = new Map<string, OutputFile>();
  files.set('index.html', { content: withContentSecurityPolicy(html, { scripts: true, remote: model.remote }) });
  const fonts = planFonts(model, input.roots, html);
  for (const copy of [...plan.copies, ...fonts.copies]) files.set(copy.to, { copyFrom: copy.from });
  if (fonts.css) files.set(fonts.css.to, { content: fonts.css.content });
  return { name: input.name, files, model, errors: [], warnings };
}

interface ReadDeck {
  source: SourceFile;
  data: unknown;
  syntaxErrors: (TalkdeckError & { lines?: [number, number] })[];
  /** Problems a reader finds before validation (Markdown decks); each has its severity. */
  readerWarnings: TalkdeckError[];
  /** Lint defaults of the deck's dialect, below the config file (see resolveSettings). */
  dialectSettings?: SettingsLayer | undefined;
  /** reveal.js options of the deck's dialect, under its own `reveal` block. */
  revealDefaults?: RevealOptions | undefined;
  dialect?: DeckModel['dialect'];
}

function readDeckFile(input: DeckInput): ReadDeck {
  if (/\.(md|markdown)$/i.test(input.file)) {
    const md = markdownDeck(input.file, input.text, { revealMdJson: input.revealMdJson });
    return {
      source: md.source,
      data: md.data,
      syntaxErrors: [],
      readerWarnings: md.problems,
      // A Markdown deck is its author's as it is: remote images are reported, not refused.
      dialectSettings: { lint: { 'remote-resource': 'warning' } },
      revealDefaults: md.revealDefaults,
      dialect: md.deck.dialect === 'marp' ? 'marp' : 'markdown',
    };
  }
  const { source, data, errors } = parseSource(input.file, input.text);
  return { source, data, syntaxErrors: errors, readerWarnings: [] };
}

/**
 * reveal.js options. Precedence (lowest first): these defaults < the deck's metadata (`size`,
 * `transition`, `duration`, the `reveal` block) < URL query parameters, which reveal.js applies
 * itself at run time. `speakerView` is the option block of talkdeck's speaker-view plugin
 * (reveal.js keeps unknown keys for plugins); `talkdeck` tells its plugin how to number slides.
 */
export function revealConfig(model: DeckModel): Record<string, unknown> {
  return {
    hash: true,
    respondToHashChanges: true,
    margin: 0.04,
    center: false,
    controls: true,
    progress: true,
    slideNumber: 'c/t',
    transitionSpeed: 'fast',
    pdfSeparateFragments: false,
    width: model.size.width,
    height: model.size.height,
    transition: model.transition,
    // reveal.js's postMessage API would let any page that frames the deck call its methods
    // and read the answers (speaker notes included). The speaker view's own previews switch
    // it on in their URL (`?receiver&postMessage=true…`), and talkdeck serve lets only the
    // same origin frame those.
    postMessage: false,
    postMessageEvents: false,
    ...(model.duration ? { totalTime: Math.round(model.duration * 60) } : {}),
    ...model.reveal,
    speakerView: { labels: { ...model.labels.speaker, slide: model.labels.slide } },
    talkdeck: { mainSlides: model.mainSlideCount, appendix: model.appendix?.id ?? null },
  };
}

function sortByPlace(errors: TalkdeckError[]): TalkdeckError[] {
  // deck.yaml's problems, then style.css's: by file, then by place in it.
  const byFile = (a: TalkdeckError, b: TalkdeckError): number => ((a.file ?? '') < (b.file ?? '') ? -1 : (a.file ?? '') > (b.file ?? '') ? 1 : 0);
  return [...errors].sort((a, b) => byFile(a, b) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
