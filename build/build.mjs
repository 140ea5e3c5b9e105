// Builds what ships: the renderer (Vite) and the Node/Electron bundles (esbuild).
// `--if-stale` skips the work when nothing under the sources changed since the last build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const stampFile = path.join(dist, '.build-stamp');
const SOURCE_DIRS = ['shared', 'db', 'renderer', 'electron', 'platform'];
const SOURCE_FILES = ['package.json', 'package-lock.json'];

function newestMtime(entry) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    if (child === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function isStale() {
  const stamp = fs.statSync(stampFile, { throwIfNoEntry: false });
  if (!stamp) return true;
  const newest = Math.max(...[...SOURCE_DIRS, ...SOURCE_FILES].map((entry) => newestMtime(path.join(root, entry))));
  return newest > stamp.mtimeMs;
}

// Bundled CommonJS dependencies may call require(); give ESM bundles a real one.
const esmBanner = "import { createRequire as __qzCreateRequire } from 'node:module'; const require = __qzCreateRequire(import.meta.url);";
// CommonJS bundles have no import.meta; give them its url.
const cjsBanner = "const __qzImportMetaUrl = require('node:url').pathToFileURL(__filename).href;";
const nodeCommon = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Native modules load from node_modules at run time (the packaged app: unpacked beside app.asar).
  external: ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'electron'],
};

async function buildAll() {
  const started = Date.now();
  await viteBuild({ configFile: path.join(root, 'renderer', 'vite.config.ts'), logLevel: 'warn' });
  await esbuild({
    ...nodeCommon,
    entryPoints: { web: path.join(root, 'db/web-entry.ts'), start: path.join(root, 'electron/start.ts') },
    outdir: path.join(dist, 'backend'),
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    banner: { js: esmBanner },
  });
  await esbuild({
    ...nodeCommon,
    entryPoints: { main: path.join(root, 'electron/main.ts') },
    outdir: path.join(dist, 'electron'),
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    banner: { js: cjsBanner },
    define: { 'import.meta.url': '__qzImportMetaUrl' },
  });
  // A sandboxed preload may only require('electron'): everything else is bundled in.
  await esbuild({
    ...nodeCommon,
    entryPoints: { preload: path.join(root, 'electron/preload.ts') },
    outdir: path.join(dist, 'electron'),
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    platform: 'browser',
    external: ['electron'],
  });
  fs.writeFileSync(stampFile, new Date().toISOString());
  console.log(`构建完成 / built in ${((Date.now() - started) / 1000).toFixed(1)} s → dist/`);
}

if (process.argv.includes('--if-stale') && !isStale()) process.exit(0);
await buildAll();
