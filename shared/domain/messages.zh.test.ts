import { describe, expect, it } from 'vitest';
import { fail, MESSAGES_ZH } from './messages.zh';

describe('MESSAGES_ZH', () => {
  it('every code is E_ + upper snake case', () => {
    for (const code of Object.keys(MESSAGES_ZH)) expect(code).toMatch(/^E_[A-Z0-9]+(?:_[A-Z0-9]+)*$/);
  });

  it('every message is Chinese', () => {
    const sample = ['x', 1, 'y'] as never[];
    for (const render of Object.values(MESSAGES_ZH)) {
      expect((render as (...args: never[]) => string)(...sample)).toMatch(/\p{Script=Han}/u);
    }
  });
});

describe('fail', () => {
  it('builds an error with the templated message', () => {
    expect(fail('E_USCC_CHECKSUM', '6', '7')).toEqual({
      ok: false,
      code: 'E_USCC_CHECKSUM',
      message: '统一社会信用代码校验位错误：第18位应为 6，实际为 7',
    });
    expect(fail('E_AMOUNT_NEGATIVE')).toEqual({ ok: false, code: 'E_AMOUNT_NEGATIVE', message: '金额不能为负数' });
  });

  it('hints at O/0 and I/1 confusion in credit codes', () => {
    expect(fail('E_USCC_CHARSET', 'O', 5).message).toContain('数字 0');
    expect(fail('E_USCC_CHARSET', 'I', 5).message).toContain('数字 1');
    expect(fail('E_USCC_CHARSET', 'S', 5).message).not.toContain('误写');
  });
});
