/**
 * What a control-plane host may be: an IPv4 address, an IPv6 address (bare or in brackets) or a
 * DNS name — nothing more. The provider builds `https://HOST:9345` from it, so a scheme, a port or
 * a path would end up inside that URL (`https://https://10.0.1.100:6443:9345`).
 */
import { parseIp } from './ipAddress.js';

const DNS_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

function isDnsName(text: string): boolean {
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  return name.length > 0 && name.length <= 253 && name.split('.').every((label) => DNS_LABEL.test(label));
}

function isHostOrAddress(text: string): boolean {
  const unbracketed = /^\[(.*)\]$/.exec(text)?.[1];
  if (unbracketed !== undefined) return parseIp(unbracketed)?.family === 6;
  return parseIp(text) !== null || isDnsName(text);
}

/**
 * Why `host` is not a host name or address, with the host the user probably meant, what it carried
 * besides (e.g. "a scheme" and "a port (:6443)") and the port; null when it is.
 */
export function hostProblem(host: string): { message: string; suggestion?: string; extras?: string[]; port?: string } | null {
  if (isHostOrAddress(host)) return null;
  const withoutScheme = host.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\//, '');
  const withoutPath = withoutScheme.replace(/[/?#].*$/s, '');
  const port = /^(.*):(\d{1,5})$/.exec(withoutPath);
  const bare = port && isHostOrAddress(port[1]!) ? port[1]! : withoutPath;
  const what = [
    withoutScheme !== host ? 'a scheme' : null,
    port && bare === port[1] ? `a port (:${port[2]})` : null,
    withoutPath !== withoutScheme ? 'a path' : null,
  ].filter((w): w is string => w !== null);
  const base = 'must be an IP address or a DNS name, nothing more: the provider writes https://HOST:9345 from it';
  if (what.length > 0 && isHostOrAddress(bare))
    return {
      message: `${base}; remove ${what.join(' and ')}`,
      suggestion: bare,
      extras: what,
      ...(port && bare === port[1] ? { port: port[2] } : {}),
    };
  return { message: `${base}; use letters, digits, "-" and "." for a name` };
}
