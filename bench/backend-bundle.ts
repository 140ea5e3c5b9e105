/**
 * The web-mode backend a cold-start run spawns. Normally `dist/backend/web.mjs` from
 * `node build/build.mjs --if-stale`. While others' files are mid-change the full build
 * can fail, or its bundle not start, although the backend itself is fine; then we say so
 * and bundle the backend alone with build.mjs's esbuild options (native drivers kept
 * external, as any working bundle must), so the figure still reflects today's backend.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './lib';

export interface BackendBundle {
  entry: string;
  rendererDir: string;
  /** Set when this is not the regular build: say so next to the figures. */
  note: string | null;
}

// Under node_modules so the bundle's external `better-sqlite3` resolves exactly as dist/'s does.
const FALLBACK_DIR = path.join(REPO_ROOT, 'node_modules', '.cache', 'qianzhao-bench');
const ESM_BANNER = "import { createRequire as __qzCreateRequire } from 'node:module'; const require = __qzCreateRequire(import.meta.url);";

function buildErrorLines(output: string): string[] {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const lines = plain.split('\n').filter((line) => /error|could not resolve|not found|failed/i.test(line) && !/^\s+at /.test(line));
  return [...new Set(lines.map((line) => line.trim()))].slice(0, 6);
}

/** The regular build, or null (after saying why) when it fails. */
export function regularBundle(): BackendBundle | null {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'build', 'build.mjs'), '--if-stale'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status === 0) {
    return { entry: path.join(REPO_ROOT, 'dist', 'backend', 'web.mjs'), rendererDir: path.join(REPO_ROOT, 'dist', 'renderer'), note: null };
  }
  console.log('note: `node build/build.mjs --if-stale` failed, so dist/ is not today\'s build:');
  for (const line of buildErrorLines(`${result.stdout}\n${result.stderr}`)) console.log(`  ${line}`);
  return null;
}

/** The backend bundled alone; `why` names what was wrong with the regular build. */
export async function fallbackBundle(why: string): Promise<BackendBundle | null> {
  try {
    await build({
      entryPoints: { web: path.join(REPO_ROOT, 'db', 'web-entry.ts') },
      outdir: FALLBACK_DIR,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      banner: { js: ESM_BANNER },
      external: ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'electron'],
      logLevel: 'silent',
    });
  } catch (error) {
    console.log(`cold start: not measured: the backend alone does not bundle either: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return null;
  }
  const rendererDir = path.join(FALLBACK_DIR, 'renderer');
  fs.mkdirSync(rendererDir, { recursive: true });
  // The last good renderer if there is one; the token meta tag only needs a <head>.
  const builtIndex = path.join(REPO_ROOT, 'dist', 'renderer', 'index.html');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), fs.existsSync(builtIndex) ? fs.readFileSync(builtIndex) : '<!doctype html><html><head></head><body></body></html>');
  return {
    entry: path.join(FALLBACK_DIR, 'web.mjs'),
    rendererDir,
    note: `${why}; measured the backend bundled alone (build.mjs's esbuild options, native drivers external)`,
  };
}
