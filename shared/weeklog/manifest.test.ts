import { describe, expect, it } from 'vitest';
import { serializeManifest, weeklogManifestSchema, type WeeklogManifest } from './manifest';

const manifest: WeeklogManifest = {
  format: 'qianzhao-weeklog',
  formatVersion: 1,
  schemaVersion: 4,
  appVersion: '0.1.0',
  scope: 'week',
  week: '2026-W48',
  createdAt: '2026-11-27T02:00:00.000Z',
  device: { id: '01a21d2c-cfc1-76a9-8768-96d14fa6773a', publicKey: 'writWxiW8Ztx9h+j92/3i2cWheKjKeudW1kSXDLJeTA=' },
  user: { id: 'u-1', name: '张三' },
  team: { id: null, name: null },
  seq: { from: 1, to: 3 },
  hlc: { from: '001795741200000-000000-01a21d2c-cfc1-76a9-8768-96d14fa6773a', to: '001795741260000-000002-01a21d2c-cfc1-76a9-8768-96d14fa6773a' },
  counts: { changes: 3, byEntity: { company: 2, visit: 1 }, byOp: { create: 2, update: 1 } },
  payload: { name: 'changes.ndjson', bytes: 900, sha256: 'a'.repeat(64) },
  previous: null,
};

describe('manifest.json', () => {
  it('serialises in one canonical form, whatever order its keys were built in', () => {
    const shuffled = Object.fromEntries(Object.entries(manifest).reverse()) as WeeklogManifest;
    expect(serializeManifest(shuffled)).toBe(serializeManifest(manifest));
    expect(serializeManifest(manifest).startsWith('{\n  "format": "qianzhao-weeklog",\n  "formatVersion": 1,')).toBe(true);
    expect(serializeManifest(manifest).endsWith('}\n')).toBe(true);
  });

  it('is parsed strictly', () => {
    expect(weeklogManifestSchema.safeParse(manifest).success).toBe(true);
    expect(weeklogManifestSchema.safeParse({ ...manifest, extra: 1 }).success).toBe(false);
    expect(weeklogManifestSchema.safeParse({ ...manifest, week: '2026-48' }).success).toBe(false);
    expect(weeklogManifestSchema.safeParse({ ...manifest, device: { ...manifest.device, publicKey: 'short' } }).success).toBe(false);
    expect(weeklogManifestSchema.safeParse({ ...manifest, payload: { ...manifest.payload, name: '../x' } }).success).toBe(false);
  });
});
