/**
 * The site as files for the field: for each node its user-data, meta-data, a README and the files
 * the device will write (for review), plus site.json and a manifest of sha-256 sums. As a zip
 * (writeZip) with fixed timestamps and a stable order, so the same site always gives the same bytes.
 */
import { deviceNeedsOf } from '../check/deviceNeeds.js';
import { isSecurityFinding, sortFindings, type Finding } from '../lint/finding.js';
import { lintSite } from '../lint/lintSite.js';
import { MERGED_CONFIG_PATH } from '../provider/constants.js';
import { expandSite, type ExpandedNode, type ExpandedSite } from '../site/expandSite.js';
import type { Site } from '../site/siteSchema.js';
import { cidataIso, CIDATA_ISO_NAME } from './cidataIso.js';
import { fieldReadmesOf } from './fieldReadme.js';
import { safeDevicePath, safeSegment, uniqueSegments } from './safeName.js';
import { writeZip } from './writeZip.js';

export interface BundleFile {
  /** Path inside the bundle, `SITE/NODE/user-data`. */
  path: string;
  /** Text, or bytes for the cidata ISO. */
  content: string | Uint8Array;
}

export interface BundleOptions {
  format: 'zip';
  /** Bundle even when the site has errors. */
  force?: boolean;
  /** Also put each node's cidata ISO (`SITE/NODE/cidata.iso`) in the zip. */
  iso?: boolean;
  /** Called with 0…100 as the bundle is built. */
  onProgress?: (percent: number) => void;
  /** An expansion already computed for this site. */
  expanded?: ExpandedSite;
}

export type BundleResult =
  { ok: true; bytes: Uint8Array; files: BundleFile[]; findings: Finding[] } | { ok: false; reason: string; findings: Finding[] };

/** The files the device writes, at their device paths: yip file, provider files, merged config, designer files. */
export function deviceFiles(expanded: ExpandedNode): [string, string][] {
  const files: [string, string][] = [...expanded.designerFiles];
  const { plan } = expanded;
  if (plan.kind === 'written') {
    files.push([plan.path, plan.clusterKairosYaml]);
    for (const file of plan.files) files.push([file.path, file.content]);
    files.push([MERGED_CONFIG_PATH, plan.merged.text]);
  }
  return files;
}

/** The bundle's files, in order, before zipping. */
export function bundleFiles(expanded: ExpandedSite, options: { iso?: boolean | undefined } = {}): BundleFile[] {
  const { site } = expanded;
  const root = safeSegment(site.name, 'site');
  const folders = uniqueSegments(
    site.nodes.map((n) => n.name),
    (i) => `node-${i + 1}`,
    ['site.json', 'manifest.json'],
  );
  const readmeOf = fieldReadmesOf(expanded, { iso: options.iso === true, needs: deviceNeedsOf(site) });
  const files: BundleFile[] = [{ path: `${root}/site.json`, content: `${JSON.stringify(site, null, 2)}\n` }];
  for (const node of expanded.nodes) {
    const dir = `${root}/${folders[node.index]}`;
    files.push(
      { path: `${dir}/user-data`, content: node.userData },
      { path: `${dir}/meta-data`, content: node.metaData },
      { path: `${dir}/README.txt`, content: readmeOf(node) },
    );
    if (options.iso) files.push({ path: `${dir}/${CIDATA_ISO_NAME}`, content: cidataIso(node) });
    const seen = new Set<string>();
    for (const [devicePath, content] of deviceFiles(node)) {
      const path = `${dir}/device/${safeDevicePath(devicePath)}`;
      if (!seen.has(path)) files.push({ path, content });
      seen.add(path);
    }
  }
  return files;
}

/** The SHA-256 of bytes as 64 lower-case hex digits (WebCrypto: browsers and Node 20 alike). */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

type ContentBytes = (content: string | Uint8Array) => Uint8Array;

/**
 * The bytes of a file's content, encoded once per text: files with the same text (the same
 * manifest on every server, the same CA on every node) share one array, which the manifest
 * hashes once and writeZip compresses once.
 */
function contentBytes(): ContentBytes {
  const encoder = new TextEncoder();
  const known = new Map<string, Uint8Array>();
  return (content) => {
    if (typeof content !== 'string') return content;
    let bytes = known.get(content);
    if (!bytes) {
      bytes = encoder.encode(content);
      known.set(content, bytes);
    }
    return bytes;
  };
}

/** Digests started ahead of the one awaited, so the hashing runs while earlier ones are read. */
const DIGESTS_AHEAD = 512;

/** Adds `SITE/manifest.json`: the size and sha-256 of every other file. */
export async function withManifest(
  files: BundleFile[],
  onFile: (i: number) => void = () => {},
  bytesOf: ContentBytes = contentBytes(),
): Promise<BundleFile[]> {
  const sums = new Map<Uint8Array, Promise<string>>();
  const sumOf = (bytes: Uint8Array) => {
    let sum = sums.get(bytes);
    if (!sum) {
      sum = sha256Hex(bytes);
      // Started ahead of its await: a failure is reported there, not as an unhandled rejection.
      sum.catch(() => {});
      sums.set(bytes, sum);
    }
    return sum;
  };
  const manifest: { path: string; size: number; sha256: string }[] = [];
  for (let i = 0; i < Math.min(DIGESTS_AHEAD, files.length); i++) void sumOf(bytesOf(files[i]!.content));
  for (const [i, file] of files.entries()) {
    const ahead = files[i + DIGESTS_AHEAD];
    if (ahead) void sumOf(bytesOf(ahead.content));
    const bytes = bytesOf(file.content);
    manifest.push({ path: file.path, size: bytes.length, sha256: await sumOf(bytes) });
    onFile(i);
  }
  const root = files[0]?.path.split('/')[0] ?? 'site';
  return [...files, { path: `${root}/manifest.json`, content: `${JSON.stringify({ algorithm: 'sha256', files: manifest }, null, 2)}\n` }];
}

const listed = (findings: readonly Finding[]) => findings.map((f) => `- ${f.path.join('.') || 'site'}: ${f.message}`).join('\n');

/**
 * Why a site is not turned into files for devices, listing each finding, or null. Security
 * findings refuse it whatever `force` says; other errors only without `force`.
 */
export function refusal(findings: readonly Finding[], options: { force?: boolean | undefined } = {}): string | null {
  const unsafe = findings.filter(isSecurityFinding);
  if (unsafe.length > 0) {
    return `The site has ${unsafe.length} unsafe value(s): they could run commands, add lines to files or make the device refuse its configuration, so no node files are written, even when forced. Fix them:\n${listed(unsafe)}`;
  }
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length === 0 || options.force) return null;
  return `The site has ${errors.length} error(s); fix them, or bundle anyway with force:\n${listed(errors)}`;
}

export async function buildBundle(site: Site, options: BundleOptions): Promise<BundleResult> {
  const progress = options.onProgress ?? (() => {});
  progress(0);
  const expanded = options.expanded ?? expandSite(site);
  const findings = sortFindings(lintSite(site, expanded));
  const refused = refusal(findings, { force: options.force });
  if (refused) return { ok: false, reason: refused, findings };
  progress(10);
  const plain = bundleFiles(expanded, { iso: options.iso });
  const bytesOf = contentBytes();
  const files = await withManifest(
    plain,
    (i) => {
      if (i % 256 === 0) progress(10 + Math.floor((30 * i) / plain.length));
    },
    bytesOf,
  );
  progress(40);
  const entries = files.map((file) => ({ path: file.path, data: bytesOf(file.content) }));
  const bytes = writeZip(entries, (i) => {
    if (i % 256 === 0) progress(40 + Math.floor((59 * i) / entries.length));
  });
  progress(100);
  return { ok: true, bytes, files, findings };
}
