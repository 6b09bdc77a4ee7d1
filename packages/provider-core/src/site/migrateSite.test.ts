import { describe, expect, it } from 'vitest';
import { parseSite } from './createSite.js';
import { rke2ConfigFor, siteContext } from './rke2ConfigFor.js';
import type { Site } from './siteSchema.js';

const TOKEN = 'Zq8vN3kP2wX7mR4tY9bL6cF1hJ5dG0sA';

/** A version-1 site.json as version 1 of the designer wrote it. */
const v1 = (more: Record<string, unknown> = {}) => ({
  version: 1,
  name: 'old',
  cluster: { token: TOKEN, controlPlaneHost: '10.0.0.11', tlsSans: [] },
  nodes: [
    { name: 'cp-1', role: 'init', address: '10.0.0.11/24' },
    { name: 'w-1', role: 'worker', address: '10.0.0.21/24' },
  ],
  ...more,
});

function opened(value: unknown): Site {
  const result = parseSite(JSON.stringify(value));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.site;
}

describe('site.json version 1 → 2', () => {
  it('opens every version-1 file as version 2', () => {
    const site = opened(v1());
    expect(site.version).toBe(2);
    expect(site.cluster.endpoint).toBe('init-node');
    expect(site.airGap.imageSource).toBe('internet');
  });

  it('turns importLocalImages into the images source, and infers mirror and proxy sources', () => {
    expect(opened(v1({ airGap: { importLocalImages: true, imagesPath: '/opt/i' } })).airGap).toMatchObject({
      imageSource: 'archives',
      imagesPath: '/opt/i',
    });
    expect(opened(v1({ airGap: { importLocalImages: false, systemDefaultRegistry: 'reg.local:5000' } })).airGap.imageSource).toBe('mirror');
    expect(opened(v1({ airGap: { mirrors: [{ registry: 'docker.io', endpoints: ['https://m.local'] }] } })).airGap.imageSource).toBe(
      'mirror',
    );
    expect(opened(v1({ proxy: { httpsProxy: 'http://p.local:3128' } })).airGap.imageSource).toBe('proxy');
    expect(Object.keys(opened(v1({ airGap: { importLocalImages: true } })).airGap)).not.toContain('importLocalImages');
  });

  it("a free address on the servers' network was meant as a VIP: kube-vip now holds it; a name or an address elsewhere is a load balancer", () => {
    expect(opened(v1({ cluster: { token: TOKEN, controlPlaneHost: '10.0.0.5' } })).cluster.endpoint).toBe('kube-vip');
    expect(opened(v1({ cluster: { token: TOKEN, controlPlaneHost: '10.0.0.21' } })).cluster.endpoint).toBe('load-balancer');
    expect(opened(v1({ cluster: { token: TOKEN, controlPlaneHost: '172.16.0.5' } })).cluster.endpoint).toBe('load-balancer');
    expect(opened(v1({ cluster: { token: TOKEN, controlPlaneHost: 'cp.example' } })).cluster.endpoint).toBe('load-balancer');
  });

  it('the old default cluster DNS under a moved service network follows the service network', () => {
    const moved = opened(v1({ network: { serviceCidr: '10.101.0.0/16', clusterDns: '10.43.0.10' } }));
    expect(moved.network.clusterDns).toBe('');
    const init = moved.nodes[0]!;
    expect(rke2ConfigFor(siteContext(moved), init).config.get('cluster-dns')).toBe('10.101.0.10');
    // A deliberate value, and the default under the default network, are kept.
    expect(opened(v1({ network: { serviceCidr: '10.101.0.0/16', clusterDns: '10.101.0.53' } })).network.clusterDns).toBe('10.101.0.53');
    expect(opened(v1({ network: { clusterDns: '10.43.0.10' } })).network.clusterDns).toBe('10.43.0.10');
  });

  it('leaves values of the wrong type for the schema to name, never throws', () => {
    for (const odd of [{ airGap: 'x' }, { cluster: null }, { nodes: 'x' }, { network: [] }, { airGap: { importLocalImages: 'yes' } }]) {
      expect(() => parseSite(JSON.stringify(v1(odd)))).not.toThrow();
    }
    expect(parseSite(JSON.stringify(v1({ cluster: null }))).ok).toBe(false);
  });
});
