import { timingSafeEqual } from 'node:crypto';

/**
 * The page may run only our own bundled scripts. Styles allow 'unsafe-inline' because
 * Ant Design's CSS-in-JS injects <style> elements at run time; a style cannot run code,
 * and scripts stay locked to 'self' (no inline, no eval).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), bluetooth=()',
};

/**
 * The origins and hosts a request may come from. For a loopback origin, `localhost` on
 * the same port is the same server; any other Host header is a DNS-rebinding attempt.
 */
export function allowedOrigins(origin: string): { origins: Set<string>; hosts: Set<string> } {
  const url = new URL(origin);
  const origins = new Set([url.origin]);
  const hosts = new Set([url.host]);
  if (url.hostname === '127.0.0.1') {
    const alias = new URL(origin);
    alias.hostname = 'localhost';
    origins.add(alias.origin);
    hosts.add(alias.host);
  }
  return { origins, hosts };
}

export function tokensMatch(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
