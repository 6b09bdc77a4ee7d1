/**
 * What breaks when nodes of a site fail: etcd quorum, the Kubernetes API, the control-plane
 * endpoint nodes join and clients connect through, and each node's workloads, as data and in
 * plain words, with one verdict (keeps working, degraded, down). The facts it rests on:
 *
 * - etcd needs floor(n/2)+1 of its n members; without quorum it accepts no update and the API
 *   server, which keeps all cluster state there, stops working (etcdQuorum.ts). Recovery: bring
 *   members back, or `rke2 server --cluster-reset` on a surviving server, or a snapshot restore
 *   with `--cluster-reset-restore-path` (https://docs.rke2.io/datastore/backup_restore).
 * - Every node but the init node joins through `server: https://<control-plane host>:9345`
 *   (provider/userConfigJson.ts). Once joined, an RKE2 agent talks to the servers through its own
 *   client load balancer, which learns every server's address from the API, fails over between
 *   them and saves the list to `<data-dir>/agent/etc/rke2-agent-load-balancer.json`, read again
 *   on restart (k3s-io/k3s pkg/agent/loadbalancer: loadbalancer.go, servers.go, config.go). So a
 *   lost init node stops new and reinstalled nodes and clients of the host, not joined nodes.
 * - kube-vip runs on every server and elects the VIP holder through a Kubernetes lease
 *   (site/kubeVipSteps.ts): the VIP moves to a surviving API server while the API works, and is
 *   lost when it does not.
 * - A load balancer is outside the design: it can only send traffic to servers that are up.
 * - Pods of a node that is down are evicted after 300 s (the not-ready/unreachable tolerations
 *   DefaultTolerationSeconds adds) and recreated elsewhere by their controllers, which needs the
 *   API (https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions).
 *   Without the API, running pods keep running and the kubelet restarts their containers, but
 *   nothing is scheduled, changed or moved.
 */
import type { FactSource } from './factSource.js';
import { quorumCount, type QuorumCount } from './etcdQuorum.js';
import type { FailureNode, FailureTopology } from './failureTopology.js';

export type FailureVerdict = 'keeps-working' | 'degraded' | 'down';

export const VERDICT_LABELS: Record<FailureVerdict, string> = { 'keeps-working': 'Keeps working', degraded: 'Degraded', down: 'Down' };

export interface EtcdOutcome extends QuorumCount {
  /** embedded: etcd members on the servers; external: datastore-endpoint; none: no server runs etcd. */
  datastore: 'embedded' | 'external' | 'none';
  memberNodes: number[];
  failedMembers: number[];
  words: string;
}

export interface ApiOutcome {
  /** The Kubernetes API works: its datastore has quorum (or is external) and a server running it is up. */
  works: boolean;
  servers: number[];
  survivors: number[];
  words: string;
}

export interface EndpointOutcome {
  kind: FailureTopology['endpoint'];
  host: string;
  /** Clients of the control-plane host (kubectl, anything outside the cluster) still reach a working API there. */
  survives: boolean;
  /** New or reinstalled nodes can join through `https://<host>:9345`. */
  joinsWork: boolean;
  /** Nodes that can answer at the host now: the join node, the VIP's candidates, or the balancer's targets. */
  servedBy: number[];
  words: string;
}

export interface NodeOutcome {
  index: number;
  name: string;
  role: FailureNode['role'];
  failed: boolean;
  etcdMember: boolean;
  apiServer: boolean;
  /** Up and still reaching a working API (false for a failed node). */
  reachesApi: boolean;
  labels: string[];
  taints: string[];
  words: string;
}

export interface FailureOutcome {
  /** The failed node indexes taken into account: in range, without repeats, in order. */
  failed: number[];
  verdict: FailureVerdict;
  /** One sentence: the verdict and its main reasons. */
  summary: string;
  etcd: EtcdOutcome;
  api: ApiOutcome;
  endpoint: EndpointOutcome;
  nodes: NodeOutcome[];
  /** Labels only failed nodes carry: workloads that select them have nowhere left to run. */
  strandedLabels: { label: string; nodes: string[] }[];
  /** What to do, in order; empty when nothing needs doing. */
  recovery: string[];
  sources: FactSource[];
  /** The picture's text alternative: what is drawn, in one sentence. */
  pictureLabel: string;
}

const SOURCES = {
  etcdFaq: { label: 'etcd FAQ: failure tolerance and odd member counts', url: 'https://etcd.io/docs/v3.5/faq/' },
  etcdRecovery: { label: 'etcd: disaster recovery', url: 'https://etcd.io/docs/v3.5/op-guide/recovery/' },
  rke2Reset: { label: 'RKE2: cluster reset and snapshot restore', url: 'https://docs.rke2.io/datastore/backup_restore' },
  rke2Roles: { label: 'RKE2: server roles (disable-etcd, disable-apiserver)', url: 'https://docs.rke2.io/install/server_roles' },
  agentLb: {
    label: "k3s/RKE2 agent load balancer (pkg/agent/loadbalancer): joined nodes keep and save the servers' list",
    url: 'https://github.com/k3s-io/k3s/tree/master/pkg/agent/loadbalancer',
  },
  kubeVip: { label: 'kube-vip: control-plane VIP with leader election', url: 'https://kube-vip.io/docs/about/architecture/' },
  eviction: {
    label: 'Kubernetes: taint-based evictions (pods of a lost node move after 300 s)',
    url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/#taint-based-evictions',
  },
} satisfies Record<string, FactSource>;

/** kube-vip's lease duration in seconds (site/kubeVipSteps.ts): about how long the VIP takes to move. */
const VIP_MOVE_SECONDS = 15;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const isAre = (n: number) => (n === 1 ? 'is' : 'are');

/** "a", "a and b", "a, b and c" (at most `max` names, then "and N more"); `or` joins the last with "or". */
function nameList(names: readonly string[], { max = 6, or = false } = {}): string {
  const shown = names.length > max ? [...names.slice(0, max - 1), `${names.length - max + 1} more`] : [...names];
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} ${or ? 'or' : 'and'} ${shown.at(-1)}`;
}

/** The failed indexes that name nodes of the topology, without repeats, in order. */
function validFailed(topology: FailureTopology, failed: Iterable<number>): number[] {
  const n = topology.nodes.length;
  return [...new Set([...failed].filter((i) => Number.isInteger(i) && i >= 0 && i < n))].sort((a, b) => a - b);
}

/** Everything above the nodes: computed from the failed set alone, so the worst single failure costs O(nodes). */
interface ClusterState {
  failed: ReadonlySet<number>;
  etcd: EtcdOutcome;
  api: ApiOutcome;
  endpoint: EndpointOutcome;
  /** Some node failed and no surviving node takes pods without tolerations. */
  nowhereToRun: boolean;
  verdict: FailureVerdict;
  summary: string;
}

function etcdOutcome(topology: FailureTopology, failed: ReadonlySet<number>): EtcdOutcome {
  const names = (indexes: number[]) => nameList(indexes.map((i) => topology.nodes[i]!.name));
  const memberNodes = topology.etcdMembers;
  const failedMembers = memberNodes.filter((i) => failed.has(i));
  const count = quorumCount(memberNodes.length, failedMembers.length);
  if (topology.externalDatastore) {
    return {
      ...count,
      holds: true,
      datastore: 'external',
      memberNodes,
      failedMembers,
      words:
        'The servers keep cluster state in an external datastore (datastore-endpoint), not in etcd on the nodes: whether it stays available is outside this design.',
    };
  }
  if (memberNodes.length === 0) {
    const words =
      topology.nodes.length === 0
        ? 'The site has no servers, so there is no etcd.'
        : !hasServer(topology)
          ? `The site has only workers: with no server there is no control plane at all (no etcd, no Kubernetes API, nothing to join). Add an init server in the Nodes section.`
          : 'No server runs etcd (each has disable-etcd) and none names a datastore-endpoint: the cluster has nowhere to keep its state.';
    return { ...count, datastore: 'none', memberNodes, failedMembers, words };
  }
  const { members, survivors, quorum, holds, spare } = count;
  const needs = `${survivors} of ${members} ${members === 1 ? 'member is' : 'members are'} up and ${quorum} ${isAre(quorum)} needed`;
  const down = failedMembers.length > 0 ? ` (${names(failedMembers)} ${isAre(failedMembers.length)} down)` : '';
  let words: string;
  if (!holds) {
    words = `etcd loses quorum: ${needs}${down}. It accepts no change, so the Kubernetes API cannot change anything and most reads fail: nothing is created, scheduled, moved or deleted until quorum is back.`;
  } else if (failedMembers.length === 0) {
    const canLose = spare > 0 ? `it can lose ${plural(spare, 'member')}` : members === 1 ? 'it cannot lose it' : 'it cannot lose any';
    words = `etcd has ${plural(members, 'member')} (${names(memberNodes)}) and needs ${quorum} for quorum: ${canLose}.`;
  } else {
    words = `etcd keeps quorum: ${needs}${down}. ${spare === 0 ? 'It cannot lose another member.' : `It can lose ${plural(spare, 'more member')}.`}`;
  }
  if (members % 2 === 0) {
    words += ` With ${members} members etcd tolerates no more failures than with ${members - 1}${members === 2 ? ': losing either server stops the cluster, so two servers are less available than one. Use three' : ''}.`;
  }
  return { ...count, datastore: 'embedded', memberNodes, failedMembers, words };
}

const hasServer = (topology: FailureTopology): boolean => topology.nodes.some((n) => n.role !== 'worker');

function apiOutcome(topology: FailureTopology, failed: ReadonlySet<number>, etcd: EtcdOutcome): ApiOutcome {
  const servers = topology.apiServers;
  const survivors = servers.filter((i) => !failed.has(i));
  const works = etcd.holds && survivors.length > 0;
  const runs = `The Kubernetes API runs on ${plural(servers.length, 'server')}`;
  let words: string;
  if (servers.length === 0)
    words = hasServer(topology)
      ? 'No server runs the Kubernetes API (each has disable-apiserver).'
      : 'No node runs the Kubernetes API: there is no server.';
  else if (survivors.length === 0)
    words = `${runs}, and ${servers.length === 1 ? 'it is down' : 'none of them is up'}: nothing can reach the API.`;
  else if (!etcd.holds) words = `${runs} (${survivors.length} up), but without its datastore it cannot work.`;
  else words = `${runs}; ${survivors.length} ${isAre(survivors.length)} up and answer${survivors.length === 1 ? 's' : ''}.`;
  return { works, servers, survivors, words };
}

function endpointOutcome(topology: FailureTopology, failed: ReadonlySet<number>, api: ApiOutcome): EndpointOutcome {
  const { endpoint: kind, controlPlaneHost: host, nodes } = topology;
  const names = (indexes: number[]) => nameList(indexes.map((i) => nodes[i]!.name));
  const base = { kind, host };
  if (kind === 'init-node') {
    const join = topology.joinNode;
    if (join === null) return { ...base, survives: false, joinsWork: false, servedBy: [], words: unservedHostWords(topology) };
    const node = nodes[join]!;
    const up = !failed.has(join);
    const joinsWork = up && api.works;
    const survives = joinsWork && node.components.apiServer;
    const via =
      nodes.length > 1
        ? `Every other node joins through ${node.name} (https://${host}:9345)`
        : `The control-plane host ${host} is ${node.name}`;
    if (up) {
      return {
        ...base,
        survives,
        joinsWork,
        servedBy: [join],
        words: api.works ? `${via}, which is up.` : `${via}, which is up but cannot let anyone in while the API does not work.`,
      };
    }
    return {
      ...base,
      survives: false,
      joinsWork: false,
      servedBy: [],
      words: `${via}, which is down. ${
        api.works
          ? `Nodes that already joined keep reaching the surviving servers (each keeps the list of servers it learned, even across a restart), but kubectl at ${host}, new nodes and reinstalled nodes cannot get in until ${node.name} is back.`
          : 'Nothing can join, and nothing could work once joined, until the cluster is back.'
      }`,
    };
  }
  const servedBy = api.works ? api.survivors : [];
  const survives = servedBy.length > 0;
  if (kind === 'kube-vip') {
    const lostServers = api.servers.filter((i) => failed.has(i));
    let words: string;
    if (survives) {
      words =
        lostServers.length > 0
          ? `kube-vip moves the VIP ${host} to a surviving server (${nameList(
              servedBy.map((i) => nodes[i]!.name),
              { or: true },
            )}) within about ${VIP_MOVE_SECONDS} s, if it was on ${nameList(
              lostServers.map((i) => nodes[i]!.name),
              { or: true },
            )}: joins and kubectl keep working.`
          : `kube-vip holds the VIP ${host} on one of the servers (${nameList(
              servedBy.map((i) => nodes[i]!.name),
              { or: true },
            )}).`;
    } else if (api.survivors.length === 0) {
      words = `The VIP ${host} is lost: no server that could hold it is up.`;
    } else {
      words = `The VIP ${host} is lost: kube-vip keeps its holder through a Kubernetes lease, which cannot be renewed while the API does not work.`;
    }
    return { ...base, survives, joinsWork: survives, servedBy, words };
  }
  const words = survives
    ? `The load balancer at ${host} can send traffic to ${names(servedBy)}${
        api.servers.some((i) => failed.has(i)) ? ', if its health checks take the failed servers out' : ''
      }. The load balancer itself is outside this design.`
    : `The load balancer at ${host} has no working server behind it.`;
  return { ...base, survives, joinsWork: survives, servedBy, words };
}

/**
 * init-node, when nothing can serve the control-plane host: only the init node starts without
 * joining, and every other node (servers too) first joins through https://host:9345.
 */
function unservedHostWords(topology: FailureTopology): string {
  const { controlPlaneHost: host, nodes, hostNode } = topology;
  const init = nodes.find((n) => n.role === 'init');
  const at = hostNode === null ? null : nodes[hostNode]!;
  const why =
    init === undefined
      ? `There is no init node, so nothing serves the control-plane host ${host || '(empty)'}`
      : at === null
        ? `No node has the control-plane host's address ${host}, so nothing serves https://${host}:9345`
        : at.role === 'worker'
          ? `The control-plane host ${host} is the address of ${at.name}, a worker: an RKE2 agent serves neither registration (9345) nor the Kubernetes API (6443)`
          : `The control-plane host ${host} is the address of ${at.name}, which is not the init node: ${at.name} itself joins through that address first, so it never starts and nothing serves it`;
  return `${why}. No node can join, and kubectl at ${host || 'the host'} fails, whichever nodes are up${
    init
      ? `: until the host is ${init.name}'s address (or kube-vip or a load balancer serves it), only ${init.name} ever runs, and what this view says of the other nodes assumes they joined`
      : ''
  }.`;
}

function clusterState(topology: FailureTopology, failed: ReadonlySet<number>, failedSchedulable: number): ClusterState {
  const etcd = etcdOutcome(topology, failed);
  const api = apiOutcome(topology, failed, etcd);
  const endpoint = endpointOutcome(topology, failed, api);
  const nowhereToRun = failed.size > 0 && failed.size < topology.nodes.length && topology.schedulableCount - failedSchedulable === 0;
  const failedNames = nameList([...failed].sort((a, b) => a - b).map((i) => topology.nodes[i]!.name));
  const outcome = (verdict: FailureVerdict, summary: string): ClusterState => ({
    failed,
    etcd,
    api,
    endpoint,
    nowhereToRun,
    verdict,
    summary,
  });

  if (failed.size === 0) {
    if (topology.nodes.length > 0 && api.works && !endpoint.joinsWork) {
      return outcome('degraded', `Degraded even with every node up: ${endpoint.words}`);
    }
    const summary =
      topology.nodes.length === 0
        ? 'The site has no nodes yet.'
        : api.works
          ? 'Nothing has failed: mark a node as failed to see what its loss does.'
          : `Down even with every node up: ${etcd.holds ? api.words : etcd.words}`;
    return outcome(api.works ? 'keeps-working' : 'down', summary);
  }
  if (!api.works) {
    const cause =
      failed.size === topology.nodes.length
        ? 'every node is down.'
        : !etcd.holds && etcd.datastore === 'embedded'
          ? `${
              etcd.members === 1
                ? `etcd's only member, ${topology.nodes[etcd.memberNodes[0]!]!.name}, is down`
                : `etcd has ${etcd.survivors} of ${etcd.members} members up and needs ${etcd.quorum}`
            }, so the Kubernetes API stops working.`
          : !etcd.holds
            ? 'the cluster has no datastore.'
            : 'no server running the Kubernetes API is up.';
    const tail = failed.size === topology.nodes.length ? '' : ' Pods on the nodes still up keep running, but nothing can be changed.';
    return outcome('down', `Down: ${cause}${tail}`);
  }
  const reasons: string[] = [];
  if (etcd.datastore === 'embedded' && etcd.failedMembers.length > 0 && etcd.spare === 0)
    reasons.push('one more server failure would stop it');
  if (!endpoint.joinsWork) {
    // With a working API only the init-node endpoint can fail to let nodes join: its node is down, or nothing serves the host.
    const hostDown = topology.joinNode !== null && failed.has(topology.joinNode);
    reasons.push(
      `${hostDown ? `the control-plane host ${topology.controlPlaneHost} is down` : `nothing serves the control-plane host ${topology.controlPlaneHost}`}, so kubectl there fails and no node can join or rejoin`,
    );
  } else if (!endpoint.survives) {
    reasons.push(`the node at ${topology.controlPlaneHost} lets nodes join but runs no API server, so kubectl there fails`);
  }
  if (nowhereToRun) reasons.push('no node still up accepts ordinary workloads (all are tainted NoSchedule or NoExecute)');
  if (reasons.length > 0) return outcome('degraded', `Degraded: the cluster keeps working, but ${nameList(reasons)}.`);
  const margin =
    etcd.datastore === 'embedded' && etcd.failedMembers.length > 0 ? ` etcd can still lose ${plural(etcd.spare, 'more member')}.` : '';
  const moved = `the pods of ${failedNames} are recreated on other nodes after about 5 minutes`;
  return outcome('keeps-working', `Keeps working: ${moved}.${margin}`);
}

function nodeOutcome(node: FailureNode, failed: boolean, apiWorks: boolean): NodeOutcome {
  const { etcd, apiServer } = node.components;
  const runs = [etcd && 'etcd member', apiServer && node.role !== 'worker' && 'API server'].filter(Boolean).join(' and ');
  let words: string;
  if (failed) {
    const lost = runs ? `Down, with its ${runs}. ` : 'Down. ';
    words =
      lost +
      (apiWorks
        ? 'Its pods stop; after about 5 minutes Kubernetes evicts them and their controllers (Deployments, StatefulSets…) recreate them on nodes that match their selectors.'
        : 'Its pods stop, and nothing recreates them elsewhere while the API is down.');
  } else if (apiWorks) {
    words =
      node.role === 'worker'
        ? 'Up; reaches the API through the servers still up and keeps its pods.'
        : `Up${runs ? `, runs its ${runs}` : ''} and keeps its pods.`;
  } else {
    words =
      'Up, but without a control plane: its pods keep running and crashed containers restart, but nothing is scheduled, changed or moved until the API is back.';
  }
  return {
    index: node.index,
    name: node.name,
    role: node.role,
    failed,
    etcdMember: etcd,
    apiServer: apiServer && node.role !== 'worker',
    reachesApi: !failed && apiWorks,
    labels: node.labels,
    taints: node.taints,
    words,
  };
}

function strandedLabels(topology: FailureTopology, failed: ReadonlySet<number>): FailureOutcome['strandedLabels'] {
  if (failed.size === 0) return [];
  const kept = new Set(topology.nodes.filter((n) => !failed.has(n.index)).flatMap((n) => n.labels));
  const stranded = new Map<string, string[]>();
  for (const i of failed) {
    const node = topology.nodes[i]!;
    for (const label of node.labels) if (!kept.has(label)) stranded.set(label, [...(stranded.get(label) ?? []), node.name]);
  }
  return [...stranded].map(([label, nodes]) => ({ label, nodes }));
}

function recoverySteps(topology: FailureTopology, state: ClusterState): string[] {
  const { etcd, api, endpoint } = state;
  const names = (indexes: number[]) => nameList(indexes.map((i) => topology.nodes[i]!.name));
  const steps: string[] = [];
  if (state.failed.size === 0) return steps;
  if (etcd.datastore === 'embedded' && !etcd.holds) {
    const missing = etcd.quorum - etcd.survivors;
    const which = missing === etcd.failedMembers.length ? names(etcd.failedMembers) : `${missing} of ${names(etcd.failedMembers)}`;
    steps.push(
      `Bring back ${which}: with ${plural(etcd.quorum, 'member')} up etcd regains quorum by itself and the API comes back.`,
      etcd.survivors > 0
        ? `If they cannot come back: on ${names(etcd.memberNodes.filter((i) => !state.failed.has(i)))}, stop rke2-server and run \`rke2 server --cluster-reset\`; it restarts as a one-member etcd with the data it has. Then remove the lost servers and join new ones.`
        : 'If no etcd member can come back: on a new or rebuilt server, restore an etcd snapshot with `rke2 server --cluster-reset --cluster-reset-restore-path=<snapshot>` (snapshots are kept under /var/lib/rancher/rke2/server/db/snapshots on every etcd node).',
    );
  } else if (!api.works && api.survivors.length === 0) {
    steps.push(`Bring back a server that runs the Kubernetes API (${names(api.servers)}).`);
  }
  if (api.works && topology.endpoint === 'init-node' && topology.joinNode === null) {
    steps.push(
      "Have the control-plane host served (Cluster section): with the init-node endpoint it must be the init node's address; kube-vip or a load balancer can serve it instead. Until then no node can join.",
    );
  }
  if (api.works && topology.endpoint === 'init-node' && topology.joinNode !== null && state.failed.has(topology.joinNode)) {
    steps.push(
      `Bring ${topology.nodes[topology.joinNode]!.name} back: until then nothing can join. To stop depending on one node, let kube-vip or a load balancer serve the control-plane host (Cluster section).`,
    );
  }
  // Without joins (the init node is down) the step above already says what to bring back.
  if (api.works && endpoint.joinsWork && etcd.datastore === 'embedded' && etcd.failedMembers.length > 0 && etcd.spare === 0) {
    const one = etcd.failedMembers.length === 1;
    steps.push(
      `Bring ${names(etcd.failedMembers)} back, or join ${one ? 'a new server in its place' : 'new servers in their place'}, before anything else fails.`,
    );
  }
  return steps;
}

function sourcesFor(topology: FailureTopology, state: ClusterState): FactSource[] {
  const sources: FactSource[] = [];
  if (state.etcd.datastore === 'embedded') sources.push(SOURCES.etcdFaq);
  if (!state.etcd.holds && state.etcd.datastore === 'embedded') sources.push(SOURCES.etcdRecovery, SOURCES.rke2Reset);
  if (
    topology.nodes.some((n) => n.components.externalDatastore || (n.role !== 'worker' && (!n.components.etcd || !n.components.apiServer)))
  )
    sources.push(SOURCES.rke2Roles);
  if (topology.endpoint === 'init-node') sources.push(SOURCES.agentLb);
  if (topology.endpoint === 'kube-vip') sources.push(SOURCES.kubeVip);
  if (state.failed.size > 0) sources.push(SOURCES.eviction);
  return sources;
}

function pictureLabel(topology: FailureTopology, state: ClusterState, nodes: NodeOutcome[]): string {
  const servers = nodes.filter((n) => n.role !== 'worker');
  const workers = nodes.filter((n) => n.role === 'worker');
  const down = nodes.filter((n) => n.failed).map((n) => n.name);
  const etcd =
    state.etcd.datastore === 'embedded'
      ? `, ${state.etcd.survivors} of ${state.etcd.members} etcd members up (quorum ${state.etcd.quorum}, ${state.etcd.holds ? 'holds' : 'lost'})`
      : '';
  const host = `control-plane host ${topology.controlPlaneHost || '(not set)'} ${state.endpoint.survives ? 'answers' : 'does not answer'}`;
  const reach = workers.filter((w) => w.reachesApi).length;
  return `Cluster picture: ${plural(servers.length, 'server')}${etcd}; ${host}; ${reach} of ${plural(workers.length, 'worker')} reach the API${
    down.length > 0 ? `; failed: ${nameList(down)}` : '; no node failed'
  }.`;
}

/** What happens to the site's cluster when the nodes at `failed` (indexes into site.nodes) are down. */
export function failureOutcome(topology: FailureTopology, failed: Iterable<number>): FailureOutcome {
  const indexes = validFailed(topology, failed);
  const failedSet = new Set(indexes);
  const state = clusterState(topology, failedSet, indexes.filter((i) => topology.nodes[i]!.schedulable).length);
  const nodes = topology.nodes.map((node) => nodeOutcome(node, failedSet.has(node.index), state.api.works));
  return {
    failed: indexes,
    verdict: state.verdict,
    summary: state.summary,
    etcd: state.etcd,
    api: state.api,
    endpoint: state.endpoint,
    nodes,
    strandedLabels: strandedLabels(topology, failedSet),
    recovery: recoverySteps(topology, state),
    sources: sourcesFor(topology, state),
    pictureLabel: pictureLabel(topology, state, nodes),
  };
}

export interface WorstSingleFailure {
  /** The node whose loss alone hurts most. */
  index: number;
  name: string;
  verdict: FailureVerdict;
  /** Nodes whose loss alone takes the cluster down, in order. */
  singlePointsOfFailure: number[];
  /** One or two sentences for the top of the view. */
  words: string;
}

const SEVERITY: Record<FailureVerdict, number> = { 'keeps-working': 0, degraded: 1, down: 2 };

/** Orders two scores of equal length by their first differing entry. */
function compareScores(a: readonly number[], b: readonly number[]): number {
  const i = a.findIndex((v, k) => v !== b[k]);
  return i < 0 ? 0 : a[i]! - b[i]!;
}

/**
 * The one node whose loss hurts most: the worst verdict, then a lost endpoint, then the least
 * etcd margin left, then a server before a worker, then the first in the list. Null when there is
 * nothing to lose: no nodes, or a cluster already down with every node up (no server, no etcd…).
 */
export function worstSingleFailure(topology: FailureTopology): WorstSingleFailure | null {
  if (topology.nodes.length === 0 || clusterState(topology, new Set(), 0).verdict === 'down') return null;
  const single = (node: FailureNode) => clusterState(topology, new Set([node.index]), node.schedulable ? 1 : 0);
  // Losing one node changes the cluster through what it runs (etcd member, API server), whether it
  // is the join node, whether it takes ordinary pods, and (for the score) whether it is a server:
  // nodes alike in these are judged once, so a site costs O(nodes × kinds), with at most 12 kinds.
  const kinds = new Map<string, { verdict: FailureVerdict; score: number[] }>();
  let worst: { index: number; score: number[] } | null = null;
  const spofs: number[] = [];
  for (const node of topology.nodes) {
    const { etcd, apiServer } = node.components;
    const kind = [node.role === 'worker', etcd, apiServer, node.schedulable, node.index === topology.joinNode].join();
    let judged = kinds.get(kind);
    if (judged === undefined) {
      const state = single(node);
      judged = {
        verdict: state.verdict,
        score: [SEVERITY[state.verdict], state.endpoint.joinsWork ? 0 : 1, -state.etcd.spare, node.role === 'worker' ? 0 : 1],
      };
      kinds.set(kind, judged);
    }
    if (judged.verdict === 'down') spofs.push(node.index);
    if (worst === null || compareScores(judged.score, worst.score) > 0) worst = { index: node.index, score: judged.score };
  }
  if (worst === null) return null;
  const state = single(topology.nodes[worst.index]!);
  const name = topology.nodes[worst.index]!.name;
  const others = spofs.filter((i) => i !== worst.index).map((i) => topology.nodes[i]!.name);
  let words: string;
  if (state.verdict === 'down') {
    words = `Losing ${name} alone stops the cluster${others.length > 0 ? ` (so does losing ${nameList(others)})` : ''}. ${state.summary}`;
  } else {
    words = `No single node's loss stops the cluster. The worst is losing ${name}. ${state.summary}`;
  }
  return { index: worst.index, name, verdict: state.verdict, singlePointsOfFailure: spofs, words };
}
