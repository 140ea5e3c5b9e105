/**
 * The disk side of the file dialogs. Kept apart from ipc.ts so the handlers can be tested
 * with a fake disk, and these with a real temporary folder.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';

export interface DesktopFiles {
  /** Size in bytes of a regular file; throws for a folder, device or missing file. */
  size(filePath: string): Promise<number>;
  read(filePath: string): Promise<Uint8Array>;
  /** Replaces `filePath` whole or not at all: an export never leaves half a file behind. */
  writeAtomic(filePath: string, bytes: Uint8Array): Promise<void>;
}

export const nodeDesktopFiles: DesktopFiles = {
  async size(filePath) {
    const stat = await fs.stat(filePath);
    if (!stat.isFile()) throw new Error(`not a regular file: ${filePath}`);
    return stat.size;
  },

  async read(filePath) {
    return new Uint8Array(await fs.readFile(filePath));
  },

  async writeAtomic(filePath, bytes) {
    // Same folder as the target, so the rename never crosses a volume.
    const temporary = `${filePath}.${randomBytes(6).toString('hex')}.part`;
    try {
      const handle = await fs.open(temporary, 'wx');
      try {
        await handle.writeFile(bytes);
        // On disk before the rename, or a power cut could leave an empty file under the real name.
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temporary, filePath);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
  },
};
