export declare const FAILING_SEVERITY: number;
export interface Finding {
  id: string;
  file: string;
  severity: number;
  severityName: string;
  confidenceName: string;
  line: number;
  sample: string;
}
export interface AllowEntry {
  check: string;
  file: string;
  match?: string;
  why: string;
}
export declare function allowlistProblems(list: unknown): string[];
export declare function judgeFindings(findings: Finding[], allowlist: AllowEntry[]): { failing: Finding[]; allowed: { finding: Finding; entry: AllowEntry }[]; minor: Finding[]; unused: AllowEntry[] };
