import type { z } from 'zod';

/**
 * One RPC method: its input schema (checked by the backend before any handler runs)
 * and its output type (a phantom: outputs are produced by our own code, not parsed).
 */
export interface MethodDef<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  /** Never set at run time; carries the output type. */
  readonly output?: O;
}

/** `method<Output>()(inputSchema)` — the output type is given, the input type inferred. */
export function method<O>() {
  return <I extends z.ZodType>(input: I): MethodDef<I, O> => ({ input });
}

export type ContractShape = Record<string, MethodDef>;

/** Merges feature contracts into one; a method name declared twice is a programming error. */
export function mergeContracts<const Parts extends readonly ContractShape[]>(...parts: Parts): UnionToIntersection<Parts[number]> {
  const merged: ContractShape = {};
  for (const part of parts) {
    for (const [name, def] of Object.entries(part)) {
      if (Object.hasOwn(merged, name)) throw new Error(`RPC method declared twice: ${name}`);
      merged[name] = def;
    }
  }
  return merged as UnionToIntersection<Parts[number]>;
}

export type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never;
