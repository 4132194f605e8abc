/** Finds and reads the project's config file in the working folder (next to content/). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILES, parseConfig } from '../core/read/yaml/config.js';
import { TalkdeckError, TalkdeckErrors } from '../core/base/errors.js';
import type { SettingsLayer } from '../core/deck/settings.js';
import { readText } from './decks.js';

/** The config file's settings, or undefined when there is none; throws its problems. */
export function loadConfig(cwd: string): SettingsLayer | undefined {
  const found = CONFIG_FILES.filter((name) => existsSync(join(cwd, name)));
  if (found.length > 1) {
    throw new TalkdeckError({
      code: 'config',
      file: found[1],
      message: `Two config files: ${found.join(' and ')}`,
      hint: 'keep one of them; talkdeck would not know which one you meant',
    });
  }
  const file = found[0];
  if (!file) return undefined;
  const { layer, errors } = parseConfig(file, readText(join(cwd, file), file));
  if (errors.length) throw new TalkdeckErrors(errors);
  return layer;
}
