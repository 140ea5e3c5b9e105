import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import type { CertificateSummary } from '../../shared/contract/provisioning';
import { AppError, type ErrorDetail } from '../../shared/errors';
import { MAX_PROVISIONING_BYTES, parseProvisioningText, type Provisioning, type ProvisioningProblem } from '../../shared/provisioning/schema';

/**
 * Reads a provisioning file the way a hostile one cannot hurt: not a regular file (a FIFO,
 * a device, a folder) or larger than 64 KB is refused before a byte is read; the bytes must
 * be UTF-8; then the shared parser checks the fields, and each CA certificate is parsed for
 * real here. Throws AppError (E_PROVISION_TOO_LARGE / E_PROVISION_INVALID) with a Chinese
 * message that names the file, and one detail per problem.
 */
export function readProvisioningFile(file: string, now: Date = new Date()): Provisioning {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw invalid(file, [{ path: '', message: missing ? '找不到配置文件' : '无法读取配置文件' }]);
  }
  if (!stat.isFile()) throw invalid(file, [{ path: '', message: '不是普通文件' }]);
  if (stat.size > MAX_PROVISIONING_BYTES) {
    throw new AppError('E_PROVISION_TOO_LARGE', `配置文件 ${file} 过大（${Math.ceil(stat.size / 1024)} KB，上限 ${MAX_PROVISIONING_BYTES / 1024} KB），已拒绝读取`, [{ path: '', code: 'E_PROVISION_TOO_LARGE', message: `${stat.size} bytes` }]);
  }
  const bytes = readAtMost(file, MAX_PROVISIONING_BYTES + 1);
  if (bytes.length > MAX_PROVISIONING_BYTES) throw new AppError('E_PROVISION_TOO_LARGE', `配置文件 ${file} 过大，已拒绝读取`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalid(file, [{ path: '', message: '配置文件不是 UTF-8 编码（用记事本另存为时请选择 UTF-8）' }]);
  }
  return checkProvisioningText(text, file, now);
}

/** The shared parser plus the certificate checks only Node can do; `source` names the input in messages. */
export function checkProvisioningText(text: string, source: string, now: Date = new Date()): Provisioning {
  const parsed = parseProvisioningText(text);
  if (!parsed.ok) throw invalid(source, parsed.problems);
  const problems = certificateProblems(parsed.value.caCertificatePem, now);
  if (problems.length > 0) throw invalid(source, problems);
  return parsed.value;
}

/** Deep check of the PEM the shared parser let through: each block must parse and be in date. */
export function certificateProblems(pem: string | null, now: Date = new Date()): ProvisioningProblem[] {
  if (pem === null) return [];
  const problems: ProvisioningProblem[] = [];
  for (const certificate of splitPem(pem)) {
    let x509: X509Certificate;
    try {
      x509 = new X509Certificate(certificate);
    } catch {
      problems.push({ path: 'caCertificatePem', message: 'CA 证书无法解析，文件可能被截断或改动' });
      continue;
    }
    if (new Date(x509.validTo).getTime() < now.getTime()) problems.push({ path: 'caCertificatePem', message: `CA 证书已过期（有效期至 ${x509.validTo}）` });
    if (new Date(x509.validFrom).getTime() > now.getTime() + 24 * 60 * 60 * 1000) problems.push({ path: 'caCertificatePem', message: `CA 证书尚未生效（自 ${x509.validFrom} 起）；也请检查本机时间是否正确` });
  }
  return problems;
}

export function summarizeCertificates(pem: string | null): CertificateSummary[] {
  if (pem === null) return [];
  return splitPem(pem).flatMap((certificate) => {
    try {
      const x509 = new X509Certificate(certificate);
      return [{ subject: x509.subject.replace(/\n/g, ', '), fingerprint256: x509.fingerprint256, validTo: x509.validTo }];
    } catch {
      return [];
    }
  });
}

function splitPem(pem: string): string[] {
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n?/g) ?? [];
}

function readAtMost(file: string, limit: number): Buffer {
  const handle = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(limit);
    let total = 0;
    let read: number;
    while (total < limit && (read = fs.readSync(handle, buffer, total, limit - total, null)) > 0) total += read;
    return buffer.subarray(0, total);
  } finally {
    fs.closeSync(handle);
  }
}

function invalid(source: string, problems: ProvisioningProblem[]): AppError {
  const details: ErrorDetail[] = problems.map((problem) => ({ path: problem.path, code: 'E_PROVISION_INVALID', message: problem.message }));
  const summary = problems.map((problem) => problem.message).join('；');
  return new AppError('E_PROVISION_INVALID', `配置文件 ${source} 有误：${summary}`, details);
}
