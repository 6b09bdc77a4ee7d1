/**
 * Names of folders and files inside a bundle, made from user text (site and node names) or device
 * paths. The result is one path segment that cannot climb out of its folder or confuse an unzip
 * tool: ASCII letters, digits, ".", "_" and "-" only, no leading dot, at most 64 characters.
 */

export const MAX_SEGMENT_LENGTH = 64;

/** FNV-1a, 32 bits, as 8 hex digits: tells apart names that sanitise to the same text. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function safeSegment(text: string, fallback: string): string {
  const cleaned = text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .replace(/-+$/, '');
  const changed = cleaned !== text;
  let segment = cleaned || fallback;
  if (segment.length > MAX_SEGMENT_LENGTH || (changed && cleaned !== '')) {
    // Lossy: keep it readable and add a hash of the original so that two names never collide.
    segment = segment.slice(0, MAX_SEGMENT_LENGTH - 9).replace(/[.-]+$/, '') + '-' + shortHash(text);
  }
  return segment === '.' || segment === '..' ? fallback : segment;
}

/** A device path as a relative path under the bundle's device/ folder, each segment made safe. */
export function safeDevicePath(path: string): string {
  return path
    .split('/')
    .filter((s) => s !== '' && s !== '.' && s !== '..')
    .map((s) => safeSegment(s, '_'))
    .join('/');
}

/**
 * Folder names for a list of names: safe, and unique even when two names sanitise alike or match
 * a `reserved` name (a node called "site.json" must not become the bundle's site.json).
 */
export function uniqueSegments(names: readonly string[], fallback: (i: number) => string, reserved: readonly string[] = []): string[] {
  const used = new Set<string>(reserved.map((r) => r.toLowerCase()));
  return names.map((name, i) => {
    let segment = safeSegment(name, fallback(i));
    for (let n = 2; used.has(segment.toLowerCase()); n++)
      segment = `${safeSegment(name, fallback(i)).slice(0, MAX_SEGMENT_LENGTH - 6)}-${n}`;
    used.add(segment.toLowerCase());
    return segment;
  });
}
