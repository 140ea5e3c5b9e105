import type { z } from 'zod';
import type { cockpitContract } from '../../../shared/contract/cockpit';
import type { MethodDef } from '../../../shared/contract/define';
import type { exportContract } from '../../../shared/contract/export';
import { rpc } from '../../lib/rpc';

type Methods = typeof cockpitContract & typeof exportContract;
type OutputOf<D> = D extends MethodDef<z.ZodType, infer O> ? O : never;

/**
 * The cockpit's and export's methods over the app's one RPC client (same token, same
 * errors). Typed from their own contracts, so it compiles before and after they are
 * merged into shared/contract/index.ts; afterwards `rpc(...)` works the same.
 */
export function call<M extends keyof Methods & string>(method: M, input: z.input<Methods[M]['input']>): Promise<OutputOf<Methods[M]>> {
  return (rpc as unknown as (method: string, input: unknown) => Promise<OutputOf<Methods[M]>>)(method, input);
}
