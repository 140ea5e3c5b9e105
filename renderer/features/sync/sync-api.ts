import type { z } from 'zod';
import type { MethodDef } from '../../../shared/contract/define';
import type { syncContract } from '../../../shared/contract/sync';
import { rpc } from '../../lib/rpc';

type SyncContract = typeof syncContract;
type SyncMethod = keyof SyncContract;
type Output<M extends SyncMethod> = SyncContract[M] extends MethodDef<z.ZodType, infer O> ? O : never;

/** The sync methods through the app's one RPC client (typed from shared/contract/sync.ts). */
export const syncRpc = rpc as unknown as <M extends SyncMethod>(method: M, input: z.input<SyncContract[M]['input']>) => Promise<Output<M>>;

/** Asks the backend to sync whenever the browser says the network is back. Returns the unsubscribe. */
export function syncWhenOnline(): () => void {
  const onOnline = (): void => {
    void syncRpc('sync.now', {}).catch(() => undefined);
  };
  window.addEventListener('online', onOnline);
  return () => window.removeEventListener('online', onOnline);
}
