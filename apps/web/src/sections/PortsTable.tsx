/** The inbound ports each kind of node must open (provider-core's portTable): the network section and the print sheet show this table. */
import type { PortRow } from '@rke2-edge/provider-core';
import { ScrollRegion } from '@rke2-edge/ui';

const yesNo = (v: boolean) => (v ? 'yes' : 'no');

export function PortsTable({ ports }: { ports: PortRow[] }) {
  return (
    <section aria-labelledby="ports-title" className="table-section">
      <h3 id="ports-title">Ports to open (inbound)</h3>
      <ScrollRegion labelledBy="ports-title">
        <table>
          <thead>
            <tr>
              <th scope="col">Port</th>
              <th scope="col">Protocol</th>
              <th scope="col">From</th>
              <th scope="col">Servers</th>
              <th scope="col">Workers</th>
              <th scope="col">Purpose</th>
            </tr>
          </thead>
          <tbody>
            {ports.map((row) => (
              <tr key={`${row.port}/${row.protocol}`}>
                <th scope="row">{row.port}</th>
                <td>{row.protocol}</td>
                <td>{row.from}</td>
                <td>{yesNo(row.servers)}</td>
                <td>{yesNo(row.workers)}</td>
                <td>{row.purpose}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
