/**
 * The `yaml` package, which parses a deck into a syntax tree with source positions. Only an error,
 * a warning or a file that js-yaml cannot read needs it, so a clean build never should pay for
 * loading it (about 20 ms). A module named `*.lazy.ts` exports one `load()`; the bundle
 * (scripts/compile.mjs) loads and evaluates it on the first call, not at start-up.
 */
import * as yaml from 'yaml';

export function load(): typeof yaml {
  return yaml;
}
