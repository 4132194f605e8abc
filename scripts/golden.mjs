// Golden outputs: every deck we have, through every deterministic output, as SHA-256 hashes.
// A refactoring that only moves code keeps them byte-identical; test/golden.test.ts proves it.
//
//   node scripts/golden.mjs            compare with test/golden/hashes.json (exit 1 on a change)
//   node scripts/golden.mjs --record   write test/golden/hashes.json anew
//
// Record only in a commit whose message says why an output changed. Runs the compiled CLI
// (lib/cli.js, `npm run compile` first) in-process, each deck copied into a temporary folder,
// so paths in messages are the same on every machine.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const HASHES = join(ROOT, 'test/golden/hashes.json');

/** Deck folders: where a deck file lies, in the repository's content and test fixtures. */
const DECK_FILE = /^deck\.(ya?ml|md)$/;
const SEARCH = ['content', 'test/fixtures', 'test/safety'];

/** The outputs, each a command line run in the deck's folder; `out` is where its files go. */
const OUTPUTS = [
  { name: 'build', args: (out) => ['build', '--out', out] },
  { name: 'single-file', args: (out) => ['build', '--single-file', '--out', out] },
  { name: 'handout-html', args: (out) => ['handout', '--out', out] },
  { name: 'handout-md', args: (out) => ['handout', '--format', 'md', '--out', out] },
  { name: 'pptx', args: (out) => ['pptx', '--out', out] },
  { name: 'check-json', args: () => ['check', '--format', 'json'] },
];

function deckFolders() {
  const found = new Set();
  const walk = (dir) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (DECK_FILE.test(entry.name)) found.add(dir);
    }
  };
  for (const dir of SEARCH) walk(dir);
  return [...found].sort();
}

const sha = (data) => createHash('sha256').update(data).digest('hex');

function filesBelow(dir) {
  if (!existsSync(dir)) return {};
  const out = {};
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path).split('\\').join('/')] = sha(readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

/** Collects what a writable stream would have received. */
function sink() {
  let text = '';
  return { write: (t) => ((text += t), true), isTTY: false, text: () => text };
}

async function runOutputs(main, deckDir, tmp) {
  const result = {};
  for (const output of OUTPUTS) {
    const out = join(tmp, 'out', output.name);
    const stdout = sink();
    const stderr = sink();
    const code = await main(output.args(out), {
      stdout,
      stderr,
      cwd: deckDir,
      env: { NO_COLOR: '1', PATH: process.env.PATH ?? '' },
    });
    // Messages name the temporary folder and the time a build took: shown as <tmp> and N ms,
    // they are the same on every run.
    const clean = (t) => t.split(tmp).join('<tmp>').replace(/\(\d+ ms\)/g, '(N ms)');
    result[output.name] = { code, stdout: sha(clean(stdout.text())), stderr: sha(clean(stderr.text())), files: filesBelow(out) };
  }
  return result;
}

/** Every deck's outputs, keyed by deck folder then output name. */
export async function collectGolden({ only } = {}) {
  const { main } = await import(join(ROOT, 'lib/cli.js'));
  const decks = {};
  const base = mkdtempSync(join(tmpdir(), 'talkdeck-golden-'));
  try {
    // `talkdeck init` decks: what a new user starts from.
    const inits = { 'init:de': ['--lang', 'de'], 'init:en': ['--lang', 'en'], 'init:markdown': ['--markdown'] };
    const sources = [...deckFolders().map((d) => ({ key: d, from: join(ROOT, d) })), ...Object.keys(inits).map((key) => ({ key }))];
    for (const { key, from } of sources) {
      if (only && !only.some((o) => key.includes(o))) continue;
      const tmp = join(base, sha(key).slice(0, 12));
      // The deck folder keeps its own name: a deck is named after its folder.
      const deckDir = join(tmp, key.startsWith('init:') ? 'talk' : basename(from));
      mkdirSync(tmp, { recursive: true });
      if (from) cpSync(from, deckDir, { recursive: true });
      else {
        const code = await main(['init', deckDir, ...inits[key]], { stdout: sink(), stderr: sink(), cwd: tmp, env: { NO_COLOR: '1' } });
        if (code !== 0) throw new Error(`talkdeck init ${inits[key].join(' ')} failed`);
      }
      decks[key] = await runOutputs(main, deckDir, tmp);
      rmSync(tmp, { recursive: true, force: true });
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  return decks;
}

/** Lines that say which deck's which output differs from the recorded hashes. */
export function compareGolden(recorded, now) {
  const lines = [];
  for (const key of new Set([...Object.keys(recorded), ...Object.keys(now)])) {
    const a = recorded[key];
    const b = now[key];
    if (!a || !b) {
      lines.push(`${key}: ${a ? 'deck no longer found' : 'deck not recorded'}`);
      continue;
    }
    for (const output of Object.keys({ ...a, ...b })) {
      const x = a[output];
      const y = b[output];
      if (!x || !y) {
        lines.push(`${key} ${output}: ${x ? 'no longer produced' : 'not recorded'}`);
        continue;
      }
      for (const field of ['code', 'stdout', 'stderr']) if (x[field] !== y[field]) lines.push(`${key} ${output}: ${field} differs`);
      for (const file of new Set([...Object.keys(x.files), ...Object.keys(y.files)])) {
        if (x.files[file] !== y.files[file]) lines.push(`${key} ${output}: ${file} ${!x.files[file] ? 'added' : !y.files[file] ? 'missing' : 'differs'}`);
      }
    }
  }
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const record = process.argv.includes('--record');
  const started = Date.now();
  const now = await collectGolden();
  if (record) {
    mkdirSync(dirname(HASHES), { recursive: true });
    writeFileSync(HASHES, JSON.stringify(now, null, 1) + '\n');
    console.log(`recorded ${Object.keys(now).length} decks in ${Date.now() - started} ms`);
  } else {
    const diff = compareGolden(JSON.parse(readFileSync(HASHES, 'utf8')), now);
    console.log(diff.length ? diff.join('\n') : `${Object.keys(now).length} decks byte-identical (${Date.now() - started} ms)`);
    process.exitCode = diff.length ? 1 : 0;
  }
}
