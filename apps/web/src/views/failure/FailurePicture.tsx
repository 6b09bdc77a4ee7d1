/**
 * The failure view's picture, drawn from provider-core's FailureOutcome: the control-plane
 * endpoint on top, the servers (with their etcd member and API server) under it, the etcd members
 * joined by one line, the Kubernetes API as a bar, the workers below. Failed nodes are crossed
 * out; links that no longer carry traffic are dashed. The text alternative is the model's own
 * sentence (pictureLabel); the drawing repeats nothing the words below it do not say.
 */
import type { FailureOutcome, NodeOutcome } from '@rke2-edge/provider-core';
import type { ReactNode } from 'react';

/** Nodes drawn per row before "+ N more". */
const DRAWN_PER_ROW = 10;
const BOX_W = 76;
const GAP = 14;
const MARGIN = 20;
const Y = { endpoint: 8, servers: 84, etcd: 146, api: 184, workers: 218 } as const;
const SERVER_H = 42;
const WORKER_H = 34;

const ENDPOINT_NAMES: Record<FailureOutcome['endpoint']['kind'], string> = {
  'init-node': 'init node',
  'kube-vip': 'kube-vip VIP',
  'load-balancer': 'load balancer',
};

const short = (name: string) => (name.length > 10 ? `${name.slice(0, 9)}…` : name);

interface Placed {
  node: NodeOutcome;
  x: number;
}

/** The x of each drawn node's box (left edge), centred in `width`, and how many were left out. */
function placeRow(nodes: NodeOutcome[], width: number): { placed: Placed[]; more: number; moreX: number } {
  const drawn = nodes.slice(0, DRAWN_PER_ROW);
  const more = nodes.length - drawn.length;
  const slots = drawn.length + (more > 0 ? 1 : 0);
  const rowWidth = slots * BOX_W + Math.max(0, slots - 1) * GAP;
  const left = (width - rowWidth) / 2;
  return {
    placed: drawn.map((node, i) => ({ node, x: left + i * (BOX_W + GAP) })),
    more,
    moreX: left + drawn.length * (BOX_W + GAP) + BOX_W / 2,
  };
}

function CrossOut({ x, y, h }: { x: number; y: number; h: number }) {
  return (
    <g className="failure-cross">
      <line x1={x + 4} y1={y + 4} x2={x + BOX_W - 4} y2={y + h - 4} />
      <line x1={x + BOX_W - 4} y1={y + 4} x2={x + 4} y2={y + h - 4} />
    </g>
  );
}

/** A node's box at (x, y), crossed out when it failed, with its (short) name and what `children` add. */
function NodeBox({
  node,
  x,
  y,
  h,
  nameY,
  upClass,
  children,
}: {
  node: NodeOutcome;
  x: number;
  y: number;
  h: number;
  nameY: number;
  upClass: string;
  children?: ReactNode;
}) {
  return (
    <g>
      <rect x={x} y={y} width={BOX_W} height={h} rx={4} className={node.failed ? 'failure-node failure-node-down' : upClass} />
      {node.failed && <CrossOut x={x} y={y} h={h} />}
      <text x={x + BOX_W / 2} y={y + nameY} textAnchor="middle" className={node.failed ? 'failure-label-down' : undefined}>
        {short(node.name)}
      </text>
      {children}
    </g>
  );
}

const linkClass = (live: boolean) => (live ? 'failure-link' : 'failure-link failure-link-lost');

export function FailurePicture({ outcome }: { outcome: FailureOutcome }) {
  const servers = outcome.nodes.filter((n) => n.role !== 'worker');
  const workers = outcome.nodes.filter((n) => n.role === 'worker');
  const widest = Math.min(DRAWN_PER_ROW + 1, Math.max(servers.length, workers.length, 4));
  const width = widest * BOX_W + (widest - 1) * GAP + 2 * MARGIN;
  const height = workers.length > 0 ? Y.workers + WORKER_H + 8 : Y.api + 24;
  const serverRow = placeRow(servers, width);
  const workerRow = placeRow(workers, width);
  const { endpoint, etcd, api } = outcome;
  const center = width / 2;
  const pillW = Math.min(width - 2 * MARGIN, 300);
  const served = new Set(endpoint.servedBy);
  const etcdXs = serverRow.placed.filter((p) => p.node.etcdMember).map((p) => p.x + BOX_W / 2);
  const etcdText =
    etcd.datastore === 'embedded'
      ? `etcd: ${etcd.survivors} of ${etcd.members} up, quorum ${etcd.quorum}: ${etcd.holds ? 'holds' : 'LOST'}`
      : etcd.datastore === 'external'
        ? 'external datastore (outside the design)'
        : 'no etcd';
  return (
    <figure className="failure-picture">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={outcome.pictureLabel}>
        {/* endpoint → the servers that answer at the host */}
        {serverRow.placed
          .filter((p) => p.node.apiServer)
          .map((p) => (
            <line
              key={`ep-${p.node.index}`}
              x1={center}
              y1={Y.endpoint + 32}
              x2={p.x + BOX_W / 2}
              y2={Y.servers}
              className={linkClass(served.has(p.node.index))}
            />
          ))}
        <rect
          x={center - pillW / 2}
          y={Y.endpoint}
          width={pillW}
          height={32}
          rx={16}
          className={endpoint.survives ? 'failure-endpoint' : 'failure-endpoint failure-endpoint-lost'}
        />
        <text x={center} y={Y.endpoint + 21} textAnchor="middle">
          {`${ENDPOINT_NAMES[endpoint.kind]} ${endpoint.host || '(no host)'}${endpoint.survives ? '' : ': no answer'}`}
        </text>

        {/* servers → the API bar */}
        {serverRow.placed
          .filter((p) => p.node.apiServer)
          .map((p) => (
            <line
              key={`api-${p.node.index}`}
              x1={p.x + BOX_W / 2}
              y1={Y.servers + SERVER_H}
              x2={p.x + BOX_W / 2}
              y2={Y.api}
              className={linkClass(!p.node.failed && api.works)}
            />
          ))}
        {etcdXs.length > 1 && (
          <line
            x1={etcdXs[0]}
            y1={Y.etcd}
            x2={etcdXs.at(-1)}
            y2={Y.etcd}
            className={etcd.holds ? 'failure-etcd' : 'failure-etcd failure-link-lost'}
          />
        )}
        {serverRow.placed
          .filter((p) => p.node.etcdMember)
          .map((p) => (
            <circle
              key={`etcd-${p.node.index}`}
              cx={p.x + BOX_W / 2}
              cy={Y.etcd}
              r={5}
              className={p.node.failed ? 'failure-member failure-member-lost' : 'failure-member'}
            />
          ))}
        <text x={center} y={Y.etcd + 20} textAnchor="middle" className="failure-small failure-label">
          {etcdText}
        </text>

        {serverRow.placed.map(({ node, x }) => (
          <NodeBox key={`s-${node.index}`} node={node} x={x} y={Y.servers} h={SERVER_H} nameY={17} upClass="failure-node failure-server">
            <text x={x + BOX_W / 2} y={Y.servers + 33} textAnchor="middle" className="failure-small">
              {[node.etcdMember && 'etcd', node.apiServer && 'API'].filter(Boolean).join(' · ') || node.role}
            </text>
          </NodeBox>
        ))}
        {serverRow.more > 0 && (
          <text x={serverRow.moreX} y={Y.servers + 26} textAnchor="middle">
            + {serverRow.more} more
          </text>
        )}

        <line
          x1={MARGIN}
          y1={Y.api}
          x2={width - MARGIN}
          y2={Y.api}
          className={api.works ? 'failure-api' : 'failure-api failure-link-lost'}
        />

        {workerRow.placed.map(({ node, x }) => (
          <g key={`w-${node.index}`}>
            <line x1={x + BOX_W / 2} y1={Y.api} x2={x + BOX_W / 2} y2={Y.workers} className={linkClass(node.reachesApi)} />
            <NodeBox node={node} x={x} y={Y.workers} h={WORKER_H} nameY={22} upClass="failure-node" />
          </g>
        ))}
        {workerRow.more > 0 && (
          <text x={workerRow.moreX} y={Y.workers + 22} textAnchor="middle">
            + {workerRow.more} more
          </text>
        )}
        {/* last, so the worker links run under it */}
        <text x={width - MARGIN} y={Y.api + 15} textAnchor="end" className="failure-small failure-label">
          {api.works ? 'Kubernetes API: works' : 'Kubernetes API: down'}
        </text>
      </svg>
      <figcaption>Crossed out: failed. Dashed: a link or service that no longer works. Dots: etcd members.</figcaption>
    </figure>
  );
}
