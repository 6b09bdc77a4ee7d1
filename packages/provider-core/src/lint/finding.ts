/**
 * Findings are data: what is wrong, how bad, where (a path into the site or the cloud-config, and a
 * line and column when the problem is inside YAML text), and a fix when there is an obvious one.
 */
import { z } from 'zod';
import { FindingPathSchema } from '../finding/findingPath.js';
import { printable } from './unsafeText.js';

export const FINDING_CODES = [
  'provider-panic',
  'jq-merge-failed',
  'config-sets-provider-key',
  'duplicate-tls-san',
  'ipv6-server-url',
  'unquoted-octal',
  'role-unknown',
  'role-missing',
  'proxy-lowercase-ignored',
  'no-init',
  'multiple-init',
  'even-control-plane',
  'token-weak',
  'unknown-key',
  'wrong-type',
  'server-only-key-on-worker',
  'deprecated-key',
  'profile-invalid-for-version',
  'fips-incompatible',
  'images-not-tar',
  'duplicate-node-name',
  'duplicate-address',
  'node-name-invalid',
  'address-invalid',
  'label-invalid',
  'taint-invalid',
  'noproxy-missing-host',
  'no-cluster-section',
  'not-imported',
  'control-character',
  'line-break',
  'unsafe-path',
  'host-invalid',
  'env-value-unsafe',
  'too-large',
  'proxy-invalid',
  'os-user-invalid',
  'endpoint-not-served',
  'vip-not-address',
  'vip-is-node-address',
  'vip-outside-subnet',
  'interface-invalid',
  'kube-vip-image-unavailable',
  'load-balancer-required',
  'login-missing',
  'no-login',
  'rke2-refuses-start',
  'image-source-incomplete',
  'image-archive-missing',
  'image-archive-unknown',
  'pem-invalid',
  'tls-file-not-written',
  'mac-missing',
  'mac-invalid',
  'gateway-missing',
  'gateway-invalid',
  'gateway-outside-subnet',
  'nameserver-invalid',
] as const;

/**
 * Findings about values that could run a command on the device, add a line to one of its files,
 * make its YAML reader refuse the file, or exceed the sizes the designer accepts. No option
 * overrides them: bundle --force, "Download anyway", expand, iso and import all refuse them.
 */
export const SECURITY_CODES = [
  'control-character',
  'line-break',
  'unsafe-path',
  'host-invalid',
  'env-value-unsafe',
  'too-large',
  'os-user-invalid',
  'interface-invalid',
  'pem-invalid',
] as const satisfies readonly (typeof FINDING_CODES)[number][];

export const SEVERITIES = ['error', 'warning', 'info'] as const;

export const FindingSchema = z.object({
  severity: z.enum(SEVERITIES),
  code: z.enum(FINDING_CODES),
  message: z.string(),
  path: FindingPathSchema,
  /** 1-based line and column inside the YAML text the path points at (a whole file for cloud-configs). */
  line: z.number().optional(),
  column: z.number().optional(),
  fix: z
    .object({
      description: z.string(),
      /** The value that replaces the one at `path` (for unknown-key: the key's new name). */
      value: z.string().optional(),
    })
    .optional(),
});

export type Finding = z.infer<typeof FindingSchema>;
export type FindingCode = Finding['code'];
export type Severity = Finding['severity'];
export type { FindingPath } from '../finding/findingPath.js';

export function isSecurityFinding(f: Finding): boolean {
  return (SECURITY_CODES as readonly string[]).includes(f.code);
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then information; stable within a severity. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

/** One line per finding, for the terminal: `error  nodes.2.extraConfig:3:5  message [code]`. */
export function formatFinding(f: Finding, file?: string): string {
  const where = [file, f.path.join('.')].filter(Boolean).join(' ') + (f.line ? `:${f.line}${f.column ? `:${f.column}` : ''}` : '');
  const fix = f.fix ? ` (fix: ${f.fix.description})` : '';
  return printable(`${f.severity.padEnd(7)} ${where || '(site)'}  ${f.message}${fix} [${f.code}]`);
}
