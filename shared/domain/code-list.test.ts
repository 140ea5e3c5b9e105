import { describe, expect, it } from 'vitest';
import { enumOf, findCode, labelsOf } from './code-list';

const COLOURS = [
  { code: 'red', label: '红色' },
  { code: 'blue', label: '蓝色' },
] as const;

describe('code lists', () => {
  it('enumOf gives a zod enum of the codes', () => {
    const schema = enumOf(COLOURS);
    expect(schema.options).toEqual(['red', 'blue']);
    expect(schema.safeParse('red').success).toBe(true);
    expect(schema.safeParse('红色').success).toBe(false);
  });

  it('labelsOf maps codes to labels', () => {
    expect(labelsOf(COLOURS)).toEqual({ red: '红色', blue: '蓝色' });
  });

  it('findCode accepts a code or a label, ignoring case, width and spaces', () => {
    expect(findCode(COLOURS, 'RED')).toBe('red');
    expect(findCode(COLOURS, ' 蓝 色 ')).toBe('blue');
    expect(findCode(COLOURS, 'ｂｌｕｅ')).toBe('blue');
    expect(findCode(COLOURS, 'green')).toBeUndefined();
    expect(findCode(COLOURS, 'constructor')).toBeUndefined();
    expect(findCode(COLOURS, '')).toBeUndefined();
  });
});
