/**
 * `npm start`: the desktop app where an Electron binary exists, otherwise
 * one line saying so and web mode. Arguments after the script are passed through.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { exitCodeOf, findElectronBinary, planLaunch, startupMessage } from './launch';

/** dist/, whether this runs from source (electron/start.ts, via tsx) or bundled (dist/backend/start.mjs). */
const distDir = path.basename(import.meta.dirname) === 'backend' ? path.resolve(import.meta.dirname, '..') : path.resolve(import.meta.dirname, '..', 'dist');
/** Where the build puts the bundled main process (see electron-builder.yml `files`). */
const mainEntry = path.join(distDir, 'electron', 'main.cjs');

function electronPackageDir(): string | null {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function startDesktop(binary: string, argv: string[]): void {
  const env = { ...process.env };
  // Set in the parent shell, this would make the binary a plain Node and run nothing of ours.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [mainEntry, ...argv], { stdio: 'inherit', env });
  child.once('error', (error) => {
    console.error(`无法启动 Electron / Could not start Electron: ${error.message}`);
    process.exit(1);
  });
  child.once('exit', (code, signal) => process.exit(exitCodeOf(code, signal)));
  // Ctrl+C reaches the child through the terminal already; just outlive it to forward its code.
  process.on('SIGINT', () => {});
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
}

async function startWeb(argv: string[]): Promise<void> {
  // Imported only now, so the desktop path never loads the database driver in this process.
  const { main } = await import('../db/web');
  try {
    await main(argv);
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? ` [${String(error.code)}]` : '';
    console.error(`网页模式无法启动 / Web mode failed: ${error instanceof Error ? error.message : String(error)}${code}`);
    process.exit(1);
  }
}

const argv = process.argv.slice(2);
const packageDir = electronPackageDir();
const binary = packageDir === null ? null : findElectronBinary(packageDir, fs, process.env);
const plan = planLaunch(binary, mainEntry, fs.existsSync(mainEntry));
switch (plan.kind) {
  case 'desktop':
    console.log(startupMessage(plan));
    startDesktop(plan.binary, argv);
    break;
  case 'not-built':
    console.error(startupMessage(plan));
    process.exitCode = 1;
    break;
  case 'web':
    console.log(startupMessage(plan));
    await startWeb(argv);
    break;
}
