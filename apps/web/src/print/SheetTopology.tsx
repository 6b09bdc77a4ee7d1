/** The site sheet's drawing: servers on one row under the control-plane address, workers below, each box labelled. */
import type { SheetNode, SiteSheet } from '@rke2-edge/provider-core';

/** Nodes drawn per row before "+ N more". */
const DRAWN_PER_ROW = 12;
const WIDTH = 760;
const BOX_W = 56;

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function NodeRow({ nodes, y }: { nodes: SheetNode[]; y: number }) {
  const drawn = nodes.slice(0, DRAWN_PER_ROW);
  const gap = WIDTH / (drawn.length + (nodes.length > drawn.length ? 1 : 0) + 1);
  return (
    <>
      {drawn.map((n, i) => (
        <g key={`${n.name}-${i}`} transform={`translate(${gap * (i + 1) - BOX_W / 2}, ${y})`}>
          <line x1={BOX_W / 2} y1={0} x2={WIDTH / 2 - gap * (i + 1) + BOX_W / 2} y2={-y + 46} className="topology-link" />
          <rect width={BOX_W} height={30} rx={4} className={`topology-node topology-${n.role}`} />
          <text x={BOX_W / 2} y={19} textAnchor="middle">
            {n.name.length > 8 ? `${n.name.slice(0, 7)}…` : n.name}
          </text>
        </g>
      ))}
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
        viewBox={`0 0 ${WIDTH} 210`}
        role="img"
        aria-label={`Topology: ${servers.length} server(s) behind ${controlPlaneHost}, ${workers.length} worker(s)`}
      >
        <rect x={WIDTH / 2 - 110} y={10} width={220} height={36} rx={18} className="topology-vip" />
        <text x={WIDTH / 2} y={33} textAnchor="middle">
          control plane {controlPlaneHost}
        </text>
        <NodeRow nodes={servers} y={90} />
        <NodeRow nodes={workers} y={160} />
      </svg>
      <figcaption>
        {plural(servers.length, 'server')} (init + control planes, which also open {sheet.serverOnlyPorts}) ·{' '}
        {plural(workers.length, 'worker')}
      </figcaption>
    </figure>
  );
}
