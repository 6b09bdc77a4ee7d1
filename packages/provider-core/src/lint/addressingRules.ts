/**
 * How each node gets the address the design shows (`node.addressing`). Codes: mac-missing,
 * mac-invalid, gateway-missing, gateway-invalid, gateway-outside-subnet, nameserver-invalid,
 * address-invalid (static addressing without an address). The interface name is a security
 * finding (securityRules: it becomes part of a file on the device).
 *
 * - dhcp-reservation: nothing is written on the node; the network team reserves the address for the
 *   node's MAC address, so without the MAC the address means nothing;
 * - static: networkSteps writes a systemd-networkd unit (`Address=`, `Gateway=`, `DNS=`);
 *   networkd adds the default route through `Gateway=` only when the gateway is reachable on the
 *   link, i.e. inside the address's subnet (systemd.network(5), `Gateway=`, `GatewayOnLink=`).
 */
import { networkContains, parseCidr, parseIp } from '../net/ipAddress.js';
import type { Site } from '../site/siteSchema.js';
import type { Finding } from './finding.js';

/** Six pairs of hex digits separated by ":" (the form `ip link` prints and DHCP servers take). */
const MAC = /^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$/;

const isMacAddress = (mac: string): boolean => MAC.test(mac);

function siteNetworkFindings(site: Site): Finding[] {
  const findings: Finding[] = [];
  const { gateway, nameservers } = site.network;
  const anyStatic = site.nodes.some((n) => n.addressing === 'static');
  if (gateway.trim() !== '' && parseIp(gateway.trim()) === null) {
    findings.push({
      severity: 'error',
      code: 'gateway-invalid',
      message: `the gateway "${gateway}" is not an IP address`,
      path: ['network', 'gateway'],
    });
  } else if (gateway.trim() === '' && anyStatic) {
    findings.push({
      severity: 'warning',
      code: 'gateway-missing',
      message:
        'nodes with static addressing get no default gateway: they reach only their own subnet (no registry, proxy or NTP beyond it)',
      path: ['network', 'gateway'],
    });
  }
  nameservers.forEach((ns, i) => {
    if (parseIp(ns.trim()) === null)
      findings.push({
        severity: 'error',
        code: 'nameserver-invalid',
        message: `the DNS server "${ns}" is not an IP address (networkd's DNS= takes addresses only)`,
        path: ['network', 'nameservers', i],
      });
  });
  return findings;
}

function nodeFindings(site: Site): Finding[] {
  const findings: Finding[] = [];
  const gateway = parseIp(site.network.gateway.trim());
  site.nodes.forEach((node, i) => {
    const path = ['nodes', i];
    if (node.mac !== '' && !isMacAddress(node.mac)) {
      findings.push({
        severity: 'error',
        code: 'mac-invalid',
        message: `${node.name}: the MAC address "${node.mac}" must be six pairs of hex digits separated by ":", e.g. 52:54:00:12:34:56`,
        path: [...path, 'mac'],
      });
    }
    if (node.addressing === 'dhcp-reservation' && node.mac === '' && node.address !== '') {
      // Information, not a warning: a template or a design made before the devices arrive cannot know
      // the MACs; the print sheet leaves room for the technician to write each one down.
      findings.push({
        severity: 'info',
        code: 'mac-missing',
        message: `${node.name}: no MAC address, so nobody can reserve ${node.address} for it in DHCP; until the network team does, the node gets whatever address DHCP hands out`,
        path: [...path, 'mac'],
      });
    }
    if (node.addressing !== 'static') return;
    const address = parseCidr(node.address.trim());
    if (node.address.trim() === '') {
      findings.push({
        severity: 'error',
        code: 'address-invalid',
        message: `${node.name}: static addressing needs the node's address with its prefix, e.g. 192.168.1.10/24`,
        path: [...path, 'address'],
      });
    } else if (address && gateway && !networkContains(address, gateway)) {
      findings.push({
        severity: 'error',
        code: 'gateway-outside-subnet',
        message: `${node.name}: the gateway ${site.network.gateway} is outside ${node.address}'s subnet, so networkd cannot add the default route through it`,
        path: ['network', 'gateway'],
      });
    }
  });
  return findings;
}

export function lintAddressing(site: Site): Finding[] {
  return [...siteNetworkFindings(site), ...nodeFindings(site)];
}
