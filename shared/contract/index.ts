import type { z } from 'zod';
import { companiesContract } from './companies';
import { mergeContracts, type MethodDef } from './define';
import { systemContract } from './system';

export * from './companies';
export * from './system';
export type { MethodDef } from './define';

/** Every RPC method of the app: name → input schema → output type. */
export const contract = mergeContracts(systemContract, companiesContract);

export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M] extends MethodDef<z.ZodType, infer O> ? O : never;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
