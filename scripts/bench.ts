/**
 * `npm run bench` runs every benchmark in tests/bench; `npm run bench -- NAME` runs tests/bench/NAME.bench.ts.
 * Each benchmark is a standalone script that prints its timings and ends with one summary line.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const benchDir = path.resolve('tests/bench');
const available = readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace(/\.bench\.ts$/, ''))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${available.join(', ') || '(none)'}`);
  process.exit(2);
}
const toRun = wanted.length > 0 ? wanted : available;
if (toRun.length === 0) {
  console.error('No benchmarks in tests/bench yet.');
  process.exit(1);
}
let failed = false;
for (const name of toRun) {
  console.log(`\n=== bench ${name} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', path.join(benchDir, `${name}.bench.ts`)], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
