/**
 * Saves bytes the user asked for: through the desktop shell's save dialog when there is
 * one, else as a browser download. (A candidate for renderer/lib/.)
 */
export async function saveBytes(fileName: string, bytes: Uint8Array, mime: string): Promise<boolean> {
  const desktop = window.qianzhaoDesktop;
  if (desktop) {
    const extension = fileName.split('.').pop() ?? '*';
    const result = await desktop.saveFile({ suggestedName: fileName, bytes, filters: [{ name: extension.toUpperCase(), extensions: [extension] }] });
    return result.saved;
  }
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return true;
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
