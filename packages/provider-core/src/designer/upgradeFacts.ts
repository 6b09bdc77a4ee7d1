/**
 * What changes between RKE2 minor versions, as data with its sources (read for issue 14 from the
 * rancher/rke2 tags and rancher/rke2-docs at 9477b7b, 2026-08-20). A site's `rke2Version` is a minor
 * line whose newest patch is meant, so each minor is described at its newest patch:
 * v1.33.13+rke2r2, v1.34.10+rke2r1, v1.35.7+rke2r1, v1.36.3+rke2r1.
 *
 * Read and found the same at those four tags (so no finding comes of them):
 * - `profile` accepts "cis" and "etcd" (pkg/rke2/rke2.go ProfileCIS/ProfileETCD; any other value is
 *   fatal in pkg/cli/cmds/profile_linux.go validateProfile);
 * - the config keys: the K3s flag maps and RKE2's own flags in pkg/cli/cmds/{server,agent,root}.go are
 *   identical (helm-controller-arg, added in July 2026, is in all four);
 * - etcd v3.6.14-k3s1 (scripts/version.sh ETCD_VERSION).
 * The images each minor publishes as archives live in site/imageArchives.ts.
 */
import type { FactSource } from './factSource.js';
import type { Site } from '../site/siteSchema.js';

export type Rke2Minor = Site['rke2Version'];

const tree = (tag: string, path: string) => `https://github.com/rancher/rke2/blob/${tag.replace('+', '%2B')}/${path}`;
const notes = (minor: Rke2Minor): FactSource => ({
  label: `RKE2 ${minor}.X release notes`,
  url: `https://docs.rke2.io/release-notes/${minor}.X`,
});

/** The newest patch of each minor, the one a site of that minor runs. */
export const NEWEST_PATCH: Record<Rke2Minor, string> = {
  'v1.33': 'v1.33.13+rke2r2',
  'v1.34': 'v1.34.10+rke2r1',
  'v1.35': 'v1.35.7+rke2r1',
  'v1.36': 'v1.36.3+rke2r1',
};

export const RELEASE_NOTES: Record<Rke2Minor, FactSource> = {
  'v1.33': notes('v1.33'),
  'v1.34': notes('v1.34'),
  'v1.35': notes('v1.35'),
  'v1.36': notes('v1.36'),
};

/** The manual upgrade page: "Upgrade the server nodes first, one at a time…" and "do not skip intermediate minor versions". */
export const UPGRADE_DOCS: FactSource = { label: 'RKE2 docs: Manual Upgrades', url: 'https://docs.rke2.io/upgrades/manual' };

/** The air-gap upgrade: "Download the new air-gap images (tar files) … Delete the old tar files." */
export const AIRGAP_UPGRADE_DOCS: FactSource = {
  label: 'RKE2 docs: Air-Gap Install, 3. Upgrading',
  url: 'https://docs.rke2.io/install/airgap',
};

/**
 * The `ingress-controller` key: items ("none" besides) and the default a cluster with no value gets.
 * pkg/cli/types.go IngressItems; v1.33–v1.35 pkg/cli/cmds/server.go gives the flag the value
 * ingress-nginx; v1.36 gives it none and pkg/bootstrap/bootstrap.go getDefaultIngressClassFromCharts
 * keeps the controller an existing cluster's charts name, else takes traefik (IngressItems[0]).
 */
interface IngressFacts {
  items: readonly string[];
  /** What a new cluster with no `ingress-controller` gets. */
  newClusterDefault: string;
  /** What an existing cluster with no `ingress-controller` keeps, when it differs from a new one's. */
  existingClusterDefault: 'deployed controller' | null;
  sources: FactSource[];
}

const INGRESS: Record<Rke2Minor, IngressFacts> = {
  'v1.33': {
    items: ['ingress-nginx', 'traefik'],
    newClusterDefault: 'ingress-nginx',
    existingClusterDefault: null,
    sources: [
      { label: 'rancher/rke2 pkg/cli/cmds/server.go (v1.33.13+rke2r2)', url: tree(NEWEST_PATCH['v1.33'], 'pkg/cli/cmds/server.go') },
    ],
  },
  'v1.34': {
    items: ['ingress-nginx', 'traefik'],
    newClusterDefault: 'ingress-nginx',
    existingClusterDefault: null,
    sources: [
      { label: 'rancher/rke2 pkg/cli/cmds/server.go (v1.34.10+rke2r1)', url: tree(NEWEST_PATCH['v1.34'], 'pkg/cli/cmds/server.go') },
    ],
  },
  'v1.35': {
    items: ['ingress-nginx', 'traefik'],
    newClusterDefault: 'ingress-nginx',
    existingClusterDefault: null,
    sources: [
      { label: 'rancher/rke2 pkg/cli/cmds/server.go (v1.35.7+rke2r1)', url: tree(NEWEST_PATCH['v1.35'], 'pkg/cli/cmds/server.go') },
    ],
  },
  'v1.36': {
    items: ['traefik', 'ingress-nginx'],
    newClusterDefault: 'traefik',
    existingClusterDefault: 'deployed controller',
    sources: [
      RELEASE_NOTES['v1.36'],
      { label: 'rancher/rke2 pkg/bootstrap/bootstrap.go (v1.36.3+rke2r1)', url: tree(NEWEST_PATCH['v1.36'], 'pkg/bootstrap/bootstrap.go') },
    ],
  },
};

/**
 * ingress-nginx's retirement: upstream stopped in March 2026; from v1.36 RKE2 ships no further update
 * of the chart to community users and removes it for them in v1.37 (v1.36.X release notes, "Upstream
 * ingress-nginx Retirement & Transition to Traefik"; rancher/rke2 docs/adrs/012, "Deprecation schedule").
 */
export const INGRESS_NGINX_RETIRED_FROM: Rke2Minor = 'v1.36';
export const INGRESS_NGINX_RETIREMENT_SOURCES: FactSource[] = [
  RELEASE_NOTES['v1.36'],
  {
    label: 'rancher/rke2 ADR 012: prime flag and ingress-nginx',
    url: 'https://github.com/rancher/rke2/blob/master/docs/adrs/012-prime-flag-and-ingress-nginx.md',
  },
  { label: 'RKE2 docs: Ingress NGINX to Traefik Migration Guide', url: 'https://docs.rke2.io/reference/ingress_migration' },
];

/** Why a minor's archive names differ from the one before (which archives exist is imageArchives.ts's). */
export const ARCHIVE_CHANGES: Partial<Record<Rke2Minor, { why: string; sources: FactSource[] }>> = {
  'v1.36': {
    why: "v1.36 moved Traefik's images into rke2-images-core and ingress-nginx's into an archive of their own",
    sources: [
      RELEASE_NOTES['v1.36'],
      {
        label: 'rancher/rke2#10269: Replace ingress-nginx with traefik in core image list',
        url: 'https://github.com/rancher/rke2/pull/10269',
      },
    ],
  },
};

/** The facts that differ by version only as data (the model reads them through UpgradeFacts, so tests can vary them). */
export interface UpgradeFacts {
  ingress: Record<Rke2Minor, IngressFacts>;
  profiles: Record<Rke2Minor, readonly string[]>;
  keyChanges: Record<Rke2Minor, { added: readonly string[]; removed: readonly string[] }>;
  etcd: Record<Rke2Minor, string>;
}

/** `profile` values RKE2 accepts at each minor's newest patch. */
const PROFILES: Record<Rke2Minor, readonly string[]> = {
  'v1.33': ['cis', 'etcd'],
  'v1.34': ['cis', 'etcd'],
  'v1.35': ['cis', 'etcd'],
  'v1.36': ['cis', 'etcd'],
};

export const profileSource = (minor: Rke2Minor): FactSource => ({
  label: `rancher/rke2 pkg/cli/cmds/profile_linux.go (${NEWEST_PATCH[minor]})`,
  url: tree(NEWEST_PATCH[minor], 'pkg/cli/cmds/profile_linux.go'),
});

/** Config keys a minor adds or removes against the one before it (none between the newest patches). */
const KEY_CHANGES: Record<Rke2Minor, { added: readonly string[]; removed: readonly string[] }> = {
  'v1.33': { added: [], removed: [] },
  'v1.34': { added: [], removed: [] },
  'v1.35': { added: [], removed: [] },
  'v1.36': { added: [], removed: [] },
};

export const keysSource = (minor: Rke2Minor): FactSource => ({
  label: `rancher/rke2 pkg/cli/cmds/server.go and agent.go (${NEWEST_PATCH[minor]})`,
  url: tree(NEWEST_PATCH[minor], 'pkg/cli/cmds/server.go'),
});

/** etcd each minor's newest patch embeds (scripts/version.sh ETCD_VERSION). */
const ETCD: Record<Rke2Minor, string> = {
  'v1.33': 'v3.6.14-k3s1',
  'v1.34': 'v3.6.14-k3s1',
  'v1.35': 'v3.6.14-k3s1',
  'v1.36': 'v3.6.14-k3s1',
};

export const etcdSource = (minor: Rke2Minor): FactSource => ({
  label: `rancher/rke2 scripts/version.sh (${NEWEST_PATCH[minor]})`,
  url: tree(NEWEST_PATCH[minor], 'scripts/version.sh'),
});

/**
 * Kubernetes 1.35 deprecated cgroup v1: its kubelet no longer starts on a cgroup v1 node by default
 * (failCgroupV1 defaults to true). RKE2's v1.35 notes point to Kubernetes' urgent upgrade notes.
 */
export const CGROUP_V2_FROM: Rke2Minor = 'v1.35';
export const CGROUP_V2_SOURCES: FactSource[] = [
  {
    label: 'Kubernetes docs: Deprecation of cgroup v1',
    url: 'https://kubernetes.io/docs/concepts/architecture/cgroups/#deprecation-of-cgroup-v1',
  },
  RELEASE_NOTES['v1.35'],
];

export const UPGRADE_FACTS: UpgradeFacts = { ingress: INGRESS, profiles: PROFILES, keyChanges: KEY_CHANGES, etcd: ETCD };
