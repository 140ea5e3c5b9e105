import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The platform as a real child process, for fault tests. main.ts is bundled once with
 * esbuild (packages resolved from the repo's node_modules via NODE_PATH) so each start
 * costs a Node start, not a TypeScript compile.
 */
export async function buildPlatformBundle(): Promise<{ file: string; dispose: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-platform-bundle-'));
  const file = path.join(dir, 'main.cjs');
  await build({
    entryPoints: [path.join(ROOT, 'platform/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: file,
    packages: 'external',
    logLevel: 'silent',
  });
  return { file, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface PlatformProcess {
  port: number;
  child: ChildProcess;
  url: string;
  /** Resolves when the process has exited (killed or not). */
  exited: Promise<void>;
}

export async function startPlatformProcess(bundle: string, dataDir: string): Promise<PlatformProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [bundle, '--port', '0', '--data', dataDir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`platform did not start in 30 s: ${stderr}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (const line of buffer.split('\n')) {
        if (!line.includes('"listening"')) continue;
        clearTimeout(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`platform exited (${String(code)}) before listening: ${stderr}`));
    });
  });
  child.stdout!.resume();
  return { port, child, url: `http://127.0.0.1:${port}`, exited };
}
