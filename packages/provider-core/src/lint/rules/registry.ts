/**
 * Every finding rule, one file per code (rules/<code>.ts). The order is the order of the README's
 * findings table and of the linters' walk; FINDING_CODES and SECURITY_CODES are derived from it.
 */
import { providerPanic } from './provider-panic.js';
import { jqMergeFailed } from './jq-merge-failed.js';
import { configSetsProviderKey } from './config-sets-provider-key.js';
import { duplicateTlsSan } from './duplicate-tls-san.js';
import { ipv6ServerUrl } from './ipv6-server-url.js';
import { unquotedOctal } from './unquoted-octal.js';
import { ambiguousKey } from './ambiguous-key.js';
import { duplicateConfigKey } from './duplicate-config-key.js';
import { roleUnknown } from './role-unknown.js';
import { roleMissing } from './role-missing.js';
import { proxyLowercaseIgnored } from './proxy-lowercase-ignored.js';
import { noInit } from './no-init.js';
import { multipleInit } from './multiple-init.js';
import { evenControlPlane } from './even-control-plane.js';
import { tokenMismatch } from './token-mismatch.js';
import { controlPlaneHostMismatch } from './control-plane-host-mismatch.js';
import { serverSettingMismatch } from './server-setting-mismatch.js';
import { nodeSettingMismatch } from './node-setting-mismatch.js';
import { tokenWeak } from './token-weak.js';
import { tokenFormat } from './token-format.js';
import { networkPolicyUnenforced } from './network-policy-unenforced.js';
import { tlsSanMissing } from './tls-san-missing.js';
import { swapSettingIgnored } from './swap-setting-ignored.js';
import { portConflict } from './port-conflict.js';
import { unknownKey } from './unknown-key.js';
import { wrongType } from './wrong-type.js';
import { serverOnlyKeyOnWorker } from './server-only-key-on-worker.js';
import { deprecatedKey } from './deprecated-key.js';
import { profileInvalidForVersion } from './profile-invalid-for-version.js';
import { fipsIncompatible } from './fips-incompatible.js';
import { imagesNotTar } from './images-not-tar.js';
import { duplicateNodeName } from './duplicate-node-name.js';
import { duplicateAddress } from './duplicate-address.js';
import { nodeNameInvalid } from './node-name-invalid.js';
import { addressInvalid } from './address-invalid.js';
import { labelInvalid } from './label-invalid.js';
import { taintInvalid } from './taint-invalid.js';
import { noproxyMissingHost } from './noproxy-missing-host.js';
import { noClusterSection } from './no-cluster-section.js';
import { notImported } from './not-imported.js';
import { controlCharacter } from './control-character.js';
import { lineBreak } from './line-break.js';
import { unsafePath } from './unsafe-path.js';
import { hostInvalid } from './host-invalid.js';
import { envValueUnsafe } from './env-value-unsafe.js';
import { tooLarge } from './too-large.js';
import { proxyInvalid } from './proxy-invalid.js';
import { osUserInvalid } from './os-user-invalid.js';
import { endpointNotServed } from './endpoint-not-served.js';
import { vipNotAddress } from './vip-not-address.js';
import { vipIsNodeAddress } from './vip-is-node-address.js';
import { vipOutsideSubnet } from './vip-outside-subnet.js';
import { interfaceInvalid } from './interface-invalid.js';
import { kubeVipImageUnavailable } from './kube-vip-image-unavailable.js';
import { loadBalancerRequired } from './load-balancer-required.js';
import { loginMissing } from './login-missing.js';
import { noLogin } from './no-login.js';
import { rke2RefusesStart } from './rke2-refuses-start.js';
import { imageSourceIncomplete } from './image-source-incomplete.js';
import { imageArchiveMissing } from './image-archive-missing.js';
import { imageArchiveUnknown } from './image-archive-unknown.js';
import { pemInvalid } from './pem-invalid.js';
import { tlsFileNotWritten } from './tls-file-not-written.js';
import { registryAuthIncomplete } from './registry-auth-incomplete.js';
import { macMissing } from './mac-missing.js';
import { macInvalid } from './mac-invalid.js';
import { gatewayMissing } from './gateway-missing.js';
import { gatewayInvalid } from './gateway-invalid.js';
import { gatewayOutsideSubnet } from './gateway-outside-subnet.js';
import { nameserverInvalid } from './nameserver-invalid.js';

export const RULES = [
  providerPanic,
  jqMergeFailed,
  configSetsProviderKey,
  duplicateTlsSan,
  ipv6ServerUrl,
  unquotedOctal,
  ambiguousKey,
  duplicateConfigKey,
  roleUnknown,
  roleMissing,
  proxyLowercaseIgnored,
  noInit,
  multipleInit,
  evenControlPlane,
  tokenMismatch,
  controlPlaneHostMismatch,
  serverSettingMismatch,
  nodeSettingMismatch,
  tokenWeak,
  tokenFormat,
  networkPolicyUnenforced,
  tlsSanMissing,
  swapSettingIgnored,
  portConflict,
  unknownKey,
  wrongType,
  serverOnlyKeyOnWorker,
  deprecatedKey,
  profileInvalidForVersion,
  fipsIncompatible,
  imagesNotTar,
  duplicateNodeName,
  duplicateAddress,
  nodeNameInvalid,
  addressInvalid,
  labelInvalid,
  taintInvalid,
  noproxyMissingHost,
  noClusterSection,
  notImported,
  controlCharacter,
  lineBreak,
  unsafePath,
  hostInvalid,
  envValueUnsafe,
  tooLarge,
  proxyInvalid,
  osUserInvalid,
  endpointNotServed,
  vipNotAddress,
  vipIsNodeAddress,
  vipOutsideSubnet,
  interfaceInvalid,
  kubeVipImageUnavailable,
  loadBalancerRequired,
  loginMissing,
  noLogin,
  rke2RefusesStart,
  imageSourceIncomplete,
  imageArchiveMissing,
  imageArchiveUnknown,
  pemInvalid,
  tlsFileNotWritten,
  registryAuthIncomplete,
  macMissing,
  macInvalid,
  gatewayMissing,
  gatewayInvalid,
  gatewayOutsideSubnet,
  nameserverInvalid,
] as const;

type Code = (typeof RULES)[number]['code'];

/** Every finding code, in the registry's order. */
export const FINDING_CODES = RULES.map((rule) => rule.code) as unknown as readonly [Code, ...Code[]];

/**
 * Findings about values that could run a command on the device, add a line to one of its files,
 * make its YAML reader refuse the file, or exceed the sizes the designer accepts. No option
 * overrides them: bundle --force, "Download anyway", expand, iso and import all refuse them.
 */
export const SECURITY_CODES: readonly Code[] = RULES.filter((rule) => rule.security).map((rule) => rule.code);
