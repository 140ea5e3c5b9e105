// @ts-check
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder require()s its hooks; CommonJS is the point */
'use strict';
/**
 * electron-builder `beforePack` hook (see electron-builder.yml): compiles the SQLite driver the
 * app uses, better-sqlite3-multiple-ciphers (better-sqlite3's API over SQLite3 Multiple Ciphers,
 * for SQLCipher encryption), for the Electron version, OS and arch being packed.
 *
 * Why not in place: node_modules/better-sqlite3-multiple-ciphers is built for Node, because vitest,
 * web mode and the CLI use it. electron-builder's own rebuild (npmRebuild) would overwrite it with
 * an Electron build and break all three on the release machine. So this copies the package,
 * without its build/, to release/.native/<os>-<arch>/node_modules/<package>, rebuilds that copy
 * with @electron/rebuild, and electron-builder.yml's `files` takes build/Release/better_sqlite3.node
 * from there. @electron/rebuild first tries a prebuilt binary for the target (prebuild-install,
 * from the package's GitHub releases; works across OSes); failing that it compiles the bundled
 * SQLite3MC sources with node-gyp, which cannot cross-compile: then build each OS on itself.
 *
 * Needs network (the prebuilt binary or Electron's headers), so it runs only on a release machine.
 */
const fs = require('node:fs');
const path = require('node:path');
const { Arch } = require('electron-builder');

/** @param {import('app-builder-lib').BeforePackContext} context */
const PACKAGE = 'better-sqlite3-multiple-ciphers';

exports.default = async function beforePack(context) {
  const arch = Arch[context.arch];
  // win | linux | mac: what electron-builder.yml's ${os} macro expands to.
  const os = context.packager.platform.buildConfigurationKey;
  const electronVersion = context.packager.info.framework.version;
  const source = path.join(context.packager.info.projectDir, 'node_modules', PACKAGE);
  // context.outDir is directories.output (release/); the yml's `from:` names the same folder.
  const staging = path.join(context.outDir, '.native', `${os}-${arch}`);
  const target = path.join(staging, 'node_modules', PACKAGE);

  fs.rmSync(staging, { recursive: true, force: true });
  fs.cpSync(source, target, { recursive: true, filter: (file) => path.relative(source, file).split(path.sep)[0] !== 'build' });
  const { version } = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8'));
  // @electron/rebuild rebuilds the dependencies listed by the package.json at buildPath.
  fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify({ name: 'qianzhao-native', version: '0.0.0', private: true, dependencies: { [PACKAGE]: version } }));

  // ESM-only package, hence the dynamic import.
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: staging, electronVersion, arch, platform: /** @type {NodeJS.Platform} */ (context.electronPlatformName), onlyModules: [PACKAGE], force: true });

  const binary = path.join(target, 'build', 'Release', 'better_sqlite3.node');
  if (!fs.existsSync(binary)) throw new Error(`${PACKAGE} was not built for Electron ${electronVersion} (${os}-${arch}): ${binary} is missing`);
  console.log(`  • ${PACKAGE} built for Electron ${electronVersion} (${os}-${arch})`);
};
