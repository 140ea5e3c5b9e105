// Lint, and the layering rule from DESIGN §2 (VS Code style: a folder says what it may import):
//   shared → nothing of ours · renderer → shared · db → shared · platform → shared
//   electron → db, shared · only electron/ imports `electron` · only db/ and platform/ touch SQL.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
// Our folders are reached by relative imports only; a bare `electron` is the package, not electron/.
const ours = (...folders) => ({ regex: `^(\\.{1,2}/)+(.*/)?(${folders.join('|')})(/|$)` });
const oursLayer = (message, ...folders) => ({ ...ours(...folders), message });

// Package names are matched exactly (`paths`): a pattern `domain` would also catch our own shared/domain/.
const names = (message, list) => list.map((name) => ({ name, message }));
const NODE = (message) => ({ paths: names(message, nodeBuiltins) });
const ELECTRON = { paths: names('Bad layering: only electron/ may import electron.', ['electron']) };
const SQL = { paths: names('Bad layering: only db/ and platform/ touch SQL.', ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'pg', 'kysely']) };

/** Each argument is a pattern ({ regex, message }) or a { paths } group. */
function restrict(...rules) {
  const paths = rules.flatMap((rule) => rule.paths ?? []);
  const patterns = rules.filter((rule) => !rule.paths);
  return { 'no-restricted-imports': ['error', { paths, patterns }] };
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
      NODE('Bad layering: shared/ runs in the browser too; no Node built-ins.'),
      ELECTRON,
      SQL,
    ),
  },
  {
    files: ['renderer/**'],
    rules: restrict(
      oursLayer('Bad layering: the renderer reaches the backend only through shared/ over fetch.', 'db', 'electron', 'platform'),
      NODE('Bad layering: the renderer may not import Node built-ins.'),
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
