/**
 * The largest inputs the designer accepts, the same in the CLI and the browser. Each is far above
 * what a real site needs and far below what would freeze a browser tab or exhaust its memory:
 * a 20,000-node site with labels, taints and extra config per node is about 15 MiB of site.json;
 * a Kairos cloud-config is a few KiB (oracle case 47, an 8 KiB token, is the largest seen).
 */
const KiB = 1024;
const MiB = 1024 * KiB;

export const LIMITS = {
  /** A site.json file, or the site inside a zip bundle or a share link, in bytes of UTF-8. */
  siteJsonBytes: 32 * MiB,
  /** Nodes in one site (one RKE2 cluster; RKE2 is tested with 5,000 and a fleet site may be bigger). */
  nodes: 20_000,
  /**
   * The site's extra config, and each node's, in bytes of UTF-8 (a real one is a few lines), and
   * the values it may decode to (aliases cannot make it larger than plain text could).
   */
  extraConfigBytes: 16 * KiB,
  extraConfigValues: 4000,
  /** One cloud-config file given to lint or import. */
  cloudConfigBytes: 1 * MiB,
  /**
   * Cloud-configs given together (lint, import, check, open: one per node), and their bytes in all.
   * Measured with `rke2-edge check` on the shared 2-core build machine: 1,000 files of 1 KiB 3.6 s,
   * 2,000 3.9 s (150 MB), 8,000 18 s; 400 files of 23 KiB (9 MiB) 5.9 s; dense YAML (17,000 file
   * entries a MiB) costs most: 3 MiB 7.2 s (313 MB), 8 MiB 36 s (675 MB). A real 100-node set is
   * 0.5 to 2 MiB (5 to 20 KiB a file).
   */
  cloudConfigFiles: 2_000,
  cloudConfigSetBytes: 4 * MiB,
  /** A zip file as opened (a 20,000-node bundle is about 120 MiB, with an ISO per node about 300 MiB). */
  zipBytes: 512 * MiB,
  /** Entries in a zip file (a bundle has about 10 per node, 11 with ISOs). */
  zipEntries: 250_000,
  /**
   * Registry certificate and key contents of a whole site, in bytes (every node gets all of them;
   * a CA chain and a client pair are a few KiB), and registries (mirrors and TLS/auth settings).
   */
  registryTlsBytes: 64 * KiB,
  registries: 32,
  /**
   * The site's shared settings (everything but the nodes, as JSON) times the node count: every
   * node's user-data carries them, so this bounds the text a site expands to. A 2,000-node site
   * may share 64 KiB (a full 16 KiB extra config, SSH keys, a registry CA and more fit easily), a
   * 20,000-node site 12 KiB.
   */
  expandedSharedBytes: 256 * MiB,
  /**
   * Nesting of one YAML document (a cloud-config, its cluster.config, an extra config), in
   * collections (`[`, `{`, a block sequence or mapping), counting what aliases repeat. The device's
   * reader (go-yaml) accepts up to 10,000 levels; rke2-edge reads YAML with recursive code, and
   * 3,000 levels overflowed Node's stack. A real cloud-config nests fewer than 10.
   */
  yamlDepth: 1000,
  /** A share link's fragment, in characters (Chromium's longest URL is 2 MiB). */
  shareLinkChars: 2 * MiB,
} as const;

/** `4194304` → `4 MiB`, for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= KiB && bytes % KiB === 0) return `${bytes / KiB} KiB`;
  return `${bytes} bytes`;
}
