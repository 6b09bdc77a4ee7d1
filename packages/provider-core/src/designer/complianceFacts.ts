/**
 * What each security control of a site enforces, in a few sentences, and where each fact comes
 * from. The compliance view and the evidence page show these beside the generated lines
 * (complianceModel.ts). Sources, read at rancher/rke2 v1.36 (see ../shared/rke2-options.md):
 * - CIS: `pkg/cli/cmds/profile_linux.go` (validateProfile: validateKernelReqs against
 *   kernelRuntimeParameters, setCISFlags forcing protect-kernel-defaults, validateETCDReqs),
 *   `pkg/rke2/psa.go` (the restricted rke2-pss.yaml), `pkg/rke2/np.go` (setNetworkPolicies:
 *   intra-namespace policies in kube-system, kube-public and default, plus DNS and ingress in
 *   kube-system), `pkg/rke2/rke2.go` (audit policy, service-account-extend-token-expiration);
 * - FIPS: docs.rke2.io/security/fips_support (components built with the BoringCrypto module);
 *   Kairos `install.grub_options` (kairos.io/docs/reference/configuration);
 * - SELinux: docs.rke2.io/security/selinux (`selinux: true` sets containerd's enable_selinux;
 *   rke2_service_t and rke2_service_db_t labels from the rke2-selinux policy);
 * - Pod Security: `pkg/rke2/psa.go`, docs.rke2.io/security/pod_security_standards and
 *   kubernetes.io/docs/concepts/security/pod-security-standards;
 * - Secrets encryption: docs.rke2.io/security/secrets_encryption, `pkg/rke2/rke2.go` (servers
 *   force secrets-encryption on).
 */
import type { FactSource } from './factSource.js';
import type { Site } from '../site/siteSchema.js';

export const COMPLIANCE_CONTROLS = ['cis', 'fips', 'selinux', 'pod-security', 'secrets-encryption'] as const;
export type ComplianceControlId = (typeof COMPLIANCE_CONTROLS)[number];

const RKE2_SOURCE = 'https://github.com/rancher/rke2/blob/master/';
const rke2File = (path: string, what: string): FactSource => ({ label: `rancher/rke2 ${path} (${what})`, url: RKE2_SOURCE + path });
const rke2Doc = (page: string, title: string): FactSource => ({
  label: `RKE2 docs: ${title}`,
  url: `https://docs.rke2.io/security/${page}`,
});

export const CONTROL_TITLES: Record<ComplianceControlId, string> = {
  cis: 'CIS hardening profile',
  fips: 'FIPS 140 mode',
  selinux: 'SELinux',
  'pod-security': 'Pod Security admission',
  'secrets-encryption': 'Secrets encryption at rest',
};

export const CONTROL_SOURCES: Record<ComplianceControlId, readonly FactSource[]> = {
  cis: [
    rke2File('pkg/cli/cmds/profile_linux.go', 'validateProfile, kernelRuntimeParameters'),
    rke2File('pkg/rke2/np.go', 'setNetworkPolicies'),
    rke2File('pkg/rke2/psa.go', 'the restricted Pod Security config'),
    rke2Doc('hardening_guide', 'CIS Hardening Guide'),
  ],
  fips: [
    rke2Doc('fips_support', 'FIPS 140 Enablement'),
    { label: 'Kairos docs: configuration reference (install.grub_options)', url: 'https://kairos.io/docs/reference/configuration/' },
  ],
  selinux: [rke2Doc('selinux', 'SELinux'), { label: 'rancher/rke2-selinux (the policy)', url: 'https://github.com/rancher/rke2-selinux' }],
  'pod-security': [
    rke2File('pkg/rke2/psa.go', 'the default admission config'),
    rke2Doc('pod_security_standards', 'Default Pod Security Standards'),
    { label: 'Kubernetes: Pod Security Standards', url: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/' },
  ],
  'secrets-encryption': [
    rke2Doc('secrets_encryption', 'Secrets Encryption'),
    rke2File('pkg/rke2/rke2.go', 'servers force secrets-encryption on'),
  ],
};

/** The namespaces RKE2's CIS admission config exempts (pkg/rke2/psa.go, restrictedPSAConfig, v1.36). */
export const CIS_EXEMPT_NAMESPACES: readonly string[] = ['kube-system', 'compliance-operator-system', 'tigera-operator'];

/** The kernel parameters RKE2's `cis` profile checks, as text (profile_linux.go, kernelRuntimeParameters). */
const CIS_PARAMETERS_TEXT = 'vm.overcommit_memory=1, vm.panic_on_oom=0, kernel.panic=10 and kernel.panic_on_oops=1';

export function cisEnforces(profile: string): string[] {
  return [
    `With "profile: ${profile}", RKE2 refuses to start (logrus.Fatal in validateProfile) unless the kernel has ${CIS_PARAMETERS_TEXT}, and turns on the kubelet's protect-kernel-defaults (an explicit false is fatal).`,
    'On servers it also requires an etcd user and group, and runs the etcd static pod as that user.',
    `The API server gets RKE2's own admission config enforcing, auditing and warning the "restricted" Pod Security level (${CIS_EXEMPT_NAMESPACES.join(', ')} exempt), a default audit policy, and service-account-extend-token-expiration=false.`,
    'Once the API server is up, RKE2 applies NetworkPolicies that admit only traffic from the same namespace in kube-system, kube-public and default, plus DNS (53) and ingress (80, 443) in kube-system.',
  ];
}

export const FIPS_ENFORCES: readonly string[] = [
  'The node boots with fips=1 on the kernel command line (Kairos install.grub_options.extra_cmdline): the kernel runs its FIPS self-tests and its crypto API offers only FIPS-approved algorithms.',
  "RKE2's FIPS build compiles the Kubernetes components, etcd, containerd, runc and the Canal CNI with the BoringCrypto Go module, a FIPS 140 validated module; only Canal among the bundled CNIs is rebuilt for FIPS.",
  'Secrets at rest must use aescbc: secretbox is not FIPS-approved.',
];

export const SELINUX_ENFORCES: readonly string[] = [
  '"selinux: true" turns on enable_selinux in the CRI section of RKE2\'s containerd config, so every container runs confined by an SELinux label (container_t).',
  'The rke2-selinux policy labels the control-plane static pods rke2_service_t (read-only) and etcd rke2_service_db_t (read-write on its data), instead of the unconfined spc_t.',
];

/** What each Pod Security level forbids (kubernetes.io/docs/concepts/security/pod-security-standards). */
const LEVEL_MEANING: Record<Site['security']['podSecurity'], string> = {
  privileged: 'allows everything: no Pod Security restriction at all',
  baseline:
    'blocks the known privilege escalations: privileged containers, host namespaces and ports, hostPath volumes and added capabilities',
  restricted:
    'adds to baseline: pods must run as non-root, drop ALL capabilities, forbid privilege escalation and use the RuntimeDefault seccomp profile',
};

export function podSecurityEnforces(level: Site['security']['podSecurity'], exempt: readonly string[], fromCis: boolean): string[] {
  const source = fromCis
    ? 'RKE2 writes its own admission config (/etc/rancher/rke2/rke2-pss.yaml) for the CIS profile and passes it to the API server.'
    : level === 'privileged'
      ? 'RKE2 writes its default admission config (/etc/rancher/rke2/rke2-pss.yaml), which enforces "privileged".'
      : 'The designer writes the admission config and points pod-security-admission-config-file at it; the API server reads it at start.';
  const exemptText = exempt.length > 0 ? ` Exempt namespaces: ${exempt.join(', ')}.` : ' No namespace is exempt.';
  return [
    source,
    `The "${level}" level is enforced, audited and warned for every namespace by default: it ${LEVEL_MEANING[level]}.${level === 'privileged' ? '' : exemptText}`,
  ];
}

/** A `pod-security-admission-config-file` the designer does not write: RKE2 passes it on as it is and writes none of its own (psa.go). */
export function customPodSecurityEnforces(file: string, designerWritesOne: boolean): string[] {
  return [
    `The API server reads its admission config from ${file}, set in extra config: RKE2 passes a file it is given to the API server as it is and writes no admission config of its own.`,
    `What it enforces is in that file, which this design does not write: check it on the servers. It must exist before RKE2 starts.${
      designerWritesOne ? ' The admission config the designer writes for the chosen level is not used.' : ''
    }`,
  ];
}

export function secretsEncryptionEnforces(provider: string, dataDir: string): string[] {
  const cipher =
    provider === 'secretbox'
      ? 'secretbox (XSalsa20 and Poly1305; not FIPS-approved)'
      : 'aescbc (AES-CBC with PKCS#7 padding; the FIPS-approved choice)';
  return [
    `RKE2 servers always encrypt Secrets at rest: the first server generates a key, writes ${dataDir}/server/cred/encryption-config.json and passes it to the API server as encryption-provider-config.`,
    `Cipher: ${cipher}. Keys are rotated with "rke2 secrets-encrypt rotate-keys" on a server.`,
  ];
}

/** What turning a control on changes, in one sentence (the lines it would add follow it). */
export const TURNING_ON: Record<ComplianceControlId, string> = {
  cis: 'Turning it on adds "profile: cis" to every node, a boot stage that sets the kernel parameters RKE2 checks (and writes them to a sysctl.d file), and the etcd user on servers; workloads then have to meet the "restricted" Pod Security level.',
  fips: 'Turning it on boots every node with fips=1 and needs a FIPS-capable image carrying the RKE2 FIPS build; secrets encryption must stay aescbc.',
  selinux: 'Turning it on adds "selinux: true" to every node; the image must run SELinux with the rke2-selinux policy.',
  'pod-security':
    'Choosing "restricted" (or "baseline") makes the designer write an admission config on the servers and point RKE2 at it; pods that break the level are refused.',
  'secrets-encryption': 'RKE2 servers always encrypt Secrets; only the cipher can be chosen.',
};
