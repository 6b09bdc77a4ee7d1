/**
 * The order nodes are installed in: the init node first (it creates the cluster), then the other
 * servers one at a time, each once the one before shows Ready, then the workers, together, once
 * every server is Ready. From docs.rke2.io/install/ha ("Launch the first server node", then "Join
 * additional server nodes" — joining servers one at a time keeps etcd from losing quorum while a
 * member is added, docs.rke2.io/install/ha#3-launch-additional-server-nodes) and
 * docs.rke2.io/install/quickstart ("Linux Agent (Worker) Node Installation" after the server).
 */
import { isServerRole, type SiteNode } from './siteSchema.js';

export interface InstallStep {
  /** The node's index in `site.nodes`. */
  index: number;
  /** 1-based; every worker shares the step after the last server. */
  step: number;
  /** Nodes that must show Ready before this one is booted (none for the first). */
  waitFor: string[];
  /** Several nodes share this step (the workers): they can be booted together. */
  together: boolean;
}

const rank = (role: string) => (role === 'init' ? 0 : isServerRole(role) ? 1 : 2);

/** Every node once, in install order (site order within a role). */
export function installOrder(nodes: readonly Pick<SiteNode, 'name' | 'role'>[]): InstallStep[] {
  const ordered = nodes.map((node, index) => ({ node, index })).sort((a, b) => rank(a.node.role) - rank(b.node.role) || a.index - b.index);
  const servers = ordered.filter((o) => isServerRole(o.node.role)).map((o) => o.node.name);
  const workers = ordered.length - servers.length;
  return ordered.map(({ node, index }, at) =>
    isServerRole(node.role)
      ? { index, step: at + 1, waitFor: at === 0 ? [] : [servers[at - 1]!], together: false }
      : { index, step: servers.length + 1, waitFor: servers, together: workers > 1 },
  );
}
