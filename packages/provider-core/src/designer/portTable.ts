/**
 * The inbound ports of a site as one table: each rule once, with whether servers and workers must
 * open it (from rke2Ports). Shown in the network section and on the print sheet.
 */
import type { Site } from '../site/siteSchema.js';
import { portsForRole, sitePorts, type PortRule } from './rke2Ports.js';

export interface PortRow extends PortRule {
  servers: boolean;
  workers: boolean;
}

export function portTable(site: Site): PortRow[] {
  const server = new Set(portsForRole(site, 'controlplane'));
  const worker = new Set(portsForRole(site, 'worker'));
  return sitePorts(site).map((rule) => ({ ...rule, servers: server.has(rule), workers: worker.has(rule) }));
}

/** Ports only servers open, consecutive ones joined into a range: "6443, 9345, 2379–2381". */
export function serverOnlyPorts(site: Site): string {
  const ports = portTable(site)
    .filter((row) => row.servers && !row.workers)
    .map((row) => row.port);
  const parts: string[] = [];
  let start = 0;
  for (let i = 1; i <= ports.length; i++) {
    const consecutive = i < ports.length && /^\d+$/.test(ports[i]!) && Number(ports[i]) === Number(ports[i - 1]) + 1;
    if (consecutive) continue;
    parts.push(i - 1 > start ? `${ports[start]}–${ports[i - 1]}` : ports[start]!);
    start = i;
  }
  return parts.join(', ');
}
