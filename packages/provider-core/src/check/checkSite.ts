/**
 * The boot check: for each node, boot its device from its own user-data (deviceModel.ts), then run
 * RKE2's start-up rules (rules/*.ts, each ported from rancher/rke2, k3s or Kubernetes and naming
 * its source). A node is ok when no rule fails: it comes up and joins.
 *
 * The result is memoised per expansion, so the designer's analysis and lintSite share one run.
 */
import { describeFailure } from '../provider/runPlugin.js';
import { cidrCrashWords } from '../provider/cidrCrash.js';
import { expandSite, type ExpandedNode, type ExpandedSite } from '../site/expandSite.js';
import type { Site } from '../site/siteSchema.js';
import type { NodeCheck, SiteCheck } from './checkResult.js';
import { bootDevice } from './deviceModel.js';
import { deviceNeedsOf } from './deviceNeeds.js';
import type { StartFailure, StartInput, StartRule } from './startRule.js';
import { profileRule } from './rules/profileRule.js';
import { configValuesRule } from './rules/configValuesRule.js';
import { nodeLabelsRule } from './rules/nodeLabelsRule.js';
import { tokenRule } from './rules/tokenRule.js';
import { serverUrlRule } from './rules/serverUrlRule.js';
import { clusterDnsRule } from './rules/clusterDnsRule.js';
import { imagesRule } from './rules/imagesRule.js';
import { dataDirRule } from './rules/dataDirRule.js';

/** In the order RKE2 meets them at start-up: flags, profile, token and server, kubelet, images, cluster. */
const START_RULES: readonly StartRule[] = [
  configValuesRule,
  profileRule,
  tokenRule,
  serverUrlRule,
  dataDirRule,
  imagesRule,
  nodeLabelsRule,
  clusterDnsRule,
];

const PROVIDER_SOURCE = 'kairos-io/provider-rke2 pkg/provider/provider.go, ClusterProvider';

/** When the provider writes no RKE2 config at all, RKE2 is never started with this node's settings. */
function providerFailures(node: ExpandedNode): StartFailure[] {
  const path = ['nodes', node.index];
  const failure = describeFailure(node.plan);
  if (failure) {
    // A crash on missing CIDRs: every key it would crash on, and RKE2's defaults to add (as lint says).
    const words = cidrCrashWords(node.plan);
    const message = words ? `${failure}${words.also} Fix: ${words.fix}.` : failure;
    return [{ rule: 'provider', message, source: PROVIDER_SOURCE, path }];
  }
  if (node.plan.kind === 'no-cluster')
    return [
      { rule: 'provider', message: 'the cloud-config has no cluster section: the provider starts nothing', source: PROVIDER_SOURCE, path },
    ];
  if (node.plan.kind === 'written' && !node.plan.merged.ok) {
    return [
      {
        rule: 'provider',
        message: `/etc/rancher/rke2/config.yaml is left empty: the jq merge fails (${node.plan.merged.shown.trim()})`,
        source: `${PROVIDER_SOURCE} (the "Install RKE2 Configuration Files" stage)`,
        path,
      },
    ];
  }
  return [];
}

interface NodeCheckDetail extends NodeCheck {
  failures: StartFailure[];
}
export interface SiteCheckDetail extends SiteCheck {
  nodes: NodeCheckDetail[];
}

const memo = new WeakMap<ExpandedSite, SiteCheckDetail>();

export function checkSite(site: Site, expanded: ExpandedSite = expandSite(site)): SiteCheckDetail {
  const known = memo.get(expanded);
  if (known) return known;
  if (expanded.tooLarge) {
    const failure = {
      rule: 'too-large',
      message: `not checked: ${expanded.tooLarge}`,
      source: 'rke2-edge limits (packages/provider-core/src/limits.ts)',
      path: [],
    };
    return {
      nodes: site.nodes.map((node) => ({
        node: node.name,
        service: node.role === 'worker' ? 'rke2-agent' : 'rke2-server',
        ok: false,
        failures: [failure],
        needs: [],
      })),
    };
  }
  const devices = expanded.nodes.map(bootDevice);
  const needsOf = deviceNeedsOf(site);
  const nodes = expanded.nodes.map((node, i): NodeCheckDetail => {
    const device = devices[i]!;
    const input: StartInput = { site, expanded, node, device, devices };
    const failures = providerFailures(node);
    if (failures.length === 0) failures.push(...START_RULES.flatMap((rule) => rule(input)));
    return {
      node: node.node.name,
      service: node.node.role === 'worker' ? 'rke2-agent' : 'rke2-server',
      ok: failures.length === 0,
      failures,
      needs: needsOf(node),
    };
  });
  const result = { nodes };
  memo.set(expanded, result);
  return result;
}

/** The check as `--json` prints it: failures without the site paths. */
export function publicSiteCheck(check: SiteCheck): SiteCheck {
  return {
    nodes: check.nodes.map((n) => ({
      node: n.node,
      service: n.service,
      ok: n.ok,
      failures: n.failures.map(({ rule, message, source }) => ({ rule, message, source })),
      needs: [...n.needs],
    })),
  };
}
