// The judgement behind build/electronegativity.mjs, kept pure so it is unit-tested
// (build/electronegativity.test.ts): which findings fail the build.

/** MEDIUM (2) and HIGH (3) findings must be fixed or allowed with a reason; LOW and INFORMATIONAL are printed only. */
export const FAILING_SEVERITY = 2;
const MIN_REASON = 20;

/**
 * Checks the allowlist file's entries: each names a check and a file (as the report prints
 * them: `electron/main.ts`, `build:main.js`, or `N/A` for global checks), optionally a
 * substring of the flagged code, and says in `why` (at least 20 characters) why it is safe.
 * @param {unknown} list
 * @returns {string[]} problems
 */
export function allowlistProblems(list) {
  if (!Array.isArray(list)) return ['the allowlist must be a JSON array'];
  const problems = [];
  list.forEach((entry, index) => {
    const where = `entry ${index}`;
    if (typeof entry !== 'object' || entry === null) return problems.push(`${where}: not an object`);
    if (typeof entry.check !== 'string' || !/^[A-Z0-9_]+$/.test(entry.check)) problems.push(`${where}: "check" must be a check ID such as CSP_GLOBAL_CHECK`);
    if (typeof entry.file !== 'string' || entry.file === '') problems.push(`${where}: "file" is required`);
    if (entry.match !== undefined && typeof entry.match !== 'string') problems.push(`${where}: "match" must be a string`);
    if (typeof entry.why !== 'string' || entry.why.trim().length < MIN_REASON) problems.push(`${where} (${entry.check}): "why" must say why this is safe (at least ${MIN_REASON} characters)`);
    const extra = Object.keys(entry).filter((key) => !['check', 'file', 'match', 'why'].includes(key));
    if (extra.length > 0) problems.push(`${where}: unknown keys ${extra.join(', ')}`);
  });
  return problems;
}

/**
 * @typedef {{ id: string, file: string, severity: number, severityName: string, confidenceName: string, line: number, sample: string }} Finding
 * @typedef {{ check: string, file: string, match?: string, why: string }} AllowEntry
 */

/**
 * @param {Finding[]} findings
 * @param {AllowEntry[]} allowlist
 * @returns {{ failing: Finding[], allowed: { finding: Finding, entry: AllowEntry }[], minor: Finding[], unused: AllowEntry[] }}
 */
export function judgeFindings(findings, allowlist) {
  const used = new Set();
  const failing = [];
  const allowed = [];
  const minor = [];
  for (const finding of findings) {
    if (finding.severity < FAILING_SEVERITY) {
      minor.push(finding);
      continue;
    }
    const entry = allowlist.find((candidate) => candidate.check === finding.id && candidate.file === finding.file && (candidate.match === undefined || finding.sample.includes(candidate.match)));
    if (entry) {
      used.add(entry);
      allowed.push({ finding, entry });
    } else {
      failing.push(finding);
    }
  }
  return { failing, allowed, minor, unused: allowlist.filter((entry) => !used.has(entry)) };
}
