import pkg from '../../../package.json' with { type: 'json' };
import type { FeatureHandlers } from '../../rpc/types';

export const systemHandlers: FeatureHandlers<'system.info'> = {
  'system.info': (_input, ctx) => ({
    appVersion: pkg.version,
    schemaVersion: ctx.schemaVersion,
    deviceId: ctx.deviceId,
    integrity: ctx.integrity(),
  }),
};
