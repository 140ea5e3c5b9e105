import type { z } from 'zod';
import type { MethodDef } from '../../../shared/contract/define';
import { LEDGER_CHUNK_BYTES, type ledgerContract } from '../../../shared/contract/ledger';
import { rpc } from '../../lib/rpc';

type Methods = typeof ledgerContract;
type OutputOf<D> = D extends MethodDef<z.ZodType, infer O> ? O : never;

/** The ledger's methods over the app's one RPC client, typed from their own contract. */
export function call<M extends keyof Methods & string>(method: M, input: z.input<Methods[M]['input']>): Promise<OutputOf<Methods[M]>> {
  return (rpc as unknown as (method: string, input: unknown) => Promise<OutputOf<Methods[M]>>)(method, input);
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  const STEP = 0x8000;
  for (let index = 0; index < bytes.length; index += STEP) binary += String.fromCharCode(...bytes.subarray(index, index + STEP));
  return btoa(binary);
}

/**
 * Sends a file in 512 KiB chunks (each call stays under the 1 MiB RPC limit) and
 * returns the upload id the other ledger methods take.
 */
export async function uploadLedger(fileName: string, bytes: Uint8Array, onProgress?: (fraction: number) => void): Promise<string> {
  let uploadId: string | undefined;
  for (let offset = 0; offset < bytes.length || offset === 0; offset += LEDGER_CHUNK_BYTES) {
    const chunk = bytes.subarray(offset, offset + LEDGER_CHUNK_BYTES);
    const state = await call('ledger.upload', { uploadId, fileName, totalBytes: bytes.length, offset, data: base64Of(chunk) });
    uploadId = state.uploadId;
    onProgress?.(state.receivedBytes / bytes.length);
    if (state.complete) break;
  }
  return uploadId!;
}
