import type { KeyStore } from '../keys/key';
import type { ProvisioningCandidate } from '../provisioning/startup';

/**
 * The seam between a host (web mode's HTTP server, Electron's app:// protocol handler)
 * and the backend. Both hosts hand every request to `Backend.fetch`; there is no second
 * code path.
 */
export interface BackendOptions {
  /** Folder holding the SQLite file, backups and keys. Created if missing. */
  dataDir: string;
  /** Folder of the built renderer (index.html + assets); null serves only /rpc. */
  rendererDir: string | null;
  /** Per-launch secret. The backend writes it into the index.html it serves; every /rpc call must carry it. */
  token: string;
  /** The one origin whose pages may call /rpc, e.g. `http://127.0.0.1:5178` or `app://qianzhao`. */
  origin: string;
  /** Where the database key lives: the desktop app passes its safeStorage store; default, the key file in dataDir. */
  keyStore?: KeyStore;
  /** Provisioning files to look at on start (see db/provisioning/startup.ts); none by default. */
  provisioning?: readonly ProvisioningCandidate[];
  /** Rolling backups on a timer (default true). */
  scheduleBackups?: boolean;
}

export interface Backend {
  /** A fetch-style handler: `/rpc/<method>` and the renderer's static files. */
  fetch(request: Request): Promise<Response>;
  /** Stops the backup timer, folds the WAL back, closes the database and releases the data folder. Safe to call twice. */
  close(): void;
}

export { TOKEN_HEADER, TOKEN_META_NAME } from '../../shared/rpc-client';
