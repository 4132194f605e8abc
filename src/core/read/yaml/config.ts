/**
 * The project's config file, `talkdeck.config.json` or `talkdeck.config.yaml`, parsed and
 * validated like a deck: every problem has a place in the file. JSON is YAML, so one parser
 * serves both.
 */
import type { TalkdeckError } from '../../base/errors.js';
import { configSchema } from '../../deck/schema.js';
import type { SettingsLayer } from '../../deck/settings.js';
import { errorAt } from '../../base/source.js';
import { parseSource } from './parse.js';
import { issuesToErrors } from '../../deck/validate.js';

export const CONFIG_FILES = ['talkdeck.config.json', 'talkdeck.config.yaml', 'talkdeck.config.yml'] as const;

export function parseConfig(file: string, text: string): { layer: SettingsLayer | undefined; errors: TalkdeckError[] } {
  const { source, data: parsed, errors } = parseSource(file, text);
  if (errors.length) return { layer: undefined, errors };
  const data: unknown = parsed ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      layer: undefined,
      errors: [
        errorAt(source, [], {
          code: 'config',
          message: 'The config file must be a mapping, e.g. `lint:` and `timing:`',
          hint: 'see schema/config.schema.json for what it may hold',
        }),
      ],
    };
  }
  const schema = configSchema();
  const result = schema.safeParse(data);
  if (!result.success) return { layer: undefined, errors: issuesToErrors(source, result.error.issues, [], schema, data) };
  return { layer: { lint: result.data.lint, timing: result.data.timing }, errors: [] };
}
