import { CONTROL_PLANE_ENDPOINTS, RKE2_VERSIONS, type ControlPlaneEndpoint } from '@rke2-edge/provider-core';
import { useWatch } from 'react-hook-form';
import { ListField, SelectField, TextField } from '../form/fields.js';
import { siteHint } from './siteSettingsSchema.js';
import { TokenField } from './TokenField.js';

const ENDPOINT_LABELS: Record<ControlPlaneEndpoint, string> = {
  'init-node': 'the init node',
  'kube-vip': 'a kube-vip VIP on the servers',
  'load-balancer': 'a load balancer you run',
};

/** The host field says what it is for the chosen endpoint. */
const HOST_FIELD: Record<ControlPlaneEndpoint, { label: string; hint: string; placeholder: string }> = {
  'init-node': {
    label: 'Control-plane host (the init node’s address)',
    hint: 'The init node’s IP address (without prefix). Every other node joins through it, so the cluster has no second way in if it fails.',
    placeholder: '192.168.1.10',
  },
  'kube-vip': {
    label: 'Control-plane host (the kube-vip VIP)',
    hint: 'A free IP address in the servers’ network, outside any DHCP range. kube-vip announces it (ARP) from one server at a time; it is added to the API certificate.',
    placeholder: '192.168.1.5',
  },
  'load-balancer': {
    label: 'Control-plane host (your load balancer)',
    hint: 'Name or IP of a load balancer you run that forwards TCP 6443 and 9345 to every server. The designer does not create it.',
    placeholder: 'rke2.example.internal',
  },
};

export function ClusterSection() {
  const endpoint = (useWatch({ name: 'cluster.endpoint' }) as ControlPlaneEndpoint | undefined) ?? 'init-node';
  const host = HOST_FIELD[endpoint] ?? HOST_FIELD['init-node'];
  return (
    <>
      <TextField name="name" sitePath={['name']} label="Site name" hint={siteHint('name')} />
      <TextField name="description" sitePath={['description']} label="Description" hint={siteHint('description')} />
      <SelectField
        name="rke2Version"
        sitePath={['rke2Version']}
        label="RKE2 version"
        hint={siteHint('rke2Version')}
        options={RKE2_VERSIONS}
      />
      <TokenField />
      <fieldset>
        <legend>Control-plane endpoint</legend>
        <SelectField
          name="cluster.endpoint"
          sitePath={['cluster', 'endpoint']}
          label="Nodes reach the control plane through"
          hint={siteHint('cluster.endpoint')}
          options={CONTROL_PLANE_ENDPOINTS}
          optionLabels={ENDPOINT_LABELS}
        />
        <TextField
          name="cluster.controlPlaneHost"
          sitePath={['cluster', 'controlPlaneHost']}
          label={host.label}
          hint={host.hint}
          placeholder={host.placeholder}
        />
        {endpoint === 'kube-vip' && (
          <>
            <TextField
              name="cluster.kubeVip.interface"
              sitePath={['cluster', 'kubeVip', 'interface']}
              label="VIP interface on the servers"
              hint={siteHint('cluster.kubeVip.interface')}
              placeholder="eth0"
            />
            <TextField
              name="cluster.kubeVip.image"
              sitePath={['cluster', 'kubeVip', 'image']}
              label="kube-vip image"
              hint={siteHint('cluster.kubeVip.image')}
            />
          </>
        )}
      </fieldset>
      <ListField
        name="cluster.tlsSans"
        sitePath={['cluster', 'tlsSans']}
        label="Extra API certificate names (TLS SANs)"
        hint={siteHint('cluster.tlsSans')}
      />
    </>
  );
}
