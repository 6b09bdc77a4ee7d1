/**
 * The Device check of opened cloud-configs while the user gives what no file says: each node's
 * address (CIDR, like `rke2-edge check --address NAME=CIDR`) and whether a load balancer of theirs
 * answers at control_plane_host. What is typed lives here, outside React, for as long as the notice
 * is shown (leaving for the start screen or the print page and coming back loses nothing); the
 * checks are provider-core's recheckCloudConfigs, run again only when a usable address or the load
 * balancer changes. The addresses the check used can then be set on the site's nodes, as one edit.
 */
import {
  checkedNodeAddresses,
  recheckCloudConfigs,
  usableAddresses,
  type CheckInput,
  type CloudConfigFileCheck,
  type ControlPlaneEndpoint,
  type OpenedCloudConfig,
} from '@rke2-edge/provider-core';
import { defineSiteAction } from '../actions/action.js';
import type { NodeId } from '../state/nodeIds.js';
import { Observable } from '../state/observable.js';
import type { SiteStore } from '../state/siteStore.js';

export interface OpenedChecksState {
  input: CheckInput;
  checks: readonly CloudConfigFileCheck[];
  /** What the last "set on the site's nodes" did, for the status line. */
  applied: string | null;
}

/** Node addresses (by node id) and, unless kube-vip serves the host, the endpoint the check assumed. */
const setCheckedAddresses = defineSiteAction<{ nodes: { id: NodeId; address: string }[]; endpoint?: ControlPlaneEndpoint }>({
  id: 'node.setCheckedAddresses',
  label: () => 'Set node addresses from the Device check',
  perform: (site, { nodes, endpoint }, indexOf) => {
    const byIndex = new Map(nodes.map(({ id, address }) => [indexOf(id), address]));
    return {
      ...site,
      cluster: endpoint ? { ...site.cluster, endpoint } : site.cluster,
      nodes: site.nodes.map((node, i) => (byIndex.has(i) ? { ...node, address: byIndex.get(i)! } : node)),
    };
  },
});

const keyOf = (input: CheckInput) => JSON.stringify([usableAddresses(input), input.loadBalancer]);

export class OpenedChecks extends Observable<OpenedChecksState> {
  /**
   * @param nodeIds the ids of the opened site's nodes, as opened (a file's siteNode indexes them)
   * @param kubeVip a kube-vip manifest in the files serves control_plane_host (the load balancer choice does not apply)
   */
  constructor(
    readonly files: readonly OpenedCloudConfig[],
    checks: readonly CloudConfigFileCheck[],
    private readonly nodeIds: readonly NodeId[],
    readonly kubeVip: boolean,
  ) {
    super({ input: { addresses: {}, loadBalancer: false }, checks, applied: null });
  }

  setAddress(file: string, text: string): void {
    const { input } = this.getState();
    this.update({ ...input, addresses: { ...input.addresses, [file]: text } });
  }

  setLoadBalancer(loadBalancer: boolean): void {
    this.update({ ...this.getState().input, loadBalancer });
  }

  private update(input: CheckInput): void {
    const { input: before, checks } = this.getState();
    const same = keyOf(before) === keyOf(input);
    this.set({ input, checks: same ? checks : recheckCloudConfigs(this.files, input), applied: null });
  }

  /** The site node addresses the check used that differ from the site's now (none when nothing is to set). */
  pending(store: SiteStore): { id: NodeId; node: string; address: string }[] {
    const site = store.getState().site;
    if (!site) return [];
    return checkedNodeAddresses(this.files, this.getState().checks).flatMap(({ siteNode, address }) => {
      const id = this.nodeIds[siteNode];
      const node = id === undefined ? undefined : site.nodes[store.indexOf(id)];
      return id !== undefined && node && node.address !== address ? [{ id, node: node.name, address }] : [];
    });
  }

  /** The endpoint the check assumed, for the site (none while kube-vip serves the host). */
  private endpoint(): ControlPlaneEndpoint | undefined {
    if (this.kubeVip) return undefined;
    return this.getState().input.loadBalancer ? 'load-balancer' : 'init-node';
  }

  /** Sets the addresses the check used on the site's nodes, and its endpoint, as one undoable edit. */
  apply(store: SiteStore): void {
    const nodes = this.pending(store);
    if (nodes.length === 0) return;
    const endpoint = this.endpoint();
    store.perform(setCheckedAddresses, { nodes: nodes.map(({ id, address }) => ({ id, address })), ...(endpoint ? { endpoint } : {}) });
    const what = nodes.map((n) => `${n.node} ${n.address}`).join(', ');
    const how = endpoint === 'load-balancer' ? 'a load balancer of yours' : endpoint === 'init-node' ? 'the init node' : '';
    this.set({
      ...this.getState(),
      applied: `Set on the site's nodes: ${what}${how ? `; the control-plane host is served by ${how}` : ''}. Undo puts them back.`,
    });
  }
}
