/**
 * Registry TLS settings (`airGap.registryConfigs[i]`): what the designer writes (registryTlsSteps)
 * must be PEM that containerd can read, and a file named without its content must already be on
 * the device. Codes: pem-invalid, tls-file-not-written. (Control characters and size are security
 * findings: securityRules.)
 *
 * containerd reads the files through Go's crypto/tls and crypto/x509 (k3s-io/k3s
 * `pkg/agent/containerd/config.go` writes them into hosts.toml as `ca` and `client`): the CA file
 * with `x509.CertPool.AppendCertsFromPEM` (CERTIFICATE blocks), the client pair with
 * `tls.LoadX509KeyPair`, which takes no encrypted key.
 */
import { TLS_PARTS, type TlsPart } from '../site/registryTlsSteps.js';
import type { Site } from '../site/siteSchema.js';
import type { Finding } from './finding.js';

/** One PEM block (RFC 7468): BEGIN line, base64 lines, END line with the same label. */
const BLOCK = '-----BEGIN ([A-Z0-9 ]+)-----\\n(?:[A-Za-z0-9+/=]+\\n)+-----END \\1-----';
const PEM_TEXT = new RegExp(`^\\s*(?:${BLOCK}\\s*)+$`);
const LABELS = new RegExp(BLOCK, 'g');

const WHAT: Record<TlsPart, string> = { ca: 'CA certificate', cert: 'client certificate', key: 'client key' };

/**
 * Whether base64 text decodes to one DER structure (ASN.1 SEQUENCE, tag 0x30, whose length fills
 * the bytes exactly), as every certificate and private key is (RFC 5280, RFC 5208, RFC 5915).
 * Text that is not, such as shell lines made of base64 letters, is never written to a device.
 */
function isDerSequence(base64: string): boolean {
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    return false;
  }
  if (binary.length < 2 || binary.charCodeAt(0) !== 0x30) return false;
  const first = binary.charCodeAt(1);
  if (first < 0x80) return 2 + first === binary.length;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || binary.length < 2 + count) return false;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + binary.charCodeAt(2 + i);
  return 2 + count + length === binary.length;
}

/** Why `text` is not the PEM this part needs, or null. */
export function pemProblem(text: string, part: TlsPart): string | null {
  if (!PEM_TEXT.test(text))
    return 'it is not PEM: it must be blocks from "-----BEGIN …-----" to "-----END …-----" with base64 lines between them';
  const blocks = [...text.matchAll(LABELS)];
  const broken = blocks.findIndex((m) => !isDerSequence(m[0].split('\n').slice(1, -1).join('')));
  if (broken >= 0)
    return `block ${broken + 1} (${blocks[broken]![1]}) does not decode to a certificate or key: its base64 lines are not one DER structure`;
  const labels = blocks.map((m) => m[1]!);
  if (part === 'key') {
    if (labels.some((l) => l.startsWith('ENCRYPTED')))
      return 'the key is encrypted; containerd cannot read a key with a passphrase (Go tls.LoadX509KeyPair): give it unencrypted';
    if (labels.length !== 1 || !labels[0]!.endsWith('PRIVATE KEY'))
      return `it must be exactly one PRIVATE KEY block, not ${labels.join(', ')}`;
    return null;
  }
  const other = labels.find((l) => l !== 'CERTIFICATE');
  return other ? `it holds a "${other}" block; only CERTIFICATE blocks are read here` : null;
}

export function lintRegistryTls(site: Site): Finding[] {
  const findings: Finding[] = [];
  site.airGap.registryConfigs.forEach((config, i) => {
    const registry = config.host || `${i + 1}`;
    for (const { part, pem, file } of TLS_PARTS) {
      const content = config[pem];
      if (content !== '') {
        const problem = pemProblem(content, part);
        if (problem)
          findings.push({
            severity: 'error',
            code: 'pem-invalid',
            message: `The ${WHAT[part]} of registry ${registry}: ${problem}`,
            path: ['airGap', 'registryConfigs', i, pem],
          });
      } else if (config[file] !== '') {
        findings.push({
          severity: 'warning',
          code: 'tls-file-not-written',
          message: `registries.yaml names ${config[file]} as the ${WHAT[part]} of registry ${registry}, but the site gives no content for it: the file must already be on every device (in the OS image), or containerd cannot connect to the registry. Paste its PEM content to have the designer write it`,
          path: ['airGap', 'registryConfigs', i, file],
        });
      }
    }
  });
  return findings;
}
