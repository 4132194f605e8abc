/**
 * Settings of the authoring aids (lint severities, speaking-time estimate) and how their
 * layers combine. Pure: the shell reads the config file, the deck brings its metadata.
 */
import type { LintRuleId } from '../base/errors.js';
import { LINT_RULE_INFO, type Severity } from './lint-rules.js';

export interface TimingSettings {
  /** Speaking rate for the notes. */
  wordsPerMinute: number;
  /** Added to every slide: looking at it, switching, a pause. */
  secondsPerSlide: number;
  /** How far (in %) the estimate may be off the deck's `duration` before `timing` reports it. */
  tolerancePercent: number;
}

export interface Settings {
  lint: Record<LintRuleId, Severity>;
  timing: TimingSettings;
}

/** One layer of settings: whatever a source sets, nothing more. */
export interface SettingsLayer {
  lint?: Partial<Record<LintRuleId, Severity>> | undefined;
  timing?: Partial<TimingSettings> | undefined;
}

/**
 * 130 words per minute is a calm briefing pace. The notes are what is said, so the fixed time per
 * slide only covers the click and the pause between slides (and the short look at a title or
 * section slide that has no notes).
 */
export const TIMING_DEFAULTS: TimingSettings = { wordsPerMinute: 130, secondsPerSlide: 5, tolerancePercent: 15 };

export function defaultSettings(): Settings {
  return {
    lint: Object.fromEntries(LINT_RULE_INFO.map((r) => [r.id, r.defaultSeverity])) as Record<LintRuleId, Severity>,
    timing: { ...TIMING_DEFAULTS },
  };
}

/**
 * The one place where settings are combined. Precedence, lowest first:
 *   built-in defaults < the dialect's defaults < talkdeck.config.(json|yaml) < the deck's
 *   metadata < command-line flags.
 * A later layer overrides single keys (one rule's severity, one timing value), not whole blocks.
 * The pace measured in the deck's rehearsals applies where none of the last three sets
 * `wordsPerMinute` (pipeline.ts). One exception: a deck's `remote-resource: off` counts as `warning`.
 */
export function resolveSettings(layers: {
  /** Defaults of the deck's dialect (e.g. Markdown decks report remote images as warnings), just above the built-in ones. */
  dialect?: SettingsLayer | undefined;
  config?: SettingsLayer | undefined;
  deck?: SettingsLayer | undefined;
  cli?: SettingsLayer | undefined;
}): Settings {
  const settings = defaultSettings();
  for (const layer of [layers.dialect, layers.config, layers.deck, layers.cli]) {
    if (!layer) continue;
    for (const [id, severity] of Object.entries(layer.lint ?? {})) {
      if (severity === undefined) continue;
      // A deck may come from someone else: it may accept files from the network (a warning), but
      // not hide that it loads them. Only the person building turns the rule off (config, --rule).
      const hidden = layer === layers.deck && id === 'remote-resource' && severity === 'off' && settings.lint[id] !== 'off';
      settings.lint[id as LintRuleId] = hidden ? 'warning' : severity;
    }
    for (const [key, value] of Object.entries(layer.timing ?? {})) {
      if (value !== undefined) settings.timing[key as keyof TimingSettings] = value;
    }
  }
  return settings;
}
