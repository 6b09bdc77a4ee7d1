/** The selected node's own settings and overrides, read from the store; each valid change goes straight to the site. */
import { ADDRESSING_MODES, KAIROS_ROLES, NodeSchema, type SiteNode } from '@rke2-edge/provider-core';
import { useMemo } from 'react';
import { updateNode } from '../actions/nodeActions.js';
import { CheckboxField, ListField, SelectField, TextField } from '../form/fields.js';
import { binder, SiteForm, type FormSource } from '../form/siteForm.js';
import { YamlField } from '../form/YamlField.js';
import type { NodeId } from '../state/nodeIds.js';
import { useSiteStore } from '../state/siteContext.js';

const ADDRESSING_LABELS: Record<string, string> = {
  'dhcp-reservation': 'DHCP reservation',
  static: 'static',
};

const bindNode = binder<SiteNode>();
const at = (key: keyof SiteNode) => ({ field: bindNode(key) });

export function NodeForm({ node, id, index }: { node: SiteNode; id: NodeId; index: number }) {
  const store = useSiteStore();
  const source = useMemo<FormSource<SiteNode>>(
    () => ({
      value: node,
      schema: NodeSchema,
      sitePath: ['nodes', index],
      commit: (value, field) => store.perform(updateNode, { node: id, value, field }, { coalesceKey: `nodes.${id}.${field}` }),
    }),
    [node, index, id, store],
  );
  return (
    <SiteForm source={source}>
      <div className="node-form" role="group" aria-label={`Node ${node.name}`}>
        <h3>Node {node.name || `#${index + 1}`}</h3>
        <div className="field-grid">
          <TextField {...at('name')} label="Node name" />
          <SelectField {...at('role')} label="Role" options={KAIROS_ROLES} />
          <TextField {...at('address')} label="Address with prefix" placeholder="192.168.1.10/24" />
          <TextField {...at('hostname')} label="Host name" />
          <SelectField {...at('addressing')} label="Addressing" options={ADDRESSING_MODES} optionLabels={ADDRESSING_LABELS} />
          <TextField {...at('mac')} label="MAC address" placeholder="52:54:00:12:34:56" />
          {node.addressing === 'static' && <TextField {...at('interface')} label="Interface" placeholder="eth0" />}
        </div>
        <CheckboxField {...at('setNodeIp')} label="Use this address as the node IP" />
        <ListField {...at('labels')} label="Labels" placeholder="topology.kubernetes.io/zone=store-1" />
        <ListField {...at('taints')} label="Taints" placeholder="dedicated=gpu:NoSchedule" />
        <YamlField
          {...at('extraConfig')}
          label="Extra RKE2 settings for this node (YAML)"
          editorLabel={`Extra RKE2 settings for ${node.name}`}
          name={`node-${id}`}
          role={node.role === 'worker' ? 'agent' : 'server'}
        />
      </div>
    </SiteForm>
  );
}
