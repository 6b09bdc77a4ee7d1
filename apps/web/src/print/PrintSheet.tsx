/**
 * A one-page site sheet for demos and change reviews: topology, nodes, ports and the security and
 * network settings, then a label per node (with a QR code) and the run sheet, each on pages of their own.
 * What it shows is provider-core's `siteSheet`; this only lays it out. Never shows
 * the token or passwords.
 */
import { siteSheet, type Site } from '@rke2-edge/provider-core';
import { useMemo } from 'react';
import { useAnalysis } from '../state/siteContext.js';
import { PrintPage } from './PrintPage.js';
import { SheetFacts } from './SheetFacts.js';
import { SheetNeeds } from './SheetNeeds.js';
import { DhcpReservations, SheetNodes } from './SheetNodes.js';
import { PortsTable } from '../sections/PortsTable.js';
import { SheetTopology } from './SheetTopology.js';
import { SheetLabels } from './SheetLabels.js';
import { SheetRunSheet } from './SheetRunSheet.js';

const ENDPOINT_WORDS: Record<Site['cluster']['endpoint'], string> = {
  'init-node': 'the init node',
  'kube-vip': 'a VIP kube-vip holds on the servers',
  'load-balancer': 'your load balancer',
};

export function PrintSheet({ site, onBack }: { site: Site; onBack: () => void }) {
  const { analysis } = useAnalysis();
  const sheet = useMemo(() => siteSheet(site, analysis ?? undefined), [site, analysis]);
  const nodeCount = sheet.nodes.length;
  return (
    <PrintPage className="print-sheet" title={`${sheet.name} — site sheet`} onBack={onBack}>
      <header>
        <h1>Site sheet: {sheet.name}</h1>
        {sheet.description && <p>{sheet.description}</p>}
        <p>
          RKE2 {sheet.rke2Version} on Kairos · {nodeCount} node{nodeCount === 1 ? '' : 's'} · control plane at{' '}
          <code>{sheet.controlPlaneHost}</code> ({ENDPOINT_WORDS[sheet.endpoint]})
        </p>
      </header>
      <SheetTopology sheet={sheet} />
      <SheetFacts sheet={sheet} />
      <SheetNodes nodes={sheet.nodes} />
      <DhcpReservations reservations={sheet.dhcpReservations} />
      <SheetNeeds groups={sheet.needs} />
      <PortsTable ports={sheet.ports} />
      <SheetLabels site={site} />
      <SheetRunSheet site={site} />
    </PrintPage>
  );
}
