// Builds the installers with electron-builder. That needs the Electron binary and
// electron-builder's NSIS/AppImage tools, which only a release machine with network access has.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));
const pathFile = path.join(electronDir, 'path.txt');
const binary = fs.existsSync(pathFile) ? path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim()) : null;
if (!binary || !fs.existsSync(binary)) {
  console.error('无法打包：本机没有 Electron 可执行文件（需在可联网的发布机上运行，见 docs/release.md）/ cannot package: no Electron binary on this machine');
  process.exit(1);
}
const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run(process.execPath, [path.join(import.meta.dirname, 'build.mjs')]);
// The installers carry exactly what the audit passed (build/electronegativity-allowlist.json).
run(process.execPath, [path.join(import.meta.dirname, 'electronegativity.mjs')]);
run('npx', ['electron-builder', '--config', 'electron-builder.yml', ...process.argv.slice(2)]);
