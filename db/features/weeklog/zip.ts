import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { WEEKLOG_LIMITS } from '../../../shared/weeklog/limits';
import { WEEKLOG_ENTRIES } from '../../../shared/weeklog/manifest';
import { WeeklogRefusal } from './refusal';

/**
 * The weekly-log container: a plain zip, written in one canonical layout and read back
 * only in that layout. Everything a reader trusts is bounded before it inflates a byte:
 * the entry count, the names (no paths), each declared size, the compression ratio; then
 * inflation itself stops at the declared size, so a zip that lies about its sizes cannot
 * balloon either. Node's zlib does the deflate work (`maxOutputLength` caps output while
 * inflating, natively).
 *
 * Canonical layout: entries back to back from offset 0, no extra fields, no comments, no
 * data descriptors, UTF-8 names, DOS time 1980-01-01 00:00, then the central directory,
 * then the end record. A file re-packed by another tool is refused: the signature covers
 * the content, and accepting only our own layout leaves nothing unsigned to tamper with.
 */
const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_RECORD = 22;
const VERSION = 20;
const UTF8_FLAG = 0x0800;
const DOS_TIME = 0;
const DOS_DATE = 0x0021; // 1980-01-01
const STORED = 0;
const DEFLATED = 8;
/** Output allowed past twice the declared size before inflation is cut off as a bomb. */
const INFLATE_SLACK = 64 * 1024;

export interface ZipEntryInput {
  name: string;
  data: Uint8Array;
  /** Deflate it (default), or store it as is (the 64-byte signature gains nothing from deflate). */
  deflate?: boolean;
}

export function writeZip(entries: readonly ZipEntryInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.deflate === false ? STORED : DEFLATED;
    const body = method === DEFLATED ? deflateRawSync(entry.data, { level: 9 }) : Buffer.from(entry.data);
    const crc = crc32(entry.data);
    const local = Buffer.alloc(LOCAL_HEADER);
    local.writeUInt32LE(LOCAL_SIGNATURE, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_FLAG, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(CENTRAL_HEADER);
    central.writeUInt32LE(CENTRAL_SIGNATURE, 0);
    central.writeUInt16LE(VERSION, 4);
    local.copy(central, 6, 4, 30); // version needed … extra length: the same fields
    central.writeUInt16LE(0, 32); // comment length
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE(0, 38); // external attributes
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += LOCAL_HEADER + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(END_RECORD);
  end.writeUInt32LE(END_SIGNATURE, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

interface CentralEntry {
  name: string;
  nameBytes: Buffer;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  /** Bytes 6..30 of the central header: must equal the local header's 4..28. */
  sharedFields: Buffer;
  canonical: boolean;
}

/** Entry sizes allowed before inflating, per name. */
const MAX_ENTRY_BYTES: Record<string, number> = {
  'manifest.json': WEEKLOG_LIMITS.maxManifestBytes,
  'manifest.sig': WEEKLOG_LIMITS.maxSignatureBytes,
  'changes.ndjson': WEEKLOG_LIMITS.maxPayloadBytes,
};

/**
 * Reads a weekly-log zip into its entries, or throws a WeeklogRefusal saying why not.
 * Order of checks: is it a zip at all, is it complete, are the names safe and expected,
 * are the sizes sane — all from the directory — and only then the canonical layout and
 * the inflation, capped at the declared size and checked against the CRC.
 */
export function readWeeklogZip(file: Uint8Array): Map<string, Buffer> {
  const buffer = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (buffer.length > WEEKLOG_LIMITS.maxFileBytes) throw new WeeklogRefusal('E_WEEKLOG_TOO_LARGE');
  if (buffer.length < END_RECORD || buffer.readUInt32LE(buffer.length - END_RECORD) !== END_SIGNATURE) {
    // No end record at the end: cut short, or something stuck after it, or not a zip at all.
    const looksLikeZip = buffer.length >= 4 && buffer.readUInt32LE(0) === LOCAL_SIGNATURE;
    throw new WeeklogRefusal(!looksLikeZip ? 'E_WEEKLOG_NOT_ZIP' : hasEndRecordNearEnd(buffer) ? 'E_WEEKLOG_NOT_CANONICAL' : 'E_WEEKLOG_TRUNCATED');
  }
  const endAt = buffer.length - END_RECORD;
  const count = buffer.readUInt16LE(endAt + 10);
  const directorySize = buffer.readUInt32LE(endAt + 12);
  const directoryOffset = buffer.readUInt32LE(endAt + 16);
  if (count > WEEKLOG_LIMITS.maxEntries) throw new WeeklogRefusal('E_WEEKLOG_BAD_ENTRY', `文件内含有 ${count} 个条目，周志文件只应有 ${WEEKLOG_LIMITS.maxEntries} 个，已拒绝`);
  if (directoryOffset + directorySize > endAt) throw new WeeklogRefusal('E_WEEKLOG_TRUNCATED');

  const entries = readDirectory(buffer, directoryOffset, directoryOffset + directorySize, count);
  checkNamesAndSizes(entries);
  const canonical =
    directoryOffset + directorySize === endAt &&
    buffer.readUInt16LE(endAt + 4) === 0 &&
    buffer.readUInt16LE(endAt + 6) === 0 &&
    buffer.readUInt16LE(endAt + 8) === count &&
    buffer.readUInt16LE(endAt + 20) === 0 &&
    entries.every((entry) => entry.canonical);
  if (!canonical) throw new WeeklogRefusal('E_WEEKLOG_NOT_CANONICAL');

  const contents = new Map<string, Buffer>();
  let expectedOffset = 0;
  for (const entry of entries) {
    if (entry.offset !== expectedOffset) throw new WeeklogRefusal('E_WEEKLOG_NOT_CANONICAL');
    const dataStart = entry.offset + LOCAL_HEADER + entry.nameBytes.length;
    const dataEnd = dataStart + entry.compressedSize;
    if (dataEnd > directoryOffset) throw new WeeklogRefusal('E_WEEKLOG_TRUNCATED');
    const local = buffer.subarray(entry.offset, dataStart);
    if (
      local.readUInt32LE(0) !== LOCAL_SIGNATURE ||
      !local.subarray(4, 28).equals(entry.sharedFields) ||
      local.readUInt16LE(28) !== 0 ||
      !local.subarray(LOCAL_HEADER).equals(entry.nameBytes)
    ) {
      throw new WeeklogRefusal('E_WEEKLOG_NOT_CANONICAL');
    }
    contents.set(entry.name, inflateEntry(entry, buffer.subarray(dataStart, dataEnd)));
    expectedOffset = dataEnd;
  }
  if (expectedOffset !== directoryOffset) throw new WeeklogRefusal('E_WEEKLOG_NOT_CANONICAL');
  return contents;
}

/** An end record shortly before the end: bytes were appended to a complete zip. */
function hasEndRecordNearEnd(buffer: Buffer): boolean {
  const marker = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
  const at = buffer.lastIndexOf(marker);
  return at >= 0 && at + END_RECORD <= buffer.length && buffer.length - at <= 0xffff + END_RECORD;
}

function readDirectory(buffer: Buffer, start: number, end: number, count: number): CentralEntry[] {
  const entries: CentralEntry[] = [];
  let at = start;
  for (let index = 0; index < count; index++) {
    if (at + CENTRAL_HEADER > end || buffer.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new WeeklogRefusal('E_WEEKLOG_TRUNCATED');
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const next = at + CENTRAL_HEADER + nameLength + extraLength + commentLength;
    if (next > end) throw new WeeklogRefusal('E_WEEKLOG_TRUNCATED');
    const nameBytes = buffer.subarray(at + CENTRAL_HEADER, at + CENTRAL_HEADER + nameLength);
    let name: string;
    try {
      name = new TextDecoder('utf-8', { fatal: true }).decode(nameBytes);
    } catch {
      throw new WeeklogRefusal('E_WEEKLOG_UNSAFE_PATH', weeklogMessagesUnsafe(nameBytes.toString('latin1')));
    }
    const flags = buffer.readUInt16LE(at + 8);
    const method = buffer.readUInt16LE(at + 10);
    entries.push({
      name,
      nameBytes: Buffer.from(nameBytes),
      method,
      crc: buffer.readUInt32LE(at + 16),
      compressedSize: buffer.readUInt32LE(at + 20),
      size: buffer.readUInt32LE(at + 24),
      offset: buffer.readUInt32LE(at + 42),
      sharedFields: Buffer.from(buffer.subarray(at + 6, at + 30)),
      canonical:
        buffer.readUInt16LE(at + 4) === VERSION &&
        buffer.readUInt16LE(at + 6) === VERSION &&
        flags === UTF8_FLAG &&
        (method === STORED || method === DEFLATED) &&
        buffer.readUInt16LE(at + 12) === DOS_TIME &&
        buffer.readUInt16LE(at + 14) === DOS_DATE &&
        extraLength === 0 &&
        commentLength === 0 &&
        buffer.readUInt16LE(at + 34) === 0 &&
        buffer.readUInt16LE(at + 36) === 0 &&
        buffer.readUInt32LE(at + 38) === 0,
    });
    at = next;
  }
  if (at !== end) throw new WeeklogRefusal('E_WEEKLOG_NOT_CANONICAL');
  return entries;
}

function weeklogMessagesUnsafe(name: string): string {
  return `文件内含有不安全的路径“${name.slice(0, 60)}”，已拒绝`;
}

/** A name is a bare file name: no directory part, no `..`, no drive, no control characters. */
export function isUnsafeEntryName(name: string): boolean {
  return name === '' || name.includes('..') || /[/\\:\u0000-\u001f]/.test(name) || name.startsWith('~');
}

function checkNamesAndSizes(entries: readonly CentralEntry[]): void {
  const seen = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    if (isUnsafeEntryName(entry.name)) throw new WeeklogRefusal('E_WEEKLOG_UNSAFE_PATH', weeklogMessagesUnsafe(entry.name));
    const limit = MAX_ENTRY_BYTES[entry.name];
    if (limit === undefined || seen.has(entry.name)) {
      throw new WeeklogRefusal('E_WEEKLOG_BAD_ENTRY', `文件内含有周志文件不应有的内容“${entry.name.slice(0, 60)}”，已拒绝`);
    }
    seen.add(entry.name);
    total += entry.size;
    // Small entries may compress well by chance; a bomb needs size, so the ratio counts above 1 MiB.
    const ratio = entry.size > 1024 * 1024 ? entry.size / Math.max(entry.compressedSize, 1) : 0;
    if (entry.size > limit || total > WEEKLOG_LIMITS.maxPayloadBytes + WEEKLOG_LIMITS.maxManifestBytes || ratio > WEEKLOG_LIMITS.maxCompressionRatio) {
      throw new WeeklogRefusal('E_WEEKLOG_ZIP_BOMB');
    }
    if (entry.method === STORED && entry.size !== entry.compressedSize) throw new WeeklogRefusal('E_WEEKLOG_DAMAGED');
  }
  for (const name of WEEKLOG_ENTRIES) if (!seen.has(name)) throw new WeeklogRefusal(name === 'manifest.sig' ? 'E_WEEKLOG_SIGNATURE_MISSING' : 'E_WEEKLOG_MISSING_ENTRY');
  if (entries.map((entry) => entry.name).join('\n') !== WEEKLOG_ENTRIES.join('\n')) throw new WeeklogRefusal('E_WEEKLOG_NOT_CANONICAL');
}

function inflateEntry(entry: CentralEntry, body: Buffer): Buffer {
  let data: Buffer;
  if (entry.method === STORED) {
    data = body;
  } else {
    try {
      // zlib stops once the output passes the declared size with some slack: a damaged
      // stream may overshoot a little (reported as damage), a bomb overshoots by far.
      data = inflateRawSync(body, { maxOutputLength: entry.size * 2 + INFLATE_SLACK });
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new WeeklogRefusal(code === 'ERR_BUFFER_TOO_LARGE' ? 'E_WEEKLOG_ZIP_BOMB' : 'E_WEEKLOG_DAMAGED');
    }
  }
  if (data.length !== entry.size) throw new WeeklogRefusal('E_WEEKLOG_DAMAGED');
  if (crc32(data) !== entry.crc) throw new WeeklogRefusal('E_WEEKLOG_DAMAGED');
  return Buffer.from(data);
}
