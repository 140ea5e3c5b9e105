import { describe, expect, it } from 'vitest';
import { fontCandidates, locateCjkFont, parseFontSetting } from './fonts';

describe('the PDF font locator', () => {
  it('prefers QZ_PDF_FONT, then the system fonts of the platform', () => {
    const exists = (file: string) => file === 'D:\\fonts\\simsun.ttc' || file.endsWith('msyh.ttc');
    expect(locateCjkFont({ env: { QZ_PDF_FONT: 'D:\\fonts\\simsun.ttc#SimSun' }, platform: 'win32', exists })).toEqual({ file: 'D:\\fonts\\simsun.ttc', face: 'SimSun' });
    expect(locateCjkFont({ env: { WINDIR: 'C:\\Windows' }, platform: 'win32', exists })).toEqual({ file: 'C:\\Windows\\Fonts\\msyh.ttc', face: 'MicrosoftYaHei' });
    expect(fontCandidates('darwin')[0]!.file).toBe('/System/Library/Fonts/PingFang.ttc');
    expect(parseFontSetting('/usr/share/fonts/x.ttf')).toEqual({ file: '/usr/share/fonts/x.ttf' });
  });

  it('says which fonts to install when there is none', () => {
    expect(() => locateCjkFont({ env: {}, platform: 'linux', exists: () => false })).toThrow(/微软雅黑/);
  });
});
