/** What each device must bring, from the boot check; nodes that need the same things share a row. */
import type { NeedsGroup } from '@rke2-edge/provider-core';

const NAMES_SHOWN = 8;

const nodeList = (nodes: string[]) =>
  nodes.length > NAMES_SHOWN ? `${nodes.slice(0, NAMES_SHOWN).join(', ')} and ${nodes.length - NAMES_SHOWN} more` : nodes.join(', ');

export function SheetNeeds({ groups }: { groups: NeedsGroup[] | null }) {
  return (
    <section aria-labelledby="sheet-needs">
      <h2 id="sheet-needs">What each device needs</h2>
      {groups === null ? (
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
            {groups.map((g) => (
              <tr key={g.nodes.join(',')}>
                <th scope="row">{nodeList(g.nodes)}</th>
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
