import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layering lint rule (DESIGN §2)', () => {
  it.each([
    ['renderer/features/x.ts', "import fs from 'node:fs';\nexport const x = fs;"],
    ['renderer/features/x.ts', "import path from 'path';\nexport const x = path;"],
    ['renderer/features/x.ts', "import { openDatabase } from '../../db/sql';\nexport const x = openDatabase;"],
    ['renderer/features/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;"],
    ['shared/x.ts', "import { createBackend } from '../db/server/backend';\nexport const x = createBackend;"],
    ['shared/x.ts', "import crypto from 'node:crypto';\nexport const x = crypto;"],
    ['db/x.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['db/x.ts', "import { ROUTES } from '../renderer/app/routes';\nexport const x = ROUTES;"],
    ['platform/x.ts', "import { openDatabase } from '../db/sql';\nexport const x = openDatabase;"],
    ['electron/x.ts', "import Database from 'better-sqlite3';\nexport const x = Database;"],
    ['tests/x.ts', "import { app } from 'electron';\nexport const x = app;"],
  ])('%s may not: %s', async (filePath, code) => {
    expect(await layeringErrors(filePath, code)).toEqual([expect.stringContaining('Bad layering')]);
  });

  it.each([
    ['renderer/features/x.ts', "import { contract } from '../../shared/contract';\nexport const x = contract;"],
    ['shared/contract/x.ts', "import { VISIT_KINDS } from '../domain/reference';\nexport const x = VISIT_KINDS;"],
    ['db/x.ts', "import fs from 'node:fs';\nimport { AppError } from '../shared/errors';\nexport const x = [fs, AppError];"],
    ['electron/x.ts', "import { app } from 'electron';\nimport { createBackend } from '../db/server/backend';\nexport const x = [app, createBackend];"],
  ])('%s may: %s', async (filePath, code) => {
    expect(await layeringErrors(filePath, code)).toEqual([]);
  });
});
