/** `control-plane-host-mismatch`: joining nodes that look for the cluster at different places, or at a node that cannot serve it. */
import { cloudConfigSetAgreement } from '../clusterAgreementRules.js';
import { defineRule } from './defineRule.js';

export const controlPlaneHostMismatch = defineRule({
  code: 'control-plane-host-mismatch',
  severity: { cloudConfigs: 'error' },
  title: 'the files point at different control-plane hosts',
  docs: "Every joining node's `control_plane_host` must be the init node's (the provider writes it as `server: https://HOST:9345`); one that differs joins another server or none. When a file gives node addresses (`node-ip`, `advertise-address`), a host that is a worker's address (no supervisor on 9345) or the node's own is also an error.",
  check: { cloudConfigs: cloudConfigSetAgreement },
});
