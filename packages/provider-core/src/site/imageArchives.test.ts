import { describe, expect, it } from 'vitest';
import { haSite, variant } from '../../test/siteFixtures.js';
import { archivesFor, groupsListed, isLoadableArchive, isPublishedArchive, publishedArchives } from './imageArchives.js';

describe('archivesFor', () => {
  it('core and canal for the defaults (v1.36, canal, traefik in core)', () => {
    expect(archivesFor(haSite())).toEqual(['rke2-images-core.linux-amd64.tar.zst', 'rke2-images-canal.linux-amd64.tar.zst']);
  });

  it('the CNI, ingress-nginx (own archive from v1.36) and Multus', () => {
    const site = variant((s) => Object.assign(s.network, { cni: 'cilium', ingressController: 'ingress-nginx', multus: true }));
    expect(archivesFor(site)).toEqual([
      'rke2-images-core.linux-amd64.tar.zst',
      'rke2-images-cilium.linux-amd64.tar.zst',
      'rke2-images-ingress-nginx.linux-amd64.tar.zst',
      'rke2-images-multus.linux-amd64.tar.zst',
    ]);
  });

  it('traefik has its own archive before v1.36, ingress-nginx is in core there', () => {
    expect(
      archivesFor(
        variant((s) => {
          s.rke2Version = 'v1.35';
          s.network.cni = 'calico';
        }),
      ),
    ).toEqual([
      'rke2-images-core.linux-amd64.tar.zst',
      'rke2-images-calico.linux-amd64.tar.zst',
      'rke2-images-traefik.linux-amd64.tar.zst',
    ]);
    expect(
      archivesFor(
        variant((s) => {
          s.rke2Version = 'v1.33';
          s.network.ingressController = 'ingress-nginx';
        }),
      ),
    ).toEqual(['rke2-images-core.linux-amd64.tar.zst', 'rke2-images-canal.linux-amd64.tar.zst']);
  });

  it('nothing for the CNI "none" and no ingress', () => {
    expect(archivesFor(variant((s) => Object.assign(s.network, { cni: 'none', ingressController: 'none' })))).toEqual([
      'rke2-images-core.linux-amd64.tar.zst',
    ]);
  });
});

describe('published archives', () => {
  it('lists each group in .tar.zst and .tar.gz, with the legacy core+canal archive', () => {
    const names = publishedArchives('v1.36');
    expect(names).toContain('rke2-images.linux-amd64.tar.zst');
    expect(names).toContain('rke2-images-flannel.linux-amd64.tar.gz');
    expect(names).toContain('rke2-images-ingress-nginx.linux-amd64.tar.zst');
    expect(names).not.toContain('rke2-images-traefik.linux-amd64.tar.zst');
    expect(publishedArchives('v1.34')).toContain('rke2-images-traefik.linux-amd64.tar.zst');
  });

  it('knows a decompressed archive and refuses other names', () => {
    expect(isPublishedArchive('rke2-images-core.linux-amd64.tar', 'v1.36')).toBe(true);
    expect(isPublishedArchive('rke2-images-core.linux-arm64.tar.zst', 'v1.36')).toBe(false);
    expect(isLoadableArchive('x.tar.lz4')).toBe(true);
    expect(isLoadableArchive('x.zip')).toBe(false);
  });

  it('the legacy archive holds core and canal', () => {
    expect([...groupsListed(['rke2-images.linux-amd64.tar.gz'])].sort()).toEqual(['canal', 'core']);
  });
});
