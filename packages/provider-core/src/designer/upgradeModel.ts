/**
 * The upgrade view's model: what moving this site from its RKE2 minor to a later one changes for
 * this design, as findings that point at the site field concerned and name their sources, plus the
 * topics checked that need nothing. The facts are upgradeFacts.ts's and imageArchives.ts's; the
 * configs are the ones the nodes get (rke2ConfigFor, extra config included).
 */
import type { FactSource } from './factSource.js';
import type { FindingPath } from '../finding/findingPath.js';
import type { Severity } from '../lint/findingFields.js';
import { archiveFileName, groupsFor, groupsListed, isPublishedArchive, type ArchiveGroup } from '../site/imageArchives.js';
import { rke2ConfigFor, siteContext, type NodeConfig } from '../site/rke2ConfigFor.js';
import { isServerRole, RKE2_VERSIONS, type Site } from '../site/siteSchema.js';
import type { GoValue } from '../yaml/goJson.js';
import {
  AIRGAP_UPGRADE_DOCS,
  ARCHIVE_CHANGES,
  CGROUP_V2_FROM,
  CGROUP_V2_SOURCES,
  etcdSource,
  INGRESS_NGINX_RETIRED_FROM,
  INGRESS_NGINX_RETIREMENT_SOURCES,
  keysSource,
  NEWEST_PATCH,
  profileSource,
  RELEASE_NOTES,
  UPGRADE_DOCS,
  UPGRADE_FACTS,
  type Rke2Minor,
  type UpgradeFacts,
} from './upgradeFacts.js';

export type UpgradeCode =
  | 'upgrade-skips-minor'
  | 'upgrade-order'
  | 'cgroup-v2-required'
  | 'ingress-nginx-retired'
  | 'ingress-not-accepted'
  | 'profile-not-accepted'
  | 'key-removed'
  | 'archive-not-published'
  | 'archive-needed'
  | 'archives-new-release';

/** A finding of the upgrade view: as a lint finding (severity, message, path into the site), with its sources. */
export interface UpgradeFinding {
  severity: Severity;
  code: UpgradeCode;
  message: string;
  /** The site field to change or look at; empty when the finding is about the devices, not a field. */
  path: FindingPath;
  sources: FactSource[];
}

/** A topic the model checked for this design that needs nothing. */
export interface UpgradeCheck {
  topic: string;
  message: string;
  sources: FactSource[];
}

export interface UpgradePlan {
  from: Rke2Minor;
  to: Rke2Minor;
  /** The minors the cluster runs one after the other on the way, `to` last. */
  steps: Rke2Minor[];
  findings: UpgradeFinding[];
  unchanged: UpgradeCheck[];
}

const minorIndex = (v: Rke2Minor) => RKE2_VERSIONS.indexOf(v);

/** The minors a site of this version can be upgraded to (later ones, nearest first). */
export const upgradeTargets = (from: Rke2Minor): Rke2Minor[] => RKE2_VERSIONS.slice(minorIndex(from) + 1);

/** Whether the way from → to passes into `minor` (its changes apply). */
const crosses = (from: Rke2Minor, to: Rke2Minor, minor: Rke2Minor) =>
  minorIndex(from) < minorIndex(minor) && minorIndex(minor) <= minorIndex(to);

/** A config value as RKE2 reads a list key: a YAML list, or one string (RKE2 up to v1.35 splits it on commas). */
function listItems(value: GoValue | undefined): string[] {
  if (typeof value === 'string') return value.split(',').map((s) => s.trim());
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

interface NodeConfigs {
  site: Site;
  ctx: ReturnType<typeof siteContext>;
  configs: NodeConfig[];
}

/** Where a key of the nodes' configs comes from: the first node extra config that sets it, the site's extra config, or the form field. */
function keyPath({ site, ctx, configs }: NodeConfigs, key: string, formPath: FindingPath, nodes: number[]): FindingPath {
  const node = nodes.find((i) => configs[i]!.nodeExtra.ok && configs[i]!.nodeExtra.config.has(key));
  if (node !== undefined) return ['nodes', node, 'extraConfig'];
  if (ctx.clusterExtra.ok && ctx.clusterExtra.config.has(key) && site.extraConfig) return ['extraConfig'];
  return formPath;
}

/**
 * What one topic of the nodes' configs (ingress controller, hardening profile, config keys) needs
 * on the way from → to: the findings, or the checks that found nothing to do.
 */
type ConfigFindings = (
  from: Rke2Minor,
  to: Rke2Minor,
  nc: NodeConfigs,
  facts: UpgradeFacts,
) => { findings: UpgradeFinding[]; unchanged: UpgradeCheck[] };

const list = (items: readonly string[]) => items.map((i) => `"${i}"`).join(', ');

function stepFindings(from: Rke2Minor, to: Rke2Minor, site: Site): UpgradeFinding[] {
  const out: UpgradeFinding[] = [];
  const steps = upgradeTargets(from).slice(0, minorIndex(to) - minorIndex(from));
  if (steps.length > 1) {
    out.push({
      severity: 'warning',
      code: 'upgrade-skips-minor',
      message: `RKE2 upgrades one minor version at a time: go ${[from, ...steps].join(' → ')}, letting the whole cluster run on each version before the next. The findings below cover the whole way.`,
      path: ['rke2Version'],
      sources: [UPGRADE_DOCS],
    });
  }
  const servers = site.nodes.filter((n) => isServerRole(n.role)).map((n) => n.name || '(unnamed)');
  const agents = site.nodes.filter((n) => !isServerRole(n.role)).map((n) => n.name || '(unnamed)');
  if (site.nodes.length > 0) {
    const serversPart = `Upgrade the server nodes first, one at a time (${servers.join(', ')})`;
    out.push({
      severity: 'info',
      code: 'upgrade-order',
      message: agents.length > 0 ? `${serversPart}; then the agents (${agents.join(', ')}).` : `${serversPart}.`,
      path: ['nodes'],
      sources: [UPGRADE_DOCS],
    });
  }
  if (crosses(from, to, CGROUP_V2_FROM)) {
    out.push({
      severity: 'warning',
      code: 'cgroup-v2-required',
      message: `From ${CGROUP_V2_FROM} (Kubernetes 1.35) the kubelet does not start on a node whose OS uses cgroup v1. Before upgrading, check that the Kairos image boots with cgroup v2 on every node: "stat -fc %T /sys/fs/cgroup/" prints cgroup2fs.`,
      path: [],
      sources: CGROUP_V2_SOURCES,
    });
  }
  return out;
}

const ingressFindings: ConfigFindings = (from, to, nc, facts) => {
  const servers = nc.site.nodes.flatMap((n, i) => (isServerRole(n.role) ? [i] : []));
  const findings: UpgradeFinding[] = [];
  const unchanged: UpgradeCheck[] = [];
  const chosen = new Set(servers.flatMap((i) => listItems(nc.configs[i]!.config.get('ingress-controller'))));
  if (chosen.size === 0) return { findings, unchanged };
  const path = keyPath(nc, 'ingress-controller', ['network', 'ingressController'], servers);
  const target = facts.ingress[to];
  const refused = [...chosen].filter((c) => c !== 'none' && !target.items.includes(c));
  if (refused.length > 0) {
    findings.push({
      severity: 'error',
      code: 'ingress-not-accepted',
      message: `ingress-controller ${list(refused)} is not one RKE2 ${to} deploys (it knows ${list(target.items)} and "none"); choose one of those.`,
      path,
      sources: target.sources,
    });
  }
  if (chosen.has('ingress-nginx') && crosses(from, to, INGRESS_NGINX_RETIRED_FROM)) {
    findings.push({
      severity: 'warning',
      code: 'ingress-nginx-retired',
      message: `This site runs ingress-nginx. It was retired upstream in March 2026: RKE2 ${INGRESS_NGINX_RETIRED_FROM} still deploys it but ships it no more updates, and v1.37 removes it for community users. Plan the move to Traefik with RKE2's migration guide, then choose traefik here.`,
      path,
      sources: INGRESS_NGINX_RETIREMENT_SOURCES,
    });
  }
  const before = facts.ingress[from];
  if (before.newClusterDefault !== target.newClusterDefault) {
    unchanged.push({
      topic: 'Default ingress controller',
      message: `RKE2 ${to} deploys ${target.newClusterDefault} by default where ${from} deployed ${before.newClusterDefault}${target.existingClusterDefault ? ' (an existing cluster without the setting keeps the controller it runs)' : ''}. This design names its controller (${list([...chosen])}) on every server, so the new default does not touch it.`,
      sources: target.sources,
    });
  }
  return { findings, unchanged };
};

const profileFindings: ConfigFindings = (from, to, nc, facts) => {
  const all = nc.site.nodes.map((_, i) => i);
  const profiles = new Set(all.flatMap((i) => listItems(nc.configs[i]!.config.get('profile')).filter(Boolean)));
  if (profiles.size === 0) return { findings: [], unchanged: [] };
  const refused = [...profiles].filter((p) => !facts.profiles[to].includes(p));
  if (refused.length === 0) {
    return {
      findings: [],
      unchanged: [
        {
          topic: 'Hardening profile',
          message: `profile ${list([...profiles])} is accepted by ${to} as by ${from} (${list(facts.profiles[to])}).`,
          sources: [profileSource(to)],
        },
      ],
    };
  }
  return {
    findings: [
      {
        severity: 'error',
        code: 'profile-not-accepted',
        message: `RKE2 ${to} refuses to start with profile ${list(refused)}: it accepts ${list(facts.profiles[to])}. Change the profile before upgrading.`,
        path: keyPath(nc, 'profile', ['security', 'cisProfile'], all),
        sources: [profileSource(to)],
      },
    ],
    unchanged: [],
  };
};

const keyFindings: ConfigFindings = (from, to, nc, facts) => {
  const all = nc.site.nodes.map((_, i) => i);
  const used = new Set(all.flatMap((i) => [...nc.configs[i]!.config.keys()]));
  const crossed = upgradeTargets(from).filter((m) => crosses(from, to, m));
  const findings = crossed.flatMap((minor) =>
    facts.keyChanges[minor].removed
      .filter((key) => used.has(key))
      .map((key): UpgradeFinding => ({
        severity: 'error',
        code: 'key-removed',
        message: `RKE2 ${minor} no longer knows the key "${key}": it would skip it with "Unknown flag". Remove it, or replace it, before upgrading.`,
        path: keyPath(nc, key, ['extraConfig'], all),
        sources: [keysSource(minor)],
      })),
  );
  const unchanged: UpgradeCheck[] =
    findings.length === 0 && used.size > 0
      ? [
          {
            topic: 'Config keys',
            message: `All ${used.size} keys this design's nodes set are known to ${to} as to ${from}.`,
            sources: [keysSource(from), keysSource(to)],
          },
        ]
      : [];
  return { findings, unchanged };
};

function archiveFindings(from: Rke2Minor, to: Rke2Minor, site: Site): UpgradeFinding[] {
  if (site.airGap.imageSource !== 'archives') return [];
  const listed = site.airGap.imageArchives;
  const change = upgradeTargets(from)
    .filter((m) => crosses(from, to, m))
    .map((m) => ARCHIVE_CHANGES[m])
    .find(Boolean);
  const why = change ? ` (${change.why})` : '';
  const sources = change?.sources ?? [RELEASE_NOTES[to]];
  const out: UpgradeFinding[] = [];
  listed.forEach((name, i) => {
    if (isPublishedArchive(name, from) && !isPublishedArchive(name, to)) {
      out.push({
        severity: 'warning',
        code: 'archive-not-published',
        message: `RKE2 ${to} publishes no archive named like ${name}${why}. Remove it from the list.`,
        path: ['airGap', 'imageArchives', i],
        sources,
      });
    }
  });
  const held = groupsListed(listed);
  const neededBefore = new Set<ArchiveGroup>(groupsFor({ ...site, rke2Version: from }));
  for (const group of groupsFor({ ...site, rke2Version: to })) {
    if (neededBefore.has(group) || held.has(group)) continue;
    out.push({
      severity: 'warning',
      code: 'archive-needed',
      message: `On ${to} this design needs ${archiveFileName(group)}${why}. Add it to the list and to the images folder on every node.`,
      path: ['airGap', 'imageArchives'],
      sources,
    });
  }
  out.push({
    severity: 'info',
    code: 'archives-new-release',
    message: `Download the archives of ${NEWEST_PATCH[to]} from its release page and replace the old ones in the images folder on every node: the images in them belong to one release.`,
    path: ['airGap', 'imageArchives'],
    sources: [AIRGAP_UPGRADE_DOCS],
  });
  return out;
}

function etcdCheck(from: Rke2Minor, to: Rke2Minor, facts: UpgradeFacts): UpgradeCheck[] {
  if (facts.etcd[from] !== facts.etcd[to]) return [];
  return [
    {
      topic: 'etcd',
      message: `etcd stays ${facts.etcd[to]} (${NEWEST_PATCH[from]} and ${NEWEST_PATCH[to]}).`,
      sources: [etcdSource(from), etcdSource(to)],
    },
  ];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const bySeverity = (findings: UpgradeFinding[]) => findings.sort((a, b) => RANK[a.severity] - RANK[b.severity]);

/** What upgrading this site's cluster from its RKE2 minor to `to` changes for it; `to` must be a later minor. */
export function upgradePlan(site: Site, to: Rke2Minor, facts: UpgradeFacts = UPGRADE_FACTS): UpgradePlan {
  const from = site.rke2Version;
  if (minorIndex(to) <= minorIndex(from)) throw new Error(`${to} is not later than ${from}`);
  const ctx = siteContext(site);
  const nc: NodeConfigs = { site, ctx, configs: site.nodes.map((node) => rke2ConfigFor(ctx, node)) };
  const topics = [ingressFindings, profileFindings, keyFindings].map((topic) => topic(from, to, nc, facts));
  return {
    from,
    to,
    steps: upgradeTargets(from).slice(0, minorIndex(to) - minorIndex(from)),
    findings: bySeverity([...stepFindings(from, to, site), ...topics.flatMap((t) => t.findings), ...archiveFindings(from, to, site)]),
    unchanged: [...topics.flatMap((t) => t.unchanged), ...etcdCheck(from, to, facts)],
  };
}
