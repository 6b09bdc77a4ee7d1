/** The form of one settings section (every section but Nodes). */
import type { Site } from '@rke2-edge/provider-core';
import type { ReactNode } from 'react';
import { FormProvider } from 'react-hook-form';
import type { SectionId } from '../findings/fieldPaths.js';
import { useSyncedForm } from '../form/useSyncedForm.js';
import { useSiteState, useSiteStore } from '../state/siteContext.js';
import { AdvancedSection } from './AdvancedSection.js';
import { AirGapSection } from './AirGapSection.js';
import { ClusterSection } from './ClusterSection.js';
import { NetworkSection } from './NetworkSection.js';
import { OsSection } from './OsSection.js';
import { SecuritySection } from './SecuritySection.js';
import { SiteSettingsSchema } from './siteSettingsSchema.js';

export function SettingsSection({
  section,
  site,
  selectedNode,
}: {
  section: Exclude<SectionId, 'nodes'>;
  site: Site;
  selectedNode: number;
}) {
  const { revision } = useSiteState();
  return (
    <SiteSettingsForm key={revision} site={site}>
      {section === 'cluster' && <ClusterSection />}
      {section === 'network' && <NetworkSection site={site} selectedNode={selectedNode} />}
      {section === 'security' && <SecuritySection />}
      {section === 'airgap' && <AirGapSection />}
      {section === 'os' && <OsSection />}
      {section === 'advanced' && <AdvancedSection />}
    </SiteSettingsForm>
  );
}

function SiteSettingsForm({ site, children }: { site: Site; children: ReactNode }) {
  const store = useSiteStore();
  const { nodes: _nodes, ...settings } = site;
  const form = useSyncedForm(SiteSettingsSchema, settings, (value, field) =>
    store.edit(`Edit ${field ?? 'site'}`, (current) => ({ ...current, ...value, nodes: current.nodes }), { coalesceKey: field ?? 'site' }),
  );
  return <FormProvider {...form}>{children}</FormProvider>;
}
