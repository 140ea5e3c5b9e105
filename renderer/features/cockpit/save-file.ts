import { saveBytes as saveFile } from '../../lib/files-api';

/** Saves bytes the user asked for (desktop save dialog, else a browser download). */
export function saveBytes(fileName: string, bytes: Uint8Array, mime: string): Promise<boolean> {
  return saveFile({ fileName, bytes, type: mime });
}

export function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** A `data:image/png;base64,…` URL (ECharts' getDataURL) as bytes. */
export function dataUrlBytes(dataUrl: string): Uint8Array {
  return base64Bytes(dataUrl.slice(dataUrl.indexOf(',') + 1));
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
