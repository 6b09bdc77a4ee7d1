/** The form of one settings section (every section but Nodes), reading from and writing to the store's site. */
import type { Site } from '@rke2-edge/provider-core';
import { useMemo } from 'react';
import { editSettings, type SiteSettings } from '../actions/settingsActions.js';
import type { SectionId } from '../findings/fieldPaths.js';
import { SiteForm, type FormSource } from '../form/siteForm.js';
import { useSiteStore } from '../state/siteContext.js';
import { AdvancedSection } from './AdvancedSection.js';
import { AirGapSection } from './AirGapSection.js';
import { ClusterSection } from './ClusterSection.js';
import { NetworkSection } from './NetworkSection.js';
import { OsSection } from './OsSection.js';
import { SecuritySection } from './SecuritySection.js';
import { SiteSettingsSchema } from './siteSettingsSchema.js';

export interface SettingsSectionProps {
  section: Exclude<SectionId, 'nodes'>;
  site: Site;
  selectedNode: number;
}

export function SettingsSection({ section, site, selectedNode }: SettingsSectionProps) {
  const store = useSiteStore();
  const source = useMemo<FormSource<SiteSettings>>(() => {
    const { nodes: _nodes, ...settings } = site;
    return {
      value: settings,
      schema: SiteSettingsSchema,
      sitePath: [],
      commit: (value, field) => store.perform(editSettings, { value, field }, { coalesceKey: field }),
    };
  }, [site, store]);
  return (
    <SiteForm source={source}>
      {section === 'cluster' && <ClusterSection />}
      {section === 'network' && <NetworkSection site={site} selectedNode={selectedNode} />}
      {section === 'security' && <SecuritySection />}
      {section === 'airgap' && <AirGapSection />}
      {section === 'os' && <OsSection />}
      {section === 'advanced' && <AdvancedSection />}
    </SiteForm>
  );
}
