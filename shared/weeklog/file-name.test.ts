import { describe, expect, it } from 'vitest';
import { contentDisposition, reportFileName, safeFileNamePart, weeklogFileName } from './file-name';

describe('file names', () => {
  it('are the person and the week, safe on Windows', () => {
    expect(weeklogFileName('张三', '2026-W48', 'week')).toBe('张三_2026-W48.qzlog');
    expect(weeklogFileName('张三', '2026-W48', 'since-last-export')).toBe('张三_2026-W48_增量.qzlog');
    expect(weeklogFileName('a/b\\c:d*?"<>|', '2026-W48', 'week')).toBe('abcd_2026-W48.qzlog');
    expect(weeklogFileName(' .. ', '2026-W48', 'week')).toBe('队员_2026-W48.qzlog');
    expect(safeFileNamePart('x'.repeat(100), 'y')).toHaveLength(40);
    expect(reportFileName('驻深招商工作队', '2026-W48', 'xlsx')).toBe('驻深招商工作队_2026-W48_周报.xlsx');
  });

  it('travel in Content-Disposition with an ASCII fallback', () => {
    expect(contentDisposition('张三_2026-W48.qzlog')).toBe(`attachment; filename="___2026-W48.qzlog"; filename*=UTF-8''%E5%BC%A0%E4%B8%89_2026-W48.qzlog`);
  });
});
