/** The sync protocol and merge engine, shared by the platform, the app and file import. */
export * from './entities';
export * from './errors';
export * from './guard';
export * from './hash';
export * from './hlc';
export * from './import';
export * from './json';
export * from './local';
export * from './memory-store';
export * from './merge';
export * from './schema';
export * from './validate';
