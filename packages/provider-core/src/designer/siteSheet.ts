/**
 * Everything the one-page site sheet shows, as data: cluster facts, the Pod Security level RKE2
 * enforces, the nodes, the DHCP reservations, what each device needs and the ports to open. The
 * token and passwords are never part of it. The web app only lays it out.
 */
import type { SiteCheck } from '../check/checkResult.js';
import { effectivePodSecurity } from '../site/podSecurityConfig.js';
import { isServerRole, type Site, type SiteNode } from '../site/siteSchema.js';
import { portTable, serverOnlyPorts, type PortRow } from './portTable.js';

type Security = Site['security'];

export interface SheetNode {
  name: string;
  role: SiteNode['role'];
  address: string;
  labels: string[];
}

export interface DhcpReservation {
  node: string;
  /** '' when not set. */
  mac: string;
  /** The address without its prefix length; '' when not set. */
  address: string;
}

/** Nodes whose devices need the same things share one group. */
export interface NeedsGroup {
  nodes: string[];
  needs: string[];
}

export interface SiteSheet {
  name: string;
  description: string;
  rke2Version: Site['rke2Version'];
  controlPlaneHost: string;
  endpoint: Site['cluster']['endpoint'];
  nodes: SheetNode[];
  servers: SheetNode[];
  workers: SheetNode[];
  security: Omit<Security, 'podSecurity' | 'podSecurityExemptNamespaces'> & {
    /** The level enforced by default, as the generators leave it on the device. */
    podSecurity: Security['podSecurity'];
    /** True when that level is RKE2's own, set by the CIS profile (the site's choice is not used). */
    podSecurityFromCis: boolean;
  };
  network: Pick<Site['network'], 'clusterCidr' | 'serviceCidr' | 'cni' | 'multus' | 'ingressController'>;
  /** The proxy nodes use, without credentials ('' for none), and the site's NO_PROXY entries. */
  proxy: { url: string; noProxy: string };
  images: { source: Site['airGap']['imageSource']; archivesPath: string; systemDefaultRegistry: string; mirrors: number };
  dhcpReservations: DhcpReservation[];
  /** Null until the boot check has run. */
  needs: NeedsGroup[] | null;
  ports: PortRow[];
  /** Ports only servers open, e.g. "6443, 9345, 2379–2381". */
  serverOnlyPorts: string;
}

/** A proxy URL without its user and password: the sheet is handed around on paper. */
const withoutCredentials = (url: string) => url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');

const sheetNode = (n: SiteNode): SheetNode => ({ name: n.name, role: n.role, address: n.address, labels: n.labels });

function needsGroups(site: Site, check: SiteCheck): NeedsGroup[] {
  const groups = new Map<string, NeedsGroup>();
  site.nodes.forEach((node, i) => {
    const nodeCheck = check.nodes[i];
    if (!nodeCheck) return;
    const key = JSON.stringify(nodeCheck.needs);
    const group = groups.get(key) ?? { needs: nodeCheck.needs, nodes: [] };
    group.nodes.push(node.name);
    groups.set(key, group);
  });
  return [...groups.values()];
}

export function siteSheet(site: Site, analysis?: { check: SiteCheck }): SiteSheet {
  const { security: sec, network: net, proxy, airGap } = site;
  const nodes = site.nodes.map(sheetNode);
  const podSecurity = effectivePodSecurity(sec);
  const checked = analysis && analysis.check.nodes.length > 0 ? needsGroups(site, analysis.check) : null;
  return {
    name: site.name,
    description: site.description,
    rke2Version: site.rke2Version,
    controlPlaneHost: site.cluster.controlPlaneHost,
    endpoint: site.cluster.endpoint,
    nodes,
    servers: nodes.filter((n) => isServerRole(n.role)),
    workers: nodes.filter((n) => !isServerRole(n.role)),
    security: {
      fips: sec.fips,
      cisProfile: sec.cisProfile,
      selinux: sec.selinux,
      secretsEncryptionProvider: sec.secretsEncryptionProvider,
      writeKubeconfigMode: sec.writeKubeconfigMode,
      podSecurity: podSecurity.level,
      podSecurityFromCis: podSecurity.fromCis,
    },
    network: {
      clusterCidr: net.clusterCidr,
      serviceCidr: net.serviceCidr,
      cni: net.cni,
      multus: net.multus,
      ingressController: net.ingressController,
    },
    proxy: { url: withoutCredentials(proxy.httpProxy || proxy.httpsProxy), noProxy: proxy.noProxy },
    images: {
      source: airGap.imageSource,
      archivesPath: airGap.imageSource === 'archives' ? airGap.imagesPath : '',
      systemDefaultRegistry: airGap.systemDefaultRegistry,
      mirrors: airGap.mirrors.length,
    },
    dhcpReservations: site.nodes
      .filter((n) => n.addressing === 'dhcp-reservation')
      .map((n) => ({ node: n.name, mac: n.mac, address: n.address.split('/')[0] ?? '' })),
    needs: checked,
    ports: portTable(site),
    serverOnlyPorts: serverOnlyPorts(site),
  };
}
