/** The selected node's own settings and overrides; each valid change goes straight to the site. */
import { ADDRESSING_MODES, KAIROS_ROLES, NodeSchema, type SiteNode } from '@rke2-edge/provider-core';
import { Field } from '@rke2-edge/ui';
import { Controller, FormProvider, useWatch } from 'react-hook-form';
import { CheckboxField, ListField, SelectField, TextField } from '../form/fields.js';
import { describedAt, useSyncedForm } from '../form/useSyncedForm.js';
import { fieldId } from '../findings/fieldPaths.js';
import { updateNode } from '../actions/nodeActions.js';
import type { NodeId } from '../state/nodeIds.js';
import { YamlEditor } from '../monaco/LazyMonaco.js';
import { useAnalysis, useSiteStore } from '../state/siteContext.js';

const hint = (key: string) => describedAt(NodeSchema, key);

const ADDRESSING_LABELS: Record<string, string> = {
  'dhcp-reservation': 'DHCP reservation',
  static: 'static',
};

export function NodeForm({ node, id, index }: { node: SiteNode; id: NodeId; index: number }) {
  const store = useSiteStore();
  const { messagesByField } = useAnalysis();
  const form = useSyncedForm(NodeSchema, node, (value, field) =>
    store.perform(updateNode, { node: id, value, field: field ?? '' }, { coalesceKey: `nodes.${id}.${field}` }),
  );
  const at = (key: keyof SiteNode) => ({ name: key, sitePath: ['nodes', index, key], hint: hint(key) });
  const extraId = fieldId(['nodes', index, 'extraConfig']);
  const addressing = useWatch({ control: form.control, name: 'addressing' }) as string | undefined;
  return (
    <FormProvider {...form}>
      <div className="node-form" role="group" aria-label={`Node ${node.name}`}>
        <h3>Node {node.name || `#${index + 1}`}</h3>
        <div className="field-grid">
          <TextField {...at('name')} label="Node name" />
          <SelectField {...at('role')} label="Role" options={KAIROS_ROLES} />
          <TextField {...at('address')} label="Address with prefix" placeholder="192.168.1.10/24" />
          <TextField {...at('hostname')} label="Host name" />
          <SelectField {...at('addressing')} label="Addressing" options={ADDRESSING_MODES} optionLabels={ADDRESSING_LABELS} />
          <TextField {...at('mac')} label="MAC address" placeholder="52:54:00:12:34:56" />
          {addressing === 'static' && <TextField {...at('interface')} label="Interface" placeholder="eth0" />}
        </div>
        <CheckboxField {...at('setNodeIp')} label="Use this address as the node IP" />
        <ListField {...at('labels')} label="Labels" placeholder="topology.kubernetes.io/zone=store-1" />
        <ListField {...at('taints')} label="Taints" placeholder="dedicated=gpu:NoSchedule" />
        <Field
          id={extraId}
          label="Extra RKE2 settings for this node (YAML)"
          hint={hint('extraConfig')}
          messages={messagesByField.get(extraId)}
        >
          {(aria) => (
            <div {...aria} className="yaml-editor" tabIndex={-1}>
              <Controller
                control={form.control}
                name="extraConfig"
                render={({ field }) => (
                  <YamlEditor
                    value={field.value ?? ''}
                    onChange={field.onChange}
                    label={`Extra RKE2 settings for ${node.name}`}
                    name={`node-${index}`}
                    role={node.role === 'worker' ? 'agent' : 'server'}
                  />
                )}
              />
            </div>
          )}
        </Field>
      </div>
    </FormProvider>
  );
}
