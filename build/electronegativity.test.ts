import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowlistProblems, judgeFindings, type Finding } from './electronegativity-lib.mjs';

const finding = (overrides: Partial<Finding>): Finding => ({ id: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/main.ts', severity: 2, severityName: 'MEDIUM', confidenceName: 'TENTATIVE', line: 1, sample: 'shell.openExternal(decision.url)', ...overrides });
const why = 'the URL is checked by policy.decideNewWindow first';

describe('judging electronegativity findings', () => {
  it('a medium or high finding fails unless allowed for that check, file and code', () => {
    const allow = [{ check: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/main.ts', match: 'decision.url', why }];
    expect(judgeFindings([finding({})], allow).failing).toEqual([]);
    expect(judgeFindings([finding({ file: 'electron/other.ts' })], allow).failing).toHaveLength(1);
    expect(judgeFindings([finding({ sample: 'shell.openExternal(userInput)' })], allow).failing).toHaveLength(1);
    expect(judgeFindings([finding({ id: 'CONTEXT_ISOLATION_JS_CHECK', severity: 3 })], allow).failing).toHaveLength(1);
  });
  it('low and informational findings never fail', () => {
    expect(judgeFindings([finding({ severity: 1 }), finding({ severity: 0 })], [])).toMatchObject({ failing: [], minor: [expect.anything(), expect.anything()] });
  });
  it('reports allowlist entries nothing matched any more', () => {
    expect(judgeFindings([], [{ check: 'X_CHECK', file: 'N/A', why }]).unused).toHaveLength(1);
  });
});

describe('the allowlist file', () => {
  it('every entry says why it is safe', () => {
    const list: unknown = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'electronegativity-allowlist.json'), 'utf8'));
    expect(allowlistProblems(list)).toEqual([]);
  });
  it('an entry without a real reason is refused', () => {
    expect(allowlistProblems([{ check: 'CSP_GLOBAL_CHECK', file: 'N/A', why: 'fine' }])[0]).toContain('"why"');
    expect(allowlistProblems([{ check: 'csp', file: '', why, extra: 1 }])).toHaveLength(3);
    expect(allowlistProblems({})).toEqual(['the allowlist must be a JSON array']);
  });
});
