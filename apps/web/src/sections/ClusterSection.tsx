import { CONTROL_PLANE_ENDPOINTS, RKE2_VERSIONS, type ControlPlaneEndpoint } from '@rke2-edge/provider-core';
import { ListField, SelectField, TextField } from '../form/fields.js';
import { useFieldValue } from '../form/siteForm.js';
import { bindSetting } from './siteSettingsSchema.js';
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
  const endpoint = (useFieldValue(bindSetting('cluster.endpoint')) as ControlPlaneEndpoint | undefined) ?? 'init-node';
  const host = HOST_FIELD[endpoint] ?? HOST_FIELD['init-node'];
  return (
    <>
      <TextField field={bindSetting('name')} label="Site name" />
      <TextField field={bindSetting('description')} label="Description" />
      <SelectField field={bindSetting('rke2Version')} label="RKE2 version" options={RKE2_VERSIONS} />
      <TokenField />
      <fieldset>
        <legend>Control-plane endpoint</legend>
        <SelectField
          field={bindSetting('cluster.endpoint')}
          label="Nodes reach the control plane through"
          options={CONTROL_PLANE_ENDPOINTS}
          optionLabels={ENDPOINT_LABELS}
        />
        <TextField field={bindSetting('cluster.controlPlaneHost')} label={host.label} hint={host.hint} placeholder={host.placeholder} />
        {endpoint === 'kube-vip' && (
          <>
            <TextField field={bindSetting('cluster.kubeVip.interface')} label="VIP interface on the servers" placeholder="eth0" />
            <TextField field={bindSetting('cluster.kubeVip.image')} label="kube-vip image" />
          </>
        )}
      </fieldset>
      <ListField field={bindSetting('cluster.tlsSans')} label="Extra API certificate names (TLS SANs)" />
    </>
  );
}
