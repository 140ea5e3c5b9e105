import type { weeklogContract } from '../../../shared/contract/weeklog';
import { saveProfile } from '../../identity/profile';
import type { ContractHandlers } from './contract-handlers';
import { approveDevice, listDevices, revokeDevice } from './devices';
import { importedFiles, weeklogStatus } from './status';

/**
 * The JSON side of weekly-log files. The files themselves (export, import with dry run)
 * travel over db/server/files.ts, whose routes call export.ts and import.ts.
 */
export const weeklogHandlers: ContractHandlers<typeof weeklogContract> = {
  'weeklog.status': ({ week }, { db, deviceId, now }) => weeklogStatus(db, deviceId, now(), week),
  'weeklog.saveProfile': ({ userName, teamName }, { db, deviceId, now }) => {
    saveProfile(db, { userName, teamName });
    return weeklogStatus(db, deviceId, now());
  },
  'weeklog.devices': (_input, { db }) => listDevices(db),
  'weeklog.approveDevice': (input, { db, now }) => approveDevice(db, input, now()),
  'weeklog.revokeDevice': ({ deviceId }, { db, now }) => revokeDevice(db, deviceId, now()),
  'weeklog.imports': ({ limit }, { db }) => importedFiles(db, limit),
};
