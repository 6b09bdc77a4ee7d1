/**
 * Static addressing (`node.addressing: static`): a systemd-networkd unit for the node's interface,
 * written in the designer's `initramfs` stage, before networkd starts. This is how Kairos configures
 * networking on its systemd flavours (kairos-io/kairos `examples/cloud-configs/wifi.yaml` writes
 * `/etc/systemd/network/20-dhcp-wlan0.network` from an initramfs stage the same way). networkd uses
 * the first `.network` file, in lexical order of file names across its folders, whose `[Match]`
 * fits the interface (systemd.network(5)); "10-" sorts before the images' own DHCP units ("20-…").
 *
 * Every value is checked before it is written: the interface by `interfaceNameProblem`, the address
 * and the gateway as IP addresses (parsed, then written back in canonical form), the nameservers as
 * IP addresses. A node whose values do not pass gets no unit (lint reports why).
 */
import { interfaceNameProblem } from '../net/interfaceName.js';
import { formatIp, parseCidr, parseIp } from '../net/ipAddress.js';
import type { GoObject } from '../yaml/goJson.js';
import type { SiteContext } from './rke2ConfigFor.js';
import type { Site, SiteNode } from './siteSchema.js';
import { goObject, yipFile } from './yipStep.js';

const NETWORK_UNIT_DIR = '/etc/systemd/network';
export const STATIC_ADDRESS_STEP = "Configure the node's static address";

export const networkUnitPath = (iface: string): string => `${NETWORK_UNIT_DIR}/10-static-${iface}.network`;

/** The unit's text, or null when a value cannot be written. */
export function staticNetworkUnit(node: SiteNode, network: Site['network']): string | null {
  if (interfaceNameProblem(node.interface) !== null) return null;
  const address = parseCidr(node.address.trim());
  if (!address) return null;
  const gateway = network.gateway.trim() === '' ? null : parseIp(network.gateway.trim());
  if (network.gateway.trim() !== '' && gateway === null) return null;
  const dns = network.nameservers.map((n) => parseIp(n.trim()));
  if (dns.some((d) => d === null)) return null;
  const lines = ['[Match]', `Name=${node.interface}`, '', '[Network]', `Address=${formatIp(address.address)}/${address.prefix}`];
  if (gateway) lines.push(`Gateway=${formatIp(gateway)}`);
  for (const d of dns) lines.push(`DNS=${formatIp(d!)}`);
  return `${lines.join('\n')}\n`;
}

export function networkSteps(ctx: SiteContext, node: SiteNode): GoObject[] {
  if (node.addressing !== 'static') return [];
  const unit = staticNetworkUnit(node, ctx.site.network);
  if (unit === null) return [];
  return [
    goObject([
      ['name', STATIC_ADDRESS_STEP],
      ['files', [yipFile(networkUnitPath(node.interface), unit, 0o644)]],
    ]),
  ];
}
