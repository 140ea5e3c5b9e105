/**
 * `npm run bench [-- --companies <n>]`: runs every bench/*.bench.ts in turn, each in its
 * own Node process (so one benchmark's heap and page cache never show in another's
 * memory figure), and passes their lines through. Always exits 0: a benchmark reports a
 * missed target, it does not fail a build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './lib';

const benchDir = path.join(REPO_ROOT, 'bench');
const files = fs.readdirSync(benchDir).filter((file) => file.endsWith('.bench.ts')).sort();
const started = Date.now();
console.log(`benchmarks on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.arch}`);

for (const file of files) {
  console.log(`\n## ${file}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(benchDir, file), ...process.argv.slice(2)], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) console.log(`${file}: exited with ${String(result.status ?? result.signal)} (figures above, if any, stand)`);
}

console.log(`\n${files.length} benchmarks in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(0);
