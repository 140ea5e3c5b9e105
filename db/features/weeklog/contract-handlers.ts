import type { z } from 'zod';
import type { ContractShape, MethodDef } from '../../../shared/contract/define';
import type { HandlerContext } from '../../rpc/types';

/**
 * Handlers typed from a feature contract alone. Once the contract is merged into
 * shared/contract/index.ts this type equals `FeatureHandlers<…>` for the same methods,
 * so the registry takes these maps as they are; until then the feature compiles and its
 * tests run on its own.
 */
export type ContractHandlers<C extends ContractShape> = {
  [M in keyof C]: (input: z.output<C[M]['input']>, ctx: HandlerContext) => OutputOfDef<C[M]> | Promise<OutputOfDef<C[M]>>;
};

type OutputOfDef<D> = D extends MethodDef<z.ZodType, infer O> ? O : never;
