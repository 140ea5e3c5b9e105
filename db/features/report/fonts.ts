import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { WEEKLOG_ERRORS } from '../../../shared/weeklog/errors';

/**
 * A font with Chinese glyphs for the PDF 周报. PDF viewers cannot be trusted to have one,
 * so the PDF embeds (a subset of) a font found on this computer:
 *
 * 1. `QZ_PDF_FONT=<file>[#<PostScript name>]` when set (a .ttf/.otf, or a .ttc/.otc with
 *    the face's PostScript name, e.g. `C:\Windows\Fonts\simsun.ttc#SimSun`);
 * 2. otherwise the first of the usual system fonts that exists: Windows 微软雅黑 /
 *    宋体 / 黑体 (msyh.ttc, simsun.ttc, simhei.ttf under %WINDIR%\Fonts), macOS 苹方 /
 *    华文黑体 / 宋体, Linux Noto CJK (思源) / 文泉驿.
 *
 * None found: E_REPORT_NO_FONT, a message saying which fonts to install; the .xlsx does
 * not need one (the spreadsheet program supplies its own).
 */
export interface PdfFont {
  file: string;
  /** For a font collection (.ttc): the PostScript name of the face to use. */
  face?: string;
}

function windowsFonts(): PdfFont[] {
  const root = process.env.WINDIR ?? process.env.SystemRoot ?? 'C:\\Windows';
  const at = (file: string) => path.win32.join(root, 'Fonts', file);
  return [
    { file: at('msyh.ttc'), face: 'MicrosoftYaHei' },
    { file: at('simsun.ttc'), face: 'SimSun' },
    { file: at('simhei.ttf') },
    { file: at('Deng.ttf') },
    { file: at('simkai.ttf') },
  ];
}

const MAC_FONTS: PdfFont[] = [
  { file: '/System/Library/Fonts/PingFang.ttc', face: 'PingFangSC-Regular' },
  { file: '/System/Library/Fonts/STHeiti Light.ttc', face: 'STHeitiSC-Light' },
  { file: '/System/Library/Fonts/Supplemental/Songti.ttc', face: 'STSongti-SC-Regular' },
  { file: '/Library/Fonts/Arial Unicode.ttf' },
];

const LINUX_FONTS: PdfFont[] = [
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', face: 'NotoSerifCJKsc-Regular' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' },
];

export function fontCandidates(platform: NodeJS.Platform = process.platform): PdfFont[] {
  if (platform === 'win32') return windowsFonts();
  if (platform === 'darwin') return MAC_FONTS;
  return LINUX_FONTS;
}

/** Parses `QZ_PDF_FONT`: a path, optionally `#PostScriptName` for a collection. */
export function parseFontSetting(value: string): PdfFont {
  const hash = value.lastIndexOf('#');
  return hash > 0 ? { file: value.slice(0, hash), face: value.slice(hash + 1) } : { file: value };
}

export function locateCjkFont(options: { env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform; exists?: (file: string) => boolean } = {}): PdfFont {
  const exists = options.exists ?? ((file: string) => fs.existsSync(file));
  const setting = (options.env ?? process.env).QZ_PDF_FONT;
  const candidates = [...(setting ? [parseFontSetting(setting)] : []), ...fontCandidates(options.platform)];
  const found = candidates.find((candidate) => exists(candidate.file));
  if (!found) throw new AppError('E_REPORT_NO_FONT', WEEKLOG_ERRORS.E_REPORT_NO_FONT);
  return found;
}
