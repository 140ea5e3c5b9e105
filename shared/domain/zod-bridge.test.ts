import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { err, ok } from './result';
import { schemaFromValidator } from './zod-bridge';

const Trimmed = schemaFromValidator((input) => (input.trim() ? ok(input.trim()) : err('E_TEST_BLANK', '不能为空')));

describe('schemaFromValidator', () => {
  it('passes the validated value through', () => {
    expect(Trimmed.parse('  a ')).toBe('a');
  });

  it('turns a failure into a custom issue with the Chinese message and the code', () => {
    const parsed = Trimmed.safeParse('   ');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ code: 'custom', message: '不能为空', params: { code: 'E_TEST_BLANK' } }),
    ]);
  });

  it('refuses non-strings before calling the validator', () => {
    expect(Trimmed.safeParse(42).success).toBe(false);
    expect(Trimmed.safeParse(null).success).toBe(false);
  });

  it('reports the path inside an object', () => {
    const parsed = z.object({ name: Trimmed }).safeParse({ name: '' });
    expect(parsed.error?.issues[0]?.path).toEqual(['name']);
  });
});
