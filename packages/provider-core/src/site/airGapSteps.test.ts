import { stepArgs } from '../../test/siteFixtures.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { haSite, variant } from '../../test/siteFixtures.js';
import { airGapSteps, PLACE_ARCHIVES_STEP, placedArchives } from './airGapSteps.js';
import { expandSite } from './expandSite.js';
import { importCloudConfigs } from '../import/importCloudConfigs.js';
import type { Site } from './siteSchema.js';

const archives = (edit: (s: Site) => void = () => undefined) =>
  variant((s) => {
    Object.assign(s.airGap, {
      imageSource: 'archives',
      imageArchives: ['rke2-images-core.linux-amd64.tar.zst', 'rke2-images-canal.linux-amd64.tar.gz', 'my-app.tar'],
    });
    edit(s);
  });

interface Step {
  name: string;
  commands?: string[];
}
const stepsOf = (site: Site, index = 0): Step[] =>
  (parse(expandSite(site).nodes[index]!.userData) as { stages?: { initramfs?: Step[] } }).stages?.initramfs ?? [];

describe('airGapSteps', () => {
  it("links the compressed archives into RKE2's images folder, on every node, in the user-data", () => {
    for (const index of [0, 4]) {
      const step = stepsOf(archives(), index).find((s) => s.name === PLACE_ARCHIVES_STEP);
      expect(step?.commands).toEqual([
        'mkdir -p /var/lib/rancher/rke2/agent/images',
        'if [ -L /var/lib/rancher/rke2/agent/images/rke2-images-core.linux-amd64.tar.zst ] || [ ! -e /var/lib/rancher/rke2/agent/images/rke2-images-core.linux-amd64.tar.zst ]; then ln -sfn /opt/content/images/rke2-images-core.linux-amd64.tar.zst /var/lib/rancher/rke2/agent/images/rke2-images-core.linux-amd64.tar.zst; fi',
        'if [ -L /var/lib/rancher/rke2/agent/images/rke2-images-canal.linux-amd64.tar.gz ] || [ ! -e /var/lib/rancher/rke2/agent/images/rke2-images-canal.linux-amd64.tar.gz ]; then ln -sfn /opt/content/images/rke2-images-canal.linux-amd64.tar.gz /var/lib/rancher/rke2/agent/images/rke2-images-canal.linux-amd64.tar.gz; fi',
      ]);
    }
  });

  it("leaves .tar archives to the provider's import script", () => {
    const site = archives();
    expect(placedArchives(stepArgs(site, 0)[0], stepArgs(site, 0)[2]).map(([link]) => link)).not.toContain(
      '/var/lib/rancher/rke2/agent/images/my-app.tar',
    );
  });

  it('follows data-dir from extra config', () => {
    const site = archives((s) => (s.extraConfig = 'data-dir: /data/rke2\n'));
    expect(placedArchives(stepArgs(site, 0)[0], stepArgs(site, 0)[2])[0]![0]).toBe(
      '/data/rke2/agent/images/rke2-images-core.linux-amd64.tar.zst',
    );
  });

  it("writes nothing without archives, or when the images folder is RKE2's own", () => {
    const site = haSite();
    expect(airGapSteps(...stepArgs(site, 0))).toEqual([]);
    const own = archives((s) => (s.airGap.imagesPath = '/var/lib/rancher/rke2/agent/images/'));
    expect(airGapSteps(...stepArgs(own, 0))).toEqual([]);
  });

  it('never puts an unsafe folder or name into the shell line', () => {
    const site = archives((s) => {
      s.airGap.imageArchives.push('x.tar.zst; reboot', '../x.tar.zst');
    });
    const lines = airGapSteps(...stepArgs(site, 0)).flatMap((s) => s.get('commands') as string[]);
    expect(lines.join('\n')).not.toMatch(/reboot|\.\.\//);
    const badFolder = archives((s) => (s.airGap.imagesPath = '/opt/x $(id)'));
    expect(airGapSteps(...stepArgs(badFolder, 0))).toEqual([]);
  });

  it('reads the linked archives back when a designed site is imported', () => {
    const site = archives();
    const imported = importCloudConfigs(expandSite(site).nodes.map((n) => ({ name: `${n.node.name}.yaml`, text: n.userData })));
    expect(imported.site.airGap.imageSource).toBe('archives');
    expect(imported.site.airGap.imageArchives).toEqual(['rke2-images-core.linux-amd64.tar.zst', 'rke2-images-canal.linux-amd64.tar.gz']);
    expect(imported.findings.filter((f) => f.message.includes(PLACE_ARCHIVES_STEP))).toEqual([]);
  });
});
