import { describe, expect, it } from 'vitest';
import { allowBlank, err, ok, type Result } from './result';

const positive = (input: string): Result<number, 'E_TEST_NOT_POSITIVE'> => {
  const value = Number(input);
  return value > 0 ? ok(value) : err('E_TEST_NOT_POSITIVE', '必须大于0');
};

describe('Result', () => {
  it('ok and err build the two shapes', () => {
    expect(ok(5)).toEqual({ ok: true, value: 5 });
    expect(err('E_X', '说明')).toEqual({ ok: false, code: 'E_X', message: '说明' });
  });

  it('narrows on ok', () => {
    const result = positive('3');
    if (result.ok) expect(result.value + 1).toBe(4);
    else expect.unreachable();
  });
});

describe('allowBlank', () => {
  const optionalPositive = allowBlank(positive);

  it.each(['', '  ', '\u3000', '\t\n', null, undefined])('%j → ok(null)', (input) => {
    expect(optionalPositive(input)).toEqual({ ok: true, value: null });
  });

  it('passes anything else to the validator unchanged', () => {
    expect(optionalPositive('7')).toEqual({ ok: true, value: 7 });
    expect(optionalPositive('-1')).toEqual({ ok: false, code: 'E_TEST_NOT_POSITIVE', message: '必须大于0' });
  });
});
