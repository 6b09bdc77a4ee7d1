/** `server-setting-mismatch`: servers of one cluster with settings that must agree. */
import { cloudConfigSetAgreement } from '../clusterAgreementRules.js';
import { defineRule } from './defineRule.js';

export const serverSettingMismatch = defineRule({
  code: 'server-setting-mismatch',
  severity: { cloudConfigs: 'error' },
  severityNote: 'warning for profile and data-dir',
  title: 'servers disagree on a setting they must share',
  docs: "A joining server must have the init node's cluster-cidr, service-cidr, cluster-dns, cluster-domain, disable-cloud-controller, secrets-encryption(-provider), embedded-registry, egress-selector-mode and supervisor-metrics, or RKE2 refuses the join with \"critical configuration value mismatch between servers\" (k3s `CriticalControlArgs`, pkg/cluster/bootstrap.go); differing cni, ingress-controller or disable make the servers remove each other's charts (rke2 `validateCNI`, docs/adrs/014). A left-out key counts as RKE2's default.",
  check: { cloudConfigs: cloudConfigSetAgreement },
});
