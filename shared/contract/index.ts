import type { z } from 'zod';
import { backupContract } from './backup';
import { provisioningContract } from './provisioning';
import { cockpitContract } from './cockpit';
import { ledgerContract } from './ledger';
import { exportContract } from './export';
import { reportContract } from './report';
import { teamContract } from './team';
import { weekNotesContract } from './week-notes';
import { weeklogContract } from './weeklog';
import { companiesContract } from './companies';
import { contactsContract } from './contacts';
import { mergeContracts, type MethodDef } from './define';
import { projectsContract } from './projects';
import { recordsContract } from './records';
import { referenceContract } from './reference';
import { searchContract } from './search';
import { syncContract } from './sync';
import { systemContract } from './system';
import { tasksContract } from './tasks';
import { visitsContract } from './visits';

export * from './companies';
export * from './contacts';
export * from './projects';
export * from './records';
export * from './reference';
export * from './search';
export * from './sync';
export * from './system';
export * from './tasks';
export * from './visits';
export * from './backup';
export * from './provisioning';
export * from './cockpit';
export * from './ledger';
export * from './export';
export * from './report';
export * from './team';
export * from './week-notes';
export * from './weeklog';
export type { MethodDef } from './define';

/** Every RPC method of the app: name → input schema → output type. */
export const contract = mergeContracts(
  systemContract,
  companiesContract,
  contactsContract,
  visitsContract,
  projectsContract,
  tasksContract,
  recordsContract,
  searchContract,
  referenceContract,
  syncContract,
  backupContract,
  provisioningContract,
  cockpitContract,
  ledgerContract,
  exportContract,
  reportContract,
  teamContract,
  weekNotesContract,
  weeklogContract,
);
export type Contract = typeof contract;
export type MethodName = keyof Contract & string;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M] extends MethodDef<z.ZodType, infer O> ? O : never;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
