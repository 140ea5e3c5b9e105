// The Electron security audit, run by the test command: @doyensec/electronegativity over the
// main-process sources (electron/, tests left out) and the build that ships (dist/electron's
// main.cjs and preload.cjs). Exits 1 on any MEDIUM or HIGH finding that is not in
// build/electronegativity-allowlist.json with a reason, on an unparsable file (a file the audit
// could not read was not audited), or on a malformed allowlist. Offline by design:
//   - AvailableSecurityFixesGlobalCheck is excluded (it looks up Electron releases online);
//   - the tool's start-up fetch of translations is answered locally (no request leaves);
//   - the Electron version comes from node_modules/electron/package.json, not a lookup.
// The bundle is lowered to ES2019 for the scan only: the tool's parser predates class fields.
//   node build/electronegativity.mjs [--verbose]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { allowlistProblems, judgeFindings } from './electronegativity-lib.mjs';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const verbose = process.argv.includes('--verbose');
const ALLOWLIST = path.join(import.meta.dirname, 'electronegativity-allowlist.json');
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

function stubNetwork() {
  // The tool fetches a translation file with `got` when it starts; answer "not found" locally.
  const toolRequire = createRequire(require.resolve('@doyensec/electronegativity/dist/locales/i18n.js'));
  const gotPath = toolRequire.resolve('got');
  const offline = () => Promise.reject(new Error('offline: electronegativity translations are not fetched'));
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: Object.assign(offline, { default: offline }) };
  // Messages in English whatever the machine's locale (LANG=zh_CN has no translation file).
  process.env.LANG = 'en-US';
}

function ensureBuilt() {
  const result = spawnSync(process.execPath, [path.join(import.meta.dirname, 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('electronegativity: the build failed, so there is nothing to audit');
    process.exit(1);
  }
}

/** electron/*.ts without tests, and the bundles as .js (the tool reads only .js/.ts/.html). */
function stage() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qz-electronegativity-'));
  const sources = path.join(dir, 'electron');
  const build = path.join(dir, 'build');
  fs.mkdirSync(sources);
  fs.mkdirSync(build);
  for (const file of fs.readdirSync(path.join(root, 'electron'))) {
    if (file.endsWith('.ts') && !file.endsWith('.test.ts')) fs.copyFileSync(path.join(root, 'electron', file), path.join(sources, file));
  }
  for (const name of ['main', 'preload']) {
    const code = fs.readFileSync(path.join(root, 'dist', 'electron', `${name}.cjs`), 'utf8');
    fs.writeFileSync(path.join(build, `${name}.js`), transformSync(code, { loader: 'js', target: 'es2019', format: 'cjs' }).code);
  }
  fs.copyFileSync(path.join(root, 'dist', 'renderer', 'index.html'), path.join(build, 'index.html'));
  return { dir, inputs: [{ label: 'electron', path: sources, prefix: 'electron/' }, { label: 'build', path: build, prefix: 'build:' }] };
}

async function main() {
  stubNetwork();
  // The tool says so each run when its (stubbed) translation fetch fails; that line is noise here.
  const log = console.log;
  console.log = (...args) => {
    if (args[0] !== 'Could not retrieve updated translations for the current locale') log(...args);
  };
  ensureBuilt();
  const allowlist = JSON.parse(fs.readFileSync(ALLOWLIST, 'utf8'));
  const problems = allowlistProblems(allowlist);
  if (problems.length > 0) {
    for (const problem of problems) console.error(`electronegativity allowlist: ${problem}`);
    process.exit(1);
  }
  const run = require('@doyensec/electronegativity/dist/runner.js');
  const electronVersion = JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const staged = stage();
  const findings = [];
  const unreadable = [];
  try {
    for (const input of staged.inputs) {
      const result = await run({ input: input.path, excludeFromScan: EXCLUDED_CHECKS, electronVersionOverride: electronVersion, isRelative: true });
      for (const error of result.errors) if (!error.tolerable) unreadable.push(`${input.prefix}${path.relative(input.path, error.file)}: ${error.message}`);
      for (const issue of result.issues) {
        findings.push({
          id: issue.id,
          file: issue.file === 'N/A' ? 'N/A' : `${input.prefix}${issue.file}`,
          severity: issue.severity.value,
          severityName: issue.severity.name,
          confidenceName: issue.confidence.name,
          line: issue.location?.line ?? 0,
          sample: String(issue.sample ?? ''),
        });
      }
    }
  } finally {
    fs.rmSync(staged.dir, { recursive: true, force: true });
  }

  const verdict = judgeFindings(findings, allowlist);
  const where = (f) => `${f.id} ${f.severityName}/${f.confidenceName} ${f.file}${f.line ? `:${f.line}` : ''}`;
  if (verbose) {
    for (const { finding, entry } of verdict.allowed) console.log(`  allowed: ${where(finding)} — ${entry.why}`);
    for (const finding of verdict.minor) console.log(`  low: ${where(finding)}`);
  }
  for (const entry of verdict.unused) console.warn(`electronegativity: allowlist entry no longer needed: ${entry.check} ${entry.file}${entry.match ? ` (${entry.match})` : ''}`);
  for (const file of unreadable) console.error(`electronegativity: could not parse ${file} (not audited)`);
  for (const finding of verdict.failing) console.error(`electronegativity: ${where(finding)}\n    ${finding.sample.slice(0, 160)}\n    fix it, or add it to build/electronegativity-allowlist.json with why it is safe`);
  const ok = verdict.failing.length === 0 && unreadable.length === 0;
  console.log(
    `electronegativity (Electron ${electronVersion}, offline): ${findings.length} finding(s), ${verdict.allowed.length} allowed with a reason, ${verdict.minor.length} low, ${verdict.failing.length} failing${unreadable.length ? `, ${unreadable.length} unreadable` : ''} → ${ok ? 'ok' : 'FAILED'}`,
  );
  process.exit(ok ? 0 : 1);
}

await main();
