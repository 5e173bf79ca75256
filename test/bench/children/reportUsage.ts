// Preloaded (`node --require`) into every measured process: when it exits, writes its peak resident
// memory and CPU time to the file named by PHI_GUARD_BENCH_USAGE. The peak covers worker threads too,
// since they live in the same process.
import * as fs from 'fs';

const target = process.env.PHI_GUARD_BENCH_USAGE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    fs.writeFileSync(target, JSON.stringify({ maxRssKb: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000 }));
  });
}
