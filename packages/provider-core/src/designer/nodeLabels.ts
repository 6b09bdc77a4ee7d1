/**
 * The label stuck on each box and on its USB stick, so a technician on site can tell which stick
 * belongs to which box and that it holds the right files: the node, its role, address and MAC, and
 * the SHA-256 of its user-data and of its cidata ISO (the same bytes the bundle and the preview's
 * download hold: bundle/cidataIso.ts, hashed with WebCrypto like the bundle's manifest). `text` is
 * what the label prints and what its QR code encodes, one fact a line; every site value in it is
 * escaped onto its line (lint/unsafeText `printable`), so no value can add a line.
 *
 * In presentation mode (`redact` given: maskSecrets' text redaction) the hashes are still those of
 * the real files — a label printed during a demo must match the stick, and a SHA-256 reveals no
 * secret — while every site value the label shows (node and site names, address, MAC) is redacted.
 */
import { cidataIso, CIDATA_ISO_NAME } from '../bundle/cidataIso.js';
import { sha256Hex } from '../bundle/buildBundle.js';
import { printable } from '../lint/unsafeText.js';
import { expandNode } from '../site/expandSite.js';
import { siteContext } from '../site/rke2ConfigFor.js';
import type { Site, SiteNode } from '../site/siteSchema.js';

export interface NodeLabel {
  node: string;
  role: SiteNode['role'];
  /** The address with its prefix, '' when not set. */
  address: string;
  /** '' when not known. */
  mac: string;
  userDataSha256: string;
  isoSha256: string;
  /** What the label prints and its QR code holds: one `key: value` a line. */
  text: string;
}

/** Labels made at most, in site order: a print run, not a 20,000-node batch (the zip's READMEs cover those). */
export const LABELS_MAX = 60;

export interface NodeLabels {
  labels: NodeLabel[];
  /** Nodes past LABELS_MAX with no label. */
  more: number;
}

const encoder = new TextEncoder();

/**
 * Longest value a label shows, in characters: a QR code at level M holds at most 2,331 bytes, and a
 * label's seven lines stay far below that however long a name is (4 × 64 characters of up to 4 bytes,
 * plus the hashes). A longer value is cut with "…" (lint reports such names on their own).
 */
const LABEL_VALUE_MAX = 64;

/** A site value on its label line: escaped onto the line, cut to LABEL_VALUE_MAX characters. */
function labelValue(value: string): string {
  const shown = printable(value);
  const chars = Array.from(shown);
  return chars.length <= LABEL_VALUE_MAX ? shown : `${chars.slice(0, LABEL_VALUE_MAX - 1).join('')}…`;
}

interface NodeLabelOptions {
  /** Labels made at most (LABELS_MAX). */
  limit?: number;
  /** Applied to every site value shown (not to the hashes). */
  redact?: (text: string) => string;
}

export async function nodeLabels(site: Site, { limit = LABELS_MAX, redact = (text) => text }: NodeLabelOptions = {}): Promise<NodeLabels> {
  const context = siteContext(site);
  const count = Math.min(limit, site.nodes.length);
  const labels: NodeLabel[] = [];
  for (let index = 0; index < count; index++) {
    const expanded = expandNode(context, index);
    const { node } = expanded;
    const [userDataSha256, isoSha256] = await Promise.all([sha256Hex(encoder.encode(expanded.userData)), sha256Hex(cidataIso(expanded))]);
    const name = redact(node.name);
    const address = redact(node.address.trim());
    const mac = redact(node.mac.trim());
    const text = [
      `node: ${labelValue(name)}`,
      `site: ${labelValue(redact(site.name))}`,
      `role: ${node.role}`,
      `address: ${address ? labelValue(address) : 'not set'}`,
      `mac: ${mac ? labelValue(mac) : 'not known'}`,
      `user-data sha256: ${userDataSha256}`,
      `${CIDATA_ISO_NAME} sha256: ${isoSha256}`,
    ].join('\n');
    labels.push({ node: name, role: node.role, address, mac, userDataSha256, isoSha256, text });
  }
  return { labels, more: site.nodes.length - count };
}
