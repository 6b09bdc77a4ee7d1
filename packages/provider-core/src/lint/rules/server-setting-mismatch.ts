/** `server-setting-mismatch`: servers of one cluster with settings that must agree. */
import { cloudConfigSetAgreement } from '../clusterAgreementRules.js';
import { defineRule } from './defineRule.js';

export const serverSettingMismatch = defineRule({
  code: 'server-setting-mismatch',
  severity: { cloudConfigs: 'error' },
  severityNote: 'warning for profile, data-dir and system-default-registry',
  title: 'servers disagree on a setting they must share',
  docs: "A joining server must have the init node's cluster-cidr, service-cidr, cluster-dns, cluster-domain, disable-cloud-controller, secrets-encryption-provider, embedded-registry, egress-selector-mode and supervisor-metrics, or RKE2 refuses the join with \"critical configuration value mismatch between servers\" (k3s `CriticalControlArgs`, pkg/cluster/bootstrap.go); differing cni, ingress-controller or disable make the servers remove each other's charts (rke2 `validateCNI`, proposed docs/adrs/014), and a differing system-default-registry makes them rewrite each other's chart values (a worker takes the server's). A left-out key counts as RKE2's default; secrets-encryption is not compared (RKE2 always turns it on).",
  check: { cloudConfigs: cloudConfigSetAgreement },
});
