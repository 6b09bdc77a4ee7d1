/**
 * The run sheet: one page a technician ticks off on site, every node in install order
 * (site/installOrder.ts: the init node, the other servers one at a time, then the workers) with
 * what to plug into it and what to wait for before booting it.
 */
import { installOrder } from '../site/installOrder.js';
import { isServerRole, type Site, type SiteNode } from '../site/siteSchema.js';

export interface RunSheetRow {
  step: number;
  node: string;
  role: SiteNode['role'];
  /** The address with how it is obtained, e.g. "192.168.1.21/24 (DHCP reservation)". */
  address: string;
  /** What to plug into the box before booting it. */
  plug: string;
  /** What must be true before booting it. */
  waitFor: string;
  /** What shows it is done. */
  done: string;
}

const HOW: Record<SiteNode['addressing'], string> = { 'dhcp-reservation': 'DHCP reservation', static: 'static' };

/** Server names in a short list: all of them up to 4, else the first and last. */
const serverList = (names: readonly string[]) =>
  names.length <= 4 ? names.join(', ') : `${names[0]} … ${names.at(-1)} (all ${names.length} servers)`;

export function runSheet(site: Site): RunSheetRow[] {
  const archives = site.airGap.imageSource === 'archives';
  return installOrder(site.nodes).map((step) => {
    const node = site.nodes[step.index]!;
    const server = isServerRole(node.role);
    const address = node.address.trim();
    let waitFor = 'nothing: it goes first';
    if (step.waitFor.length === 1 && server) waitFor = `${step.waitFor[0]} Ready`;
    else if (step.waitFor.length > 0) waitFor = `every server Ready (${serverList(step.waitFor)})`;
    return {
      step: step.step,
      node: node.name,
      role: node.role,
      address: address ? `${address} (${HOW[node.addressing]})` : 'from DHCP',
      plug: `Kairos RKE2 installer + the cidata stick labelled ${node.name}${archives ? '; after the install, the images stick' : ''}`,
      waitFor: step.together ? `${waitFor}; the workers can go together` : waitFor,
      done: `rke2-${server ? 'server' : 'agent'} active, ${node.name} Ready`,
    };
  });
}
