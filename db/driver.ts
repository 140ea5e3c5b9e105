import { createRequire } from 'node:module';
import path from 'node:path';

/** The SQLite driver: better-sqlite3's API over SQLite3 Multiple Ciphers (SQLCipher-capable). */
export const DRIVER_PACKAGE = 'better-sqlite3-multiple-ciphers';

export interface DriverLocation {
  /** The package entry a worker require()s. */
  driverPath: string;
  /** The compiled addon, handed to the constructor so the worker never needs `bindings`. */
  nativeBinding: string;
}

/**
 * Where a worker thread finds the driver. In the packaged app the package sits in
 * app.asar with its whole folder unpacked beside it (electron-builder.yml `asarUnpack`); a
 * worker is pointed at the unpacked copy so it needs no asar support of its own.
 */
export function driverLocation(resolve: (id: string) => string = createRequire(import.meta.url).resolve): DriverLocation {
  const entry = unpacked(resolve(DRIVER_PACKAGE));
  const packageDir = path.dirname(unpacked(resolve(`${DRIVER_PACKAGE}/package.json`)));
  return { driverPath: entry, nativeBinding: path.join(packageDir, 'build', 'Release', 'better_sqlite3.node') };
}

export function unpacked(file: string): string {
  return file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

/**
 * CommonJS source, for workers evaluated from a string: `openKeyed(file, readonly, keyHex,
 * location)` opens a file exactly as db/sql.ts does for the reading side (cipher, legacy,
 * key before any other statement, then a read that fails on a wrong key).
 */
export const WORKER_OPEN_SOURCE = `
function openKeyed(file, options, location) {
  const Database = require(location.driverPath);
  const db = new Database(file, { readonly: options.readonly, fileMustExist: true, nativeBinding: location.nativeBinding });
  try {
    if (options.keyHex) {
      db.pragma("cipher = 'sqlcipher'");
      db.pragma('legacy = 4');
      db.pragma('key = "x\\'' + options.keyHex + '\\'"');
      db.pragma('temp_store = MEMORY');
    }
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
`;
