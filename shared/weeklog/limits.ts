/**
 * Bounds a weekly-log file must keep. They are checked on the zip's directory before
 * anything is inflated, and again while inflating (a zip may lie about its sizes).
 * A busy member writes a few thousand changes a week; these leave a hundredfold margin.
 */
export const WEEKLOG_LIMITS = {
  /** The file as it arrives. */
  maxFileBytes: 64 * 1024 * 1024,
  /** manifest.json, manifest.sig, changes.ndjson — nothing else. */
  maxEntries: 3,
  maxManifestBytes: 64 * 1024,
  maxSignatureBytes: 1024,
  /** changes.ndjson uncompressed. */
  maxPayloadBytes: 256 * 1024 * 1024,
  maxChanges: 1_000_000,
  /** One change record (a visit summary is the longest field). */
  maxChangeBytes: 1024 * 1024,
  /** Deflate cannot exceed ~1032:1; real ndjson compresses ~10:1. A claimed ratio above this is a bomb. */
  maxCompressionRatio: 200,
  /** Files picked or dropped at once. */
  maxFilesPerImport: 500,
  /** A file stamped more than this ahead of the receiver's clock is refused (DESIGN §4). */
  maxClockSkewMs: 24 * 3_600_000,
} as const;
