import type { z } from 'zod';
import type { MethodDef } from '../../../shared/contract/define';
import type { HandlerContext } from '../../rpc/types';

/**
 * Handlers for one feature contract, typed from that contract alone: the same shape as
 * `FeatureHandlers<…>` once the contract is merged into shared/contract/index.ts, so the
 * registry accepts the map unchanged. (A candidate for db/rpc/types.ts.)
 */
export type HandlersOf<C extends Record<string, MethodDef>> = {
  [M in keyof C]: (input: z.output<C[M]['input']>, ctx: HandlerContext) => OutputOfDef<C[M]> | Promise<OutputOfDef<C[M]>>;
};

type OutputOfDef<D> = D extends MethodDef<z.ZodType, infer O> ? O : never;
