import { describe, expect, it } from 'vitest';
import { lintSite } from '../lint/lintSite.js';
import { expandSite } from '../site/expandSite.js';
import { haSite, variant } from '../../test/siteFixtures.js';
import { rke2ConfigJsonSchema } from '../catalog/rke2ConfigJsonSchema.js';
import { RKE2_CATALOG } from '../catalog/rke2Catalog.js';
import { noProxyOf } from './noProxyOf.js';
import { portsForRole, sitePorts } from './rke2Ports.js';
import { SITE_TEMPLATES, siteTemplate } from './siteTemplates.js';

describe('site templates', () => {
  it.each(SITE_TEMPLATES.map((t) => [t.id, t] as const))('%s builds a site with no error findings', (_, template) => {
    const site = template.build();
    const errors = lintSite(site).filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);
    expect(site.nodes.length).toBeGreaterThan(0);
    expect(site.nodes.filter((n) => n.role === 'init')).toHaveLength(1);
  });

  it('gives every new site its own token', () => {
    const template = siteTemplate('ha')!;
    expect(template.build().cluster.token).not.toBe(template.build().cluster.token);
    expect(template.build().cluster.token).toMatch(/^[A-Za-z0-9]{48}$/);
  });

  it('covers the six designs the start screen offers', () => {
    expect(SITE_TEMPLATES.map((t) => t.id)).toEqual(['single-node', 'ha', 'air-gapped-fips', 'proxy', 'cis-selinux', 'stylus-edge']);
    const ha = siteTemplate('ha')!.build();
    expect(ha.nodes.map((n) => n.role)).toEqual(['init', 'controlplane', 'controlplane', 'worker', 'worker']);
    expect(siteTemplate('air-gapped-fips')!.build().security.fips).toBe(true);
    expect(siteTemplate('cis-selinux')!.build().security).toMatchObject({ cisProfile: true, selinux: true });
    expect(siteTemplate('proxy')!.build().proxy.httpProxy).not.toBe('');
    expect(
      siteTemplate('stylus-edge')!
        .build()
        .nodes.every((n) => n.labels.some((l) => l.startsWith('topology.kubernetes.io/region='))),
    ).toBe(true);
  });
});

describe('ports', () => {
  it('servers open the supervisor, API and etcd ports; workers only the shared ones', () => {
    const site = haSite();
    const server = portsForRole(site, 'controlplane').map((p) => `${p.port}/${p.protocol}`);
    const worker = portsForRole(site, 'worker').map((p) => `${p.port}/${p.protocol}`);
    expect(server).toEqual(expect.arrayContaining(['9345/TCP', '6443/TCP', '10250/TCP', '2379/TCP', '2380/TCP', '2381/TCP', '8472/UDP']));
    expect(worker).toEqual(expect.arrayContaining(['10250/TCP', '8472/UDP']));
    expect(worker).not.toContain('9345/TCP');
    expect(worker).not.toContain('2379/TCP');
  });

  it('follows the network plugin', () => {
    const calico = sitePorts(variant((s) => (s.network.cni = 'calico'))).map((p) => p.port);
    expect(calico).toContain('179');
    expect(calico).not.toContain('8472');
  });
});

describe('noProxyOf', () => {
  it('reads NO_PROXY from the env file the provider writes, with the node address', () => {
    const site = variant((s) => {
      s.proxy.httpProxy = 'http://proxy:3128';
      s.proxy.noProxy = '.corp';
    });
    const [first] = expandSite(site).nodes;
    expect(noProxyOf(first!.plan)).toBe(',10.42.0.0/16,10.43.0.0/16,192.168.1.11/24,.svc,.svc.cluster,.svc.cluster.local,.corp');
  });

  it('is empty without a proxy', () => {
    expect(noProxyOf(expandSite(haSite()).nodes[0]!.plan)).toBe('');
  });
});

describe('rke2ConfigJsonSchema', () => {
  it('describes every catalog key with its type, and the append form of lists', () => {
    const schema = rke2ConfigJsonSchema('both') as { properties: Record<string, { type?: string; enum?: string[]; description: string }> };
    expect(Object.keys(schema.properties).length).toBeGreaterThanOrEqual(RKE2_CATALOG.length);
    expect(schema.properties['write-kubeconfig-mode']!.type).toBe('string');
    expect(schema.properties['selinux']!.type).toBe('boolean');
    expect(schema.properties['node-label+']!.description).toMatch(/^Appends to node-label/);
    expect(schema.properties['token']!.description).toContain('removes it here');
  });

  it('leaves server-only keys out of the worker schema', () => {
    const agent = rke2ConfigJsonSchema('agent') as { properties: Record<string, unknown> };
    expect(agent.properties['cluster-cidr']).toBeUndefined();
    expect(agent.properties['node-label']).toBeDefined();
  });
});

describe('analyseSite', () => {
  it('gives each node the worst severity of its findings, and its NO_PROXY', async () => {
    const { analyseSite } = await import('./siteAnalysis.js');
    const site = variant((s) => {
      s.nodes[1]!.extraConfig = 'cni: [';
      s.nodes[3]!.labels = ['bad label'];
      s.proxy.httpProxy = 'http://proxy:3128';
    });
    const analysis = analyseSite(site);
    expect(analysis.nodeStatus[0]).toBe('ok');
    expect(analysis.nodeStatus[1]).toBe('errors');
    expect(analysis.nodeStatus[3]).not.toBe('ok');
    expect(analysis.noProxy[4]).toContain('192.168.1.22/24');
    expect(analysis.findings[0]!.severity).toBe('error');
  });
});
