/**
 * The site sheet's drawing: the servers on the top row, the control-plane endpoint (the init node,
 * the kube-vip VIP or the load balancer) in the middle, the workers below. Every node is linked to
 * the endpoint, which is what it joins through (the provider's `server: https://HOST:9345`), so no
 * worker is drawn hanging under one server.
 */
import type { SheetNode, SiteSheet } from '@rke2-edge/provider-core';

/** Nodes drawn per row before "+ N more". */
const DRAWN_PER_ROW = 12;
const WIDTH = 760;
const BOX_W = 56;
const BOX_H = 30;
const SERVERS_Y = 10;
const ENDPOINT_Y = 85;
const ENDPOINT_H = 36;
const WORKERS_Y = 160;

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const ENDPOINT_WORDS: Record<SiteSheet['endpoint'], string> = {
  'init-node': 'init node',
  'kube-vip': 'kube-vip VIP',
  'load-balancer': 'load balancer',
};

/** A row of boxes, each linked to the endpoint: from its bottom edge (servers) or its top edge (workers). */
function NodeRow({ nodes, y, linkTo }: { nodes: SheetNode[]; y: number; linkTo: 'below' | 'above' }) {
  const drawn = nodes.slice(0, DRAWN_PER_ROW);
  const gap = WIDTH / (drawn.length + (nodes.length > drawn.length ? 1 : 0) + 1);
  const endpointEdge = linkTo === 'below' ? ENDPOINT_Y : ENDPOINT_Y + ENDPOINT_H;
  return (
    <>
      {drawn.map((n, i) => {
        const x = gap * (i + 1);
        return (
          <g key={`${n.name}-${i}`}>
            <line x1={x} y1={linkTo === 'below' ? y + BOX_H : y} x2={WIDTH / 2} y2={endpointEdge} className="topology-link" />
            <rect x={x - BOX_W / 2} y={y} width={BOX_W} height={BOX_H} rx={4} className={`topology-node topology-${n.role}`} />
            <text x={x} y={y + 19} textAnchor="middle">
              {n.name.length > 8 ? `${n.name.slice(0, 7)}…` : n.name}
            </text>
          </g>
        );
      })}
      {nodes.length > drawn.length && (
        <text x={gap * (drawn.length + 1)} y={y + 19} textAnchor="middle">
          + {nodes.length - drawn.length} more
        </text>
      )}
    </>
  );
}

export function SheetTopology({ sheet }: { sheet: SiteSheet }) {
  const { servers, workers, controlPlaneHost } = sheet;
  return (
    <figure className="topology">
      <svg
        viewBox={`0 0 ${WIDTH} 200`}
        role="img"
        aria-label={`Topology: ${servers.length} server(s) behind ${controlPlaneHost}, ${workers.length} worker(s)`}
      >
        <NodeRow nodes={servers} y={SERVERS_Y} linkTo="below" />
        <NodeRow nodes={workers} y={WORKERS_Y} linkTo="above" />
        <rect x={WIDTH / 2 - 150} y={ENDPOINT_Y} width={300} height={ENDPOINT_H} rx={18} className="topology-vip" />
        <text x={WIDTH / 2} y={ENDPOINT_Y + 23} textAnchor="middle">
          control plane {controlPlaneHost} ({ENDPOINT_WORDS[sheet.endpoint]})
        </text>
      </svg>
      <figcaption>
        {plural(servers.length, 'server')} (init + control planes, which also open {sheet.serverOnlyPorts}) ·{' '}
        {plural(workers.length, 'worker')}; every node joins through the control plane at {controlPlaneHost}
      </figcaption>
    </figure>
  );
}
