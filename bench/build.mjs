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
  return { ms, rssKiB: Number(readFileSync(rssFile, 'utf8')) };
}

const bare = [];
for (let i = 0; i < runs; i++) {
  const s = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  bare.push(Number(process.hrtime.bigint() - s) / 1e6);
}
console.log(`node -e 0: ${median(bare).toFixed(0)} ms (median of ${runs})`);
console.log('slides  wall median  wall min  peak RSS  ms/slide');
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
