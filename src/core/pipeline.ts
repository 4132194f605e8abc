/**
 * The pure core: deck text in, files in memory out. load → validate → model → render.
 * Nothing here touches the disk; the shell reads inputs and writes the result.
 */
import { TalkdeckError, TalkdeckErrors } from './errors.js';
import { lintDeck } from './lint/index.js';
import { buildModel, type DeckModel } from './model.js';
import { planAssets, THEMES, type AssetRoots } from './render/assets.js';
import { templateRuntimeError, type Renderer } from './render/renderer.js';
import { resolveSettings, type SettingsLayer } from './settings.js';
import { errorAt, parseSource } from './source.js';
import { validateDeck } from './validate.js';

export type OutputFile = { content: string } | { copyFrom: string };

export interface DeckInput {
  /** Deck name: its folder under content/, and its folder under dist/. */
  name: string;
  /** deck.yaml as shown to the user. */
  file: string;
  text: string;
  /** Whether a file exists, relative to the deck folder. */
  exists: (relativePath: string) => boolean;
  roots: AssetRoots;
  renderer: Renderer;
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

  const { source, data, errors: syntaxErrors } = parseSource(input.file, input.text);
  const validation = validateDeck(source, data);
  // After a syntax error the parser recovers, but what it makes of the broken lines is a guess:
  // only report schema problems outside the lines a syntax error spoils.
  const spoiled = (line: number | undefined): boolean =>
    line !== undefined && syntaxErrors.some((e) => line >= e.lines[0] && line <= e.lines[1]);
  const errors: TalkdeckError[] = [...syntaxErrors, ...validation.errors.filter((e) => !spoiled(e.line))];
  if (!validation.meta) return failed(sortByPlace(errors));

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
  const meta = validation.meta;
  const settings = resolveSettings({ config: input.layers?.config, deck: { lint: meta.lint, timing: meta.timing }, cli: input.layers?.cli });
  const { model, errors: modelErrors } = buildModel({
    name: input.name,
    source,
    meta,
    slides: validation.slides,
    exists: input.exists,
    maps: needsMap ? await import('./render/world-map.js') : undefined,
    charts: needsCharts ? await import('./render/chart.js') : undefined,
    timing: settings.timing,
  });
  errors.push(...modelErrors);
  if (errors.length) return failed(sortByPlace(errors), [], model);

  // Lint reads a whole, valid deck; on a broken one its findings would be guesses.
  const findings = lintDeck({ model, source, meta, slides: validation.slides, timing: settings.timing }, settings.lint);
  const warnings = sortByPlace(findings.filter((f) => f.severity === 'warning'));
  const lintErrors = findings.filter((f) => f.severity === 'error');
  if (lintErrors.length) return failed(sortByPlace(lintErrors), warnings, model);

  const plan = planAssets(model, input.roots, { deckStyle: input.exists('style.css') });
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
  files.set('index.html', { content: html });
  for (const copy of plan.copies) files.set(copy.to, { copyFrom: copy.from });
  return { name: input.name, files, model, errors: [], warnings };
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
    ...(model.duration ? { totalTime: Math.round(model.duration * 60) } : {}),
    ...model.reveal,
    speakerView: { labels: { ...model.labels.speaker, slide: model.labels.slide } },
    talkdeck: { mainSlides: model.mainSlideCount, appendix: model.appendix?.id ?? null },
  };
}

function sortByPlace(errors: TalkdeckError[]): TalkdeckError[] {
  return [...errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
