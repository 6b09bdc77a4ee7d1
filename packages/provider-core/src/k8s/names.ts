/**
 * Kubernetes naming rules (k8s.io/apimachinery validation): node names are DNS-1123 subdomains;
 * label and taint keys are qualified names with an optional DNS prefix. Each returns why a text
 * breaks the rule, in words for a field technician, or null.
 */
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

/** Kubernetes' DNS-1123 subdomain: what a node name must be. */
export function dns1123SubdomainProblem(name: string): string | null {
  if (name === '') return 'it is empty';
  if (name.length > 253) return `it has ${name.length} characters (at most 253)`;
  const bad = name.split('.').find((label) => !DNS1123_LABEL.test(label) || label.length > 63);
  return bad === undefined ? null : 'use only lower-case letters, digits, "-" and ".", starting and ending with a letter or digit';
}

/** A label or taint key: optional `prefix/` (a DNS subdomain) and a name of at most 63 characters. */
function keyProblem(key: string): string | null {
  const slash = key.lastIndexOf('/');
  const [prefix, name] = slash < 0 ? [null, key] : [key.slice(0, slash), key.slice(slash + 1)];
  if (prefix !== null && dns1123SubdomainProblem(prefix)) return `the prefix "${prefix}" must be a DNS name such as example.com`;
  if (name.length === 0 || name.length > 63 || !QUALIFIED_NAME.test(name)) {
    return `the key "${key}" must be at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit`;
  }
  return null;
}

function valueProblem(value: string): string | null {
  if (value === '') return null;
  return value.length <= 63 && QUALIFIED_NAME.test(value)
    ? null
    : `the value "${value}" must be at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit`;
}

export function labelProblem(label: string): string | null {
  const eq = label.indexOf('=');
  if (eq < 0) return 'write it as key=value';
  return keyProblem(label.slice(0, eq)) ?? valueProblem(label.slice(eq + 1));
}

export function taintProblem(taint: string): string | null {
  const colon = taint.lastIndexOf(':');
  if (colon < 0) return `write it as key=value:Effect, Effect being ${TAINT_EFFECTS.join(', ')}`;
  const effect = taint.slice(colon + 1);
  if (!(TAINT_EFFECTS as readonly string[]).includes(effect)) return `the effect "${effect}" must be one of ${TAINT_EFFECTS.join(', ')}`;
  const body = taint.slice(0, colon);
  const eq = body.indexOf('=');
  return eq < 0 ? keyProblem(body) : (keyProblem(body.slice(0, eq)) ?? valueProblem(body.slice(eq + 1)));
}
