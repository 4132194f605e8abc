// The floor under a talkdeck build (npm run bench): a program that loads the libraries every
// build needs (yargs, zod, js-yaml, markdown-it, the Handlebars runtime), bundled and set up as
// talkdeck's are (scripts/esbuild-plugins.mjs, src/cli/main.ts), uses each once on a one-slide
// deck and does nothing else. What talkdeck takes beyond it is its own work.
import yargs from 'yargs';
import * as z from 'zod';
import jsYaml from 'js-yaml';
import MarkdownIt from 'markdown-it';
import Handlebars from 'handlebars/runtime.js';

const cli = yargs(process.argv.slice(2)).command('build [decks..]', 'Build').strict().version('0').exitProcess(false);
// As src/cli/main.ts does: no help text laid out after every command.
cli.getInternalMethods().getUsageInstance().cacheHelpMessage = () => undefined;
const argv = await cli.parseAsync();

z.config({ jitless: true });
const Deck = z.strictObject({ title: z.string().min(1), slides: z.array(z.strictObject({ title: z.string().min(1), points: z.array(z.string()).optional() })) });
const deck = Deck.parse(jsYaml.load('title: Floor\nslides:\n  - title: One\n    points: [a, b]\n', { schema: jsYaml.CORE_SCHEMA }));
const title = new MarkdownIt({ html: false }).renderInline(`*${deck.title}*`);
const page = Handlebars.template({ compiler: [8, '>= 4.3.0'], main: (_c, data) => `<h1>${data.title}</h1>`, useData: true });
process.stdout.write(`${argv._.length} ${page({ title }).length}\n`);
