import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** End-to-end tests drive what ships: make sure dist/ matches the sources. */
export default function setup(): void {
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, '..', '..', 'build', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
}
