import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintSite } from '../lint/lintSite.js';
import { parseSite } from '../site/createSite.js';
import { SITE_TEMPLATES, siteTemplate } from './siteTemplates.js';

const EXAMPLE = new URL('../../../../examples/plant-7.site.json', import.meta.url);
const errorsOf = (findings: ReturnType<typeof lintSite>) => findings.filter((f) => f.severity === 'error');

describe('templates and examples lint clean', () => {
  it.each(SITE_TEMPLATES.map((t) => [t.id, t] as const))('template %s has no errors', (_, template) => {
    expect(errorsOf(lintSite(template.build()))).toEqual([]);
  });

  // A template cannot know the user's SSH key nor the devices' MAC addresses: those are the only warnings.
  const USER_MUST_SUPPLY = new Set(['no-login', 'mac-missing']);
  it.each(['single-node', 'ha', 'proxy', 'cis-selinux', 'stylus-edge'])('template %s warns only about what the user must supply', (id) => {
    const codes = lintSite(siteTemplate(id)!.build())
      .filter((f) => f.severity === 'warning')
      .map((f) => f.code);
    expect(codes).toContain('no-login');
    expect(codes.filter((c) => !USER_MUST_SUPPLY.has(c))).toEqual([]);
  });

  it('serves the control plane: kube-vip for the HA designs, the init node otherwise', () => {
    const endpoints = Object.fromEntries(SITE_TEMPLATES.map((t) => [t.id, t.build().cluster.endpoint]));
    expect(endpoints).toMatchObject({
      'single-node': 'init-node',
      ha: 'kube-vip',
      proxy: 'init-node',
      'cis-selinux': 'kube-vip',
      'stylus-edge': 'init-node',
    });
    for (const id of ['ha', 'cis-selinux']) {
      const site = siteTemplate(id)!.build();
      expect(site.nodes.some((n) => n.address.startsWith(`${site.cluster.controlPlaneHost}/`))).toBe(false);
    }
  });

  it('examples/plant-7.site.json is a version 2 kube-vip site with no errors or warnings', () => {
    const parsed = parseSite(readFileSync(EXAMPLE, 'utf8'));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.site.version).toBe(2);
    expect(parsed.site.cluster.endpoint).toBe('kube-vip');
    expect(lintSite(parsed.site).filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
