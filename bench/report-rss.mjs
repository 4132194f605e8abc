// Preloaded into the benchmarked process: writes its peak resident memory (KiB) and the CPU
// time it used (ms, user + system: unlike wall time, hardly affected by other work on the
// machine) at exit, as JSON.
import { writeFileSync } from 'node:fs';

const file = process.env.TALKDECK_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ rssKiB: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  });
}
