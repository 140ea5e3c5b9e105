import type { MethodName, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { IntegrityResult } from '../integrity';
import type { Db } from '../sql';
import type { Actor } from '../store/writer';

/** What every handler may use. Handlers never see the HTTP request. */
export interface HandlerContext {
  db: Db;
  deviceId: string;
  /** Stamps every write: device, user, team and the hybrid logical clock. */
  actor: Actor;
  schemaVersion: number;
  now: () => Date;
  /** The background quick_check result, null while it runs. */
  integrity: () => IntegrityResult | null;
}

export type Handler<M extends MethodName> = (input: ParsedInputOf<M>, ctx: HandlerContext) => OutputOf<M> | Promise<OutputOf<M>>;

/** A feature's handlers: a subset of the contract's methods. */
export type FeatureHandlers<Ms extends MethodName> = { [M in Ms]: Handler<M> };
