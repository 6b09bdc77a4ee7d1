/**
 * A one-page site sheet for demos and change reviews: topology, nodes, ports and the security and
 * network settings, then a label per node (with a QR code) and the run sheet, each on pages of their own.
 * What it shows is provider-core's `siteSheet`; this only lays it out. Never shows
 * the token or passwords: in presentation mode every text comes from the masked site, redacted,
 * while the labels still hash the real files (those on the stick).
 */
import { siteSheet, type MaskedSite, type Site } from '@rke2-edge/provider-core';
import { useMemo } from 'react';
import { useShown } from '../shell/presentation.js';
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

/** `site`: the real site; `masked`: presentation mode's masked site (null while the mode is off). */
export function PrintSheet({ site, masked, onBack }: { site: Site; masked: MaskedSite | null; onBack: () => void }) {
  const { analysis } = useAnalysis();
  const shown = masked?.site ?? site;
  const redact = masked?.redact ?? null;
  const sheet = useShown(
    useMemo(() => siteSheet(shown, analysis ?? undefined), [shown, analysis]),
    redact,
  );
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
      <SheetLabels site={site} redact={redact} />
      <SheetRunSheet site={shown} redact={redact} />
    </PrintPage>
  );
}
