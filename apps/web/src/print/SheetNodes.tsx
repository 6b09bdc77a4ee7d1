/** The site sheet's node list, and the DHCP reservations the network team must make. */
import type { DhcpReservation, SheetNode } from '@rke2-edge/provider-core';

const NODE_TABLE_ROWS = 60;

export function SheetNodes({ nodes }: { nodes: SheetNode[] }) {
  return (
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
          {nodes.slice(0, NODE_TABLE_ROWS).map((n, i) => (
            <tr key={i}>
              <th scope="row">{n.name}</th>
              <td>{n.role}</td>
              <td>{n.address}</td>
              <td>{n.labels.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {nodes.length > NODE_TABLE_ROWS && <p>…and {nodes.length - NODE_TABLE_ROWS} more nodes (see site.json).</p>}
    </section>
  );
}

/** For the network team: the address each DHCP-reservation node must get for its MAC. */
export function DhcpReservations({ reservations }: { reservations: DhcpReservation[] }) {
  if (reservations.length === 0) return null;
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
          {reservations.map((r, i) => (
            <tr key={i}>
              <th scope="row">{r.node}</th>
              <td className="mono">{r.mac || '(not set)'}</td>
              <td className="mono">{r.address || '(not set)'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
