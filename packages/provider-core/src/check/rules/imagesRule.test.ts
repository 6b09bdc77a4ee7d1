import { describe, expect, it } from 'vitest';
import { ruleFailures } from '../../../test/bootCheckFixtures.js';
import { haSite, variant } from '../../../test/siteFixtures.js';

const archives = (imageArchives: string[], imagesPath = '/opt/content/images') =>
  variant((s) => Object.assign(s.airGap, { imageSource: 'archives', imagesPath, imageArchives }));

describe('images rule (rke2 bootstrap Stage, provider-rke2 import.sh)', () => {
  it('does not apply to a site that pulls its images', () => {
    expect(ruleFailures(haSite(), 3, 'images')).toEqual([]);
  });

  it('passes the published .tar.zst archives (linked into the images folder) and .tar ones (copied by the provider)', () => {
    expect(ruleFailures(archives(['rke2-images-core.linux-amd64.tar.zst', 'rke2-images-canal.linux-amd64.tar.zst']), 3, 'images')).toEqual(
      [],
    );
    expect(ruleFailures(archives(['rke2-images-core.linux-amd64.tar', 'rke2-images-canal.linux-amd64.tar']), 0, 'images')).toEqual([]);
    expect(ruleFailures(archives(['rke2-images.linux-amd64.tar.gz'], '/var/lib/rancher/rke2/agent/images'), 0, 'images')).toEqual([]);
  });

  it("fails with RKE2's runtime image message when no archive reaches the images folder", () => {
    expect(ruleFailures(archives([]), 3, 'images')).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^failed to get runtime image index\.docker\.io\/rancher\/rke2-runtime \(the v1\.36 release's tag\): /,
        ),
        path: ['airGap', 'imageArchives'],
      }),
    ]);
  });

  it('passes when the site has a registry to pull what no archive holds', () => {
    const site = archives([]);
    site.airGap.systemDefaultRegistry = 'registry.local:5000';
    expect(ruleFailures(site, 3, 'images')).toEqual([]);
    const mirrored = archives(['rke2-images-core.linux-amd64.tar.zst']);
    mirrored.airGap.mirrors = [{ registry: 'docker.io', endpoints: ['https://registry.local:5000'], rewrites: {} }];
    expect(ruleFailures(mirrored, 3, 'images')).toEqual([]);
  });

  it("names the archive a node still needs: the CNI's", () => {
    expect(ruleFailures(archives(['rke2-images-core.linux-amd64.tar.zst']), 3, 'images')[0]).toMatchObject({
      message: expect.stringContaining('rke2-images-canal.linux-amd64.tar.zst'),
    });
  });
});
