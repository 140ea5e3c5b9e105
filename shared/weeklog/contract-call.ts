import type { z } from 'zod';
import type { ContractShape, MethodDef } from '../contract/define';

/**
 * A typed call of one feature contract's methods. The renderer's `rpc` is typed against
 * the merged contract; until a feature's contract is merged there, its pages cast `rpc`
 * to this (same function, same wire format). Once merged, the cast is a no-op.
 */
export type ContractCall<C extends ContractShape> = <M extends keyof C & string>(method: M, input: z.input<C[M]['input']>) => Promise<C[M] extends MethodDef<z.ZodType, infer O> ? O : never>;
