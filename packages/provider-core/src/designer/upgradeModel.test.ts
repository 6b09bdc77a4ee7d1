import { describe, expect, it } from 'vitest';
import type { Site } from '../site/siteSchema.js';
import { siteTemplate } from './siteTemplates.js';
import { UPGRADE_FACTS, type Rke2Minor } from './upgradeFacts.js';
import { upgradePlan, upgradeTargets, type UpgradeCode } from './upgradeModel.js';

const template = (id: string, version: Rke2Minor, edit: (s: Site) => void = () => {}): Site => {
  const site = { ...siteTemplate(id)!.build(), rke2Version: version };
  edit(site);
  return site;
};
const codes = (site: Site, to: Rke2Minor) => upgradePlan(site, to).findings.map((f) => f.code);
const finding = (site: Site, to: Rke2Minor, code: UpgradeCode) => upgradePlan(site, to).findings.find((f) => f.code === code);

describe('upgrade targets and steps', () => {
  it('offers the later minors only, none from the newest', () => {
    expect(upgradeTargets('v1.33')).toEqual(['v1.34', 'v1.35', 'v1.36']);
    expect(upgradeTargets('v1.36')).toEqual([]);
  });

  it('refuses a target that is not later', () => {
    expect(() => upgradePlan(template('ha', 'v1.35'), 'v1.35')).toThrow(/not later/);
  });

  it('says to go one minor at a time when the target skips one, naming the way', () => {
    const plan = upgradePlan(template('ha', 'v1.34'), 'v1.36');
    expect(plan.steps).toEqual(['v1.35', 'v1.36']);
    const skip = plan.findings.find((f) => f.code === 'upgrade-skips-minor')!;
    expect(skip).toMatchObject({ severity: 'warning', path: ['rke2Version'] });
    expect(skip.message).toContain('v1.34 → v1.35 → v1.36');
    expect(skip.sources[0]!.url).toBe('https://docs.rke2.io/upgrades/manual');
  });

  it('has no skip finding for the next minor', () => {
    expect(codes(template('ha', 'v1.35'), 'v1.36')).not.toContain('upgrade-skips-minor');
  });

  it('orders the servers before the agents, by name', () => {
    const order = finding(template('ha', 'v1.35'), 'v1.36', 'upgrade-order')!;
    expect(order.message).toBe('Upgrade the server nodes first, one at a time (cp-1, cp-2, cp-3); then the agents (worker-1, worker-2).');
    expect(finding(template('single-node', 'v1.35'), 'v1.36', 'upgrade-order')!.message).toBe(
      'Upgrade the server nodes first, one at a time (edge-1).',
    );
  });
});

describe('cgroup v2 (Kubernetes 1.35)', () => {
  it('warns when the way passes into v1.35', () => {
    expect(finding(template('ha', 'v1.34'), 'v1.35', 'cgroup-v2-required')).toMatchObject({ severity: 'warning', path: [] });
    expect(codes(template('ha', 'v1.33'), 'v1.36')).toContain('cgroup-v2-required');
  });

  it('does not apply from v1.35 on', () => {
    expect(codes(template('ha', 'v1.35'), 'v1.36')).not.toContain('cgroup-v2-required');
  });
});

describe('ingress controller', () => {
  const nginx = (s: Site) => (s.network.ingressController = 'ingress-nginx');

  it('warns a site running ingress-nginx that v1.36 ends its updates, pointing at the field', () => {
    const f = finding(template('ha', 'v1.35', nginx), 'v1.36', 'ingress-nginx-retired')!;
    expect(f).toMatchObject({ severity: 'warning', path: ['network', 'ingressController'] });
    expect(f.sources.map((s) => s.url)).toContain('https://docs.rke2.io/reference/ingress_migration');
  });

  it('points at the extra config that sets ingress-controller, node before site', () => {
    const site = template('ha', 'v1.35', (s) => (s.extraConfig = 'ingress-controller: [ingress-nginx]\n'));
    expect(finding(site, 'v1.36', 'ingress-nginx-retired')!.path).toEqual(['extraConfig']);
    site.nodes[1]!.extraConfig = 'ingress-controller: ingress-nginx\n';
    expect(finding(site, 'v1.36', 'ingress-nginx-retired')!.path).toEqual(['nodes', 1, 'extraConfig']);
  });

  it('does not apply to traefik, or below v1.36', () => {
    expect(codes(template('ha', 'v1.35'), 'v1.36')).not.toContain('ingress-nginx-retired');
    expect(codes(template('ha', 'v1.33', nginx), 'v1.35')).not.toContain('ingress-nginx-retired');
  });

  it('lists the new default as unchanged for this design, since the design names its controller', () => {
    const plan = upgradePlan(template('ha', 'v1.35', nginx), 'v1.36');
    const check = plan.unchanged.find((c) => c.topic === 'Default ingress controller')!;
    expect(check.message).toContain('deploys traefik by default where v1.35 deployed ingress-nginx');
    expect(check.message).toContain('("ingress-nginx")');
    expect(upgradePlan(template('ha', 'v1.34'), 'v1.35').unchanged.map((c) => c.topic)).not.toContain('Default ingress controller');
  });

  it('refuses a controller the target does not deploy', () => {
    const site = template('ha', 'v1.35', (s) => (s.extraConfig = 'ingress-controller: [contour]\n'));
    expect(finding(site, 'v1.36', 'ingress-not-accepted')).toMatchObject({ severity: 'error', path: ['extraConfig'] });
    expect(codes(template('ha', 'v1.35'), 'v1.36')).not.toContain('ingress-not-accepted');
  });
});

describe('hardening profile', () => {
  it('finds "cis" accepted on every minor, as a check that needs nothing', () => {
    const plan = upgradePlan(template('cis-selinux', 'v1.33'), 'v1.36');
    expect(plan.findings.map((f) => f.code)).not.toContain('profile-not-accepted');
    expect(plan.unchanged.find((c) => c.topic === 'Hardening profile')!.message).toContain('profile "cis" is accepted by v1.36');
  });

  it('refuses a profile the target rejects, at the field that sets it', () => {
    const site = template('ha', 'v1.35', (s) => (s.extraConfig = 'profile: cis-1.23\n'));
    expect(finding(site, 'v1.36', 'profile-not-accepted')).toMatchObject({ severity: 'error', path: ['extraConfig'] });
    const cis = template('ha', 'v1.35', (s) => (s.security.cisProfile = true));
    const noCis = { ...UPGRADE_FACTS, profiles: { ...UPGRADE_FACTS.profiles, 'v1.36': ['etcd'] } };
    expect(upgradePlan(cis, 'v1.36', noCis).findings.find((f) => f.code === 'profile-not-accepted')!.path).toEqual([
      'security',
      'cisProfile',
    ]);
  });

  it('says nothing of profiles on a site without one', () => {
    expect(upgradePlan(template('ha', 'v1.35'), 'v1.36').unchanged.map((c) => c.topic)).not.toContain('Hardening profile');
  });
});

describe('config keys', () => {
  const removing = (key: string) => ({
    ...UPGRADE_FACTS,
    keyChanges: { ...UPGRADE_FACTS.keyChanges, 'v1.36': { added: [], removed: [key] } },
  });

  it('the newest patches of v1.33–v1.36 know the same keys', () => {
    for (const minor of ['v1.33', 'v1.34', 'v1.35', 'v1.36'] as const)
      expect(UPGRADE_FACTS.keyChanges[minor]).toEqual({ added: [], removed: [] });
    expect(upgradePlan(template('ha', 'v1.35'), 'v1.36').unchanged.map((c) => c.topic)).toContain('Config keys');
  });

  it('reports a removed key the design sets, at the extra config that sets it', () => {
    const site = template('ha', 'v1.35', (s) => (s.nodes[4]!.extraConfig = 'kubelet-arg: [max-pods=200]\n'));
    const f = upgradePlan(site, 'v1.36', removing('kubelet-arg')).findings.find((x) => x.code === 'key-removed')!;
    expect(f).toMatchObject({ severity: 'error', path: ['nodes', 4, 'extraConfig'] });
    expect(upgradePlan(template('ha', 'v1.35'), 'v1.36', removing('kubelet-arg')).findings.map((x) => x.code)).not.toContain('key-removed');
  });

  it('does not apply a removal the way does not pass', () => {
    const site = template('ha', 'v1.34', (s) => (s.extraConfig = 'kubelet-arg: [max-pods=200]\n'));
    expect(upgradePlan(site, 'v1.35', removing('kubelet-arg')).findings.map((x) => x.code)).not.toContain('key-removed');
  });
});

describe('image archives', () => {
  const archives =
    (list: string[], ingress: Site['network']['ingressController'] = 'traefik') =>
    (s: Site) => {
      s.airGap.imageSource = 'archives';
      s.airGap.imageArchives = list;
      s.network.ingressController = ingress;
    };
  const CORE = 'rke2-images-core.linux-amd64.tar.zst';
  const CANAL = 'rke2-images-canal.linux-amd64.tar.zst';
  const TRAEFIK = 'rke2-images-traefik.linux-amd64.tar.zst';

  it('says the traefik archive is gone in v1.36, at its line', () => {
    const site = template('ha', 'v1.35', archives([CORE, CANAL, TRAEFIK]));
    const f = finding(site, 'v1.36', 'archive-not-published')!;
    expect(f).toMatchObject({ severity: 'warning', path: ['airGap', 'imageArchives', 2] });
    expect(f.message).toContain("moved Traefik's images into rke2-images-core");
    expect(f.sources.map((s) => s.url)).toContain('https://github.com/rancher/rke2/pull/10269');
  });

  it('asks for the ingress-nginx archive a v1.36 ingress-nginx site needs', () => {
    const site = template('ha', 'v1.35', archives([CORE, CANAL], 'ingress-nginx'));
    expect(finding(site, 'v1.36', 'archive-needed')!.message).toContain('rke2-images-ingress-nginx.linux-amd64.tar.zst');
    expect(codes(template('ha', 'v1.35', archives([CORE, CANAL])), 'v1.36')).not.toContain('archive-needed');
  });

  it('always says to bring the new release archives; nothing of archives without them', () => {
    const site = template('ha', 'v1.34', archives([CORE, CANAL, TRAEFIK]));
    expect(codes(site, 'v1.35')).toEqual(expect.arrayContaining(['archives-new-release']));
    expect(codes(site, 'v1.35')).not.toContain('archive-not-published');
    expect(codes(template('ha', 'v1.35'), 'v1.36').filter((c) => c.startsWith('archive'))).toEqual([]);
  });
});

it('lists errors first, then warnings, then information', () => {
  const site = template('ha', 'v1.34', (s) => (s.extraConfig = 'profile: cis-1.23\n'));
  const severities = upgradePlan(site, 'v1.36').findings.map((f) => f.severity);
  expect(severities).toEqual(
    [...severities].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)),
  );
  expect(severities[0]).toBe('error');
});

it('keeps etcd among the unchanged topics while every minor embeds the same etcd', () => {
  const etcd = upgradePlan(template('ha', 'v1.33'), 'v1.34').unchanged.find((c) => c.topic === 'etcd')!;
  expect(etcd.message).toContain('v3.6.14-k3s1');
  // Both ends of the step are cited: the version.sh of the release left and of the one reached.
  expect(etcd.sources.map((s) => s.url)).toEqual([expect.stringContaining('v1.33.'), expect.stringContaining('v1.34.')]);
});
