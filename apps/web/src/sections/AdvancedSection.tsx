import { Controller, useFormContext } from 'react-hook-form';
import { Field } from '@rke2-edge/ui';
import { fieldId } from '../findings/fieldPaths.js';
import { YamlEditor } from '../monaco/LazyMonaco.js';
import { useAnalysis } from '../state/siteContext.js';
import { siteHint } from './siteSettingsSchema.js';

export function AdvancedSection() {
  const { control } = useFormContext();
  const { messagesByField } = useAnalysis();
  const id = fieldId(['extraConfig']);
  return (
    <Field
      id={id}
      label="Extra RKE2 settings for every node (YAML)"
      hint={`${siteHint('extraConfig') ?? ''} Completion (Ctrl+Space) and hover text come from the RKE2 catalog. The designer sets token and server itself and keeps cluster-cidr and service-cidr.`}
      messages={messagesByField.get(id)}
    >
      {(aria) => (
        <div {...aria} className="yaml-editor" tabIndex={-1}>
          <Controller
            control={control}
            name="extraConfig"
            render={({ field }) => (
              <YamlEditor
                value={field.value as string}
                onChange={field.onChange}
                label="Extra RKE2 settings for every node"
                name="site"
                role="both"
              />
            )}
          />
        </div>
      )}
    </Field>
  );
}
