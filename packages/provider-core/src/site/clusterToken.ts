/**
 * Cluster tokens: generated from the platform's cryptographic random source, and judged for
 * strength (lint code `token-weak`).
 */

/** Letters and digits only: nothing that YAML, a shell, a URL or jq could misread. */
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const GENERATED_TOKEN_LENGTH = 48;
const MIN_TOKEN_LENGTH = 16;

/** A random token; each character uniform over TOKEN_ALPHABET (rejection sampling, no modulo bias). */
export function generateClusterToken(length = GENERATED_TOKEN_LENGTH): string {
  const limit = 256 - (256 % TOKEN_ALPHABET.length);
  let token = '';
  while (token.length < length) {
    const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
    for (const byte of bytes) {
      if (byte < limit && token.length < length) token += TOKEN_ALPHABET[byte % TOKEN_ALPHABET.length];
    }
  }
  return token;
}

const GUESSABLE = [
  'password',
  'secret',
  'token',
  'changeme',
  'admin',
  'rke2',
  'kairos',
  'k3s',
  'cluster',
  'qwerty',
  'letmein',
  '123456',
  'abcdef',
];

/** Why a token is weak, or null when it is not. */
export function tokenWeakness(token: string): string | null {
  if (token === '') return 'no cluster token is set; nodes cannot join each other';
  if (token.length < MIN_TOKEN_LENGTH) return `the cluster token has ${token.length} characters; use at least ${MIN_TOKEN_LENGTH}`;
  const lower = token.toLowerCase();
  if (new Set(lower).size <= 3) return 'the cluster token repeats the same few characters';
  const word = GUESSABLE.find((w) => lower.includes(w));
  if (word && lower.length - word.length < MIN_TOKEN_LENGTH) return `the cluster token is built around the guessable word "${word}"`;
  if (isRun(lower)) return 'the cluster token is a sequence of consecutive characters';
  return null;
}

function isRun(text: string): boolean {
  for (let i = 1; i < text.length; i++) if (text.charCodeAt(i) - text.charCodeAt(i - 1) !== 1) return false;
  return true;
}
