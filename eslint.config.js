// Lint, and the layering rule from DESIGN §2 (VS Code style: a folder says what it may import):
//   shared → nothing of ours · renderer → shared · db → shared · platform → shared
//   electron → db, shared · only electron/ imports `electron` · only db/ and platform/ touch SQL.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
// Our folders are reached by relative imports only; a bare `electron` is the package, not electron/.
const ours = (...folders) => ({ regex: `^(\\.{1,2}/)+(.*/)?(${folders.join('|')})(/|$)` });
const layer = (message, ...groups) => ({ group: groups.flat(), message });
const oursLayer = (message, ...folders) => ({ ...ours(...folders), message });

const ELECTRON = layer('Bad layering: only electron/ may import electron.', ['electron', 'electron/*']);
const SQL = layer('Bad layering: only db/ and platform/ touch SQL.', ['better-sqlite3', 'pg', 'kysely', 'better-sqlite3-multiple-ciphers']);

function restrict(...patterns) {
  return { 'no-restricted-imports': ['error', { patterns }] };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**'],
    rules: restrict(
      oursLayer('Bad layering: shared/ imports nothing of ours outside shared/.', 'db', 'renderer', 'electron', 'platform'),
      layer('Bad layering: shared/ runs in the browser too; no Node built-ins.', nodeBuiltins),
      ELECTRON,
      SQL,
    ),
  },
  {
    files: ['renderer/**'],
    rules: restrict(
      oursLayer('Bad layering: the renderer reaches the backend only through shared/ over fetch.', 'db', 'electron', 'platform'),
      layer('Bad layering: the renderer may not import Node built-ins.', nodeBuiltins),
      ELECTRON,
      SQL,
    ),
  },
  {
    files: ['db/**'],
    rules: restrict(oursLayer('Bad layering: db/ may import only shared/.', 'renderer', 'electron', 'platform'), ELECTRON),
  },
  {
    files: ['platform/**'],
    rules: restrict(oursLayer('Bad layering: platform/ may import only shared/.', 'renderer', 'electron', 'db'), ELECTRON),
  },
  {
    files: ['electron/**'],
    rules: restrict(oursLayer('Bad layering: electron/ may import db/ and shared/ only.', 'renderer', 'platform'), SQL),
  },
  {
    files: ['tests/**', 'bench/**', 'build/**'],
    rules: restrict(ELECTRON),
  },
);
