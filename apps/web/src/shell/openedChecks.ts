/**
 * The Device check of opened cloud-configs while the user gives what no file says: each node's
 * address (CIDR, like `rke2-edge check --address NAME=CIDR`) and whether a load balancer of theirs
 * answers at control_plane_host. What is typed lives here, outside React, for as long as the notice
 * is shown (leaving for the start screen or the print page and coming back loses nothing), by
 * file index (two files may share a name). The checks are provider-core's recheckCloudConfigs, run
 * again only when a usable address or the load balancer changes, after a short pause in typing and
 * off the main thread (recheckClient.ts): what is typed shows at once, the verdicts when ready.
 * The addresses the check used can then be set on the site's nodes, as one edit.
 */
import {
  checkedNodeAddresses,
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
import { recheckRunner, type Recheck } from './recheckClient.js';

/** How long typing pauses before the check runs again. */
const PAUSE_MS = 150;

export interface OpenedChecksState {
  input: CheckInput;
  checks: readonly CloudConfigFileCheck[];
  /** The check is running again for what was typed last: `checks` are for an earlier input. */
  checking: boolean;
  /** Why the last run gave no answer (the worker stopped), or null. */
  failed: string | null;
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

export class OpenedChecks extends Observable<OpenedChecksState> {
  /**
   * @param nodeIds the ids of the opened site's nodes, as opened (a file's siteNode indexes them)
   * @param kubeVip a kube-vip manifest in the files serves control_plane_host (the load balancer choice does not apply)
   */
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The usable input the shown (or coming) checks are for. */
  private checkedKey: string;
  private runs = 0;

  constructor(
    readonly files: readonly OpenedCloudConfig[],
    checks: readonly CloudConfigFileCheck[],
    private readonly nodeIds: readonly NodeId[],
    readonly kubeVip: boolean,
    private readonly recheck: Recheck = recheckRunner(),
  ) {
    const input: CheckInput = { addresses: [], loadBalancer: false };
    super({ input, checks, checking: false, failed: null, applied: null });
    this.checkedKey = this.keyOf(input);
  }

  private keyOf(input: CheckInput): string {
    return JSON.stringify([usableAddresses(input, this.files.length), input.loadBalancer]);
  }

  /** The address typed for the file at `index`. */
  setAddress(index: number, text: string): void {
    const { input } = this.getState();
    const addresses = Array.from({ length: this.files.length }, (_, i) => (i === index ? text : (input.addresses[i] ?? '')));
    this.update({ ...input, addresses });
  }

  setLoadBalancer(loadBalancer: boolean): void {
    this.update({ ...this.getState().input, loadBalancer });
  }

  private update(input: CheckInput): void {
    const key = this.keyOf(input);
    clearTimeout(this.timer);
    const checking = key !== this.checkedKey;
    this.set({ ...this.getState(), input, checking, applied: null });
    if (!checking) return;
    this.timer = setTimeout(() => void this.run(input, key), PAUSE_MS);
  }

  private async run(input: CheckInput, key: string): Promise<void> {
    const run = ++this.runs;
    try {
      const checks = await this.recheck(this.files, input);
      if (run !== this.runs || key !== this.keyOf(this.getState().input)) return;
      this.checkedKey = key;
      this.set({ ...this.getState(), checks, checking: false, failed: null });
    } catch (e) {
      if (run === this.runs) this.set({ ...this.getState(), checking: false, failed: (e as Error).message });
    }
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
