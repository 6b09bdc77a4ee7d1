import { YamlField } from '../form/YamlField.js';
import { bindSetting } from './siteSettingsSchema.js';

export function AdvancedSection() {
  return (
    <YamlField
      field={bindSetting('extraConfig')}
      label="Extra RKE2 settings for every node (YAML)"
      hintAfter="Completion (Ctrl+Space) and hover text come from the RKE2 catalog. The designer sets token and server itself and keeps cluster-cidr and service-cidr."
      editorLabel="Extra RKE2 settings for every node"
      name="site"
      role="both"
    />
  );
}
