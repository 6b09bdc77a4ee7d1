/**
 * A one-page site sheet for demos and change reviews: topology, nodes, ports and the security and
 * network settings. Never shows the token or passwords.
 */
import { isServerRole, type Site, type SiteNode } from '@rke2-edge/provider-core';
import { useEffect } from 'react';
import { nodeCheckOf } from '../preview/nodeCheck.js';
import { IMAGE_SOURCE_LABELS } from '../sections/AirGapSection.js';
import { PortsTable } from '../sections/NetworkSection.js';
import { useAnalysis } from '../state/siteContext.js';

/** Nodes drawn per row of the topology before "+ N more". */
const DRAWN_PER_ROW = 12;
const NODE_TABLE_ROWS = 60;
const ENDPOINT_WORDS: Record<Site['cluster']['endpoint'], string> = {
  'init-node': 'the init node',
  'kube-vip': 'a VIP kube-vip holds on the servers',
  'load-balancer': 'your load balancer',
};

export function PrintSheet({ site, onBack }: { site: Site; onBack: () => void }) {
  useEffect(() => {
    document.title = `${site.name} — site sheet`;
    return () => void (document.title = 'RKE2 Edge Designer');
  }, [site.name]);
  const { security: sec, network: net, proxy, airGap } = site;
  const yesNo = (v: boolean) => (v ? 'yes' : 'no');
  return (
    <main className="print-sheet">
      <div className="no-print toolbar">
        <button type="button" onClick={onBack}>
          Back to the designer
        </button>
        <button type="button" className="primary" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <header>
        <h1>Site sheet: {site.name}</h1>
        {site.description && <p>{site.description}</p>}
        <p>
          RKE2 {site.rke2Version} on Kairos · {site.nodes.length} node{site.nodes.length === 1 ? '' : 's'} · control plane at{' '}
          <code>{site.cluster.controlPlaneHost}</code> ({ENDPOINT_WORDS[site.cluster.endpoint]})
        </p>
      </header>
      <Topology site={site} />
      <div className="sheet-columns">
        <section aria-labelledby="sheet-security">
          <h2 id="sheet-security">Security</h2>
          <dl>
            <dt>FIPS 140 mode</dt>
            <dd>{yesNo(sec.fips)}</dd>
            <dt>CIS profile</dt>
            <dd>{yesNo(sec.cisProfile)}</dd>
            <dt>SELinux</dt>
            <dd>{yesNo(sec.selinux)}</dd>
            <dt>Secrets encryption</dt>
            <dd>{sec.secretsEncryptionProvider}</dd>
            <dt>Pod Security</dt>
            <dd>{sec.cisProfile ? 'restricted (CIS profile)' : sec.podSecurity}</dd>
            <dt>Kubeconfig mode</dt>
            <dd>{sec.writeKubeconfigMode}</dd>
          </dl>
        </section>
        <section aria-labelledby="sheet-network">
          <h2 id="sheet-network">Network</h2>
          <dl>
            <dt>Pods / services</dt>
            <dd>
              {net.clusterCidr} / {net.serviceCidr}
            </dd>
            <dt>CNI / ingress</dt>
            <dd>
              {net.cni}
              {net.multus ? ' + multus' : ''} / {net.ingressController}
            </dd>
            <dt>Proxy</dt>
            <dd>
              {proxy.httpProxy || proxy.httpsProxy
                ? `${proxy.httpProxy || proxy.httpsProxy} (NO_PROXY: ${proxy.noProxy || 'defaults only'})`
                : 'none'}
            </dd>
            <dt>Images</dt>
            <dd>
              from {IMAGE_SOURCE_LABELS[airGap.imageSource]}
              {airGap.imageSource === 'archives' ? ` (${airGap.imagesPath})` : ''}
              {airGap.systemDefaultRegistry ? `, system registry ${airGap.systemDefaultRegistry}` : ''}
              {airGap.mirrors.length ? `, ${airGap.mirrors.length} mirror(s)` : ''}
            </dd>
          </dl>
        </section>
      </div>
      <section aria-labelledby="sheet-nodes">
        <h2 id="sheet-nodes">Nodes</h2>
        <table className="sheet-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Address</th>
              <th scope="col">Labels</th>
            </tr>
          </thead>
          <tbody>
            {site.nodes.slice(0, NODE_TABLE_ROWS).map((n, i) => (
              <tr key={i}>
                <th scope="row">{n.name}</th>
                <td>{n.role}</td>
                <td>{n.address}</td>
                <td>{n.labels.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {site.nodes.length > NODE_TABLE_ROWS && <p>…and {site.nodes.length - NODE_TABLE_ROWS} more nodes (see site.json).</p>}
      </section>
      <DhcpReservations site={site} />
      <Prerequisites site={site} />
      <PortsTable site={site} />
    </main>
  );
}

/** Servers on one row under the control-plane address, workers below, each box labelled. */
function Topology({ site }: { site: Site }) {
  const servers = site.nodes.filter((n) => isServerRole(n.role));
  const workers = site.nodes.filter((n) => !isServerRole(n.role));
  const width = 760;
  const boxW = 56;
  const row = (nodes: SiteNode[], y: number) => {
    const drawn = nodes.slice(0, DRAWN_PER_ROW);
    const gap = width / (drawn.length + (nodes.length > drawn.length ? 1 : 0) + 1);
    return (
      <>
        {drawn.map((n, i) => (
          <g key={`${n.name}-${i}`} transform={`translate(${gap * (i + 1) - boxW / 2}, ${y})`}>
            <line x1={boxW / 2} y1={0} x2={width / 2 - gap * (i + 1) + boxW / 2} y2={-y + 46} className="topology-link" />
            <rect width={boxW} height={30} rx={4} className={`topology-node topology-${n.role}`} />
            <text x={boxW / 2} y={19} textAnchor="middle">
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
  };
  return (
    <figure className="topology">
      <svg
        viewBox={`0 0 ${width} 210`}
        role="img"
        aria-label={`Topology: ${servers.length} server(s) behind ${site.cluster.controlPlaneHost}, ${workers.length} worker(s)`}
      >
        <rect x={width / 2 - 110} y={10} width={220} height={36} rx={18} className="topology-vip" />
        <text x={width / 2} y={33} textAnchor="middle">
          control plane {site.cluster.controlPlaneHost}
        </text>
        {row(servers, 90)}
        {row(workers, 160)}
      </svg>
      <figcaption>
        {servers.length} server{servers.length === 1 ? '' : 's'} (init + control planes: API 6443, join 9345, etcd 2379–2381) ·{' '}
        {workers.length} worker
        {workers.length === 1 ? '' : 's'}
      </figcaption>
    </figure>
  );
}

/** For the network team: the address each DHCP-reservation node must get for its MAC. */
function DhcpReservations({ site }: { site: Site }) {
  const nodes = site.nodes.filter((n) => n.addressing === 'dhcp-reservation');
  if (nodes.length === 0) return null;
  return (
    <section aria-labelledby="sheet-dhcp">
      <h2 id="sheet-dhcp">DHCP reservations (for the network team)</h2>
      <table className="sheet-table">
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">MAC address</th>
            <th scope="col">Address to reserve</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((n, i) => (
            <tr key={i}>
              <th scope="row">{n.name}</th>
              <td className="mono">{n.mac || '(not set)'}</td>
              <td className="mono">{n.address ? n.address.split('/')[0] : '(not set)'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** What each device must bring, from the boot check; nodes that need the same things share a row. */
function Prerequisites({ site }: { site: Site }) {
  const { analysis } = useAnalysis();
  const groups = new Map<string, { needs: string[]; nodes: string[] }>();
  site.nodes.forEach((node, i) => {
    const check = nodeCheckOf(analysis, i);
    if (!check) return;
    const key = JSON.stringify(check.needs);
    const group = groups.get(key) ?? { needs: check.needs, nodes: [] };
    group.nodes.push(node.name);
    groups.set(key, group);
  });
  return (
    <section aria-labelledby="sheet-needs">
      <h2 id="sheet-needs">What each device needs</h2>
      {groups.size === 0 ? (
        <p className="empty">The boot check has not run yet.</p>
      ) : (
        <table className="sheet-table">
          <thead>
            <tr>
              <th scope="col">Nodes</th>
              <th scope="col">Needs</th>
            </tr>
          </thead>
          <tbody>
            {[...groups.values()].map((g) => (
              <tr key={g.nodes.join(',')}>
                <th scope="row">
                  {g.nodes.length > 8 ? `${g.nodes.slice(0, 8).join(', ')} and ${g.nodes.length - 8} more` : g.nodes.join(', ')}
                </th>
                <td>
                  <ul className="sheet-needs">
                    {g.needs.map((need) => (
                      <li key={need}>{need}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
