/** The run sheet, on a page of its own: provider-core's runSheet, one row per node in install order, a box to tick. */
import { runSheet, type Site } from '@rke2-edge/provider-core';
import { useMemo } from 'react';
import { shownText, useShown, type Redaction } from '../shell/presentation.js';

const RUN_SHEET_ROWS = 40;

export function SheetRunSheet({ site, redact }: { site: Site; redact: Redaction }) {
  const rows = useShown(
    useMemo(() => runSheet(site), [site]),
    redact,
  );
  return (
    <section aria-labelledby="sheet-run" className="run-sheet">
      <h2 id="sheet-run">Run sheet: {shownText(site.name, redact)}</h2>
      <p>
        Install the nodes in this order. Boot a node only once what it waits for is true; tick it when it is done. Each node&apos;s
        README.txt says how.
      </p>
      <table className="sheet-table run-sheet-table">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Node</th>
            <th scope="col">Role</th>
            <th scope="col">Address</th>
            <th scope="col">Plug in</th>
            <th scope="col">Before booting, wait for</th>
            <th scope="col">Done when</th>
            <th scope="col">Done</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, RUN_SHEET_ROWS).map((row, i) => (
            <tr key={i}>
              <td>{row.step}</td>
              <th scope="row">{row.node}</th>
              <td>{row.role}</td>
              <td>{row.address}</td>
              <td>{row.plug}</td>
              <td>{row.waitFor}</td>
              <td>{row.done}</td>
              <td>
                <input type="checkbox" aria-label={`${row.node} done`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > RUN_SHEET_ROWS && <p>…and {rows.length - RUN_SHEET_ROWS} more workers, installed the same way as the last one.</p>}
    </section>
  );
}
