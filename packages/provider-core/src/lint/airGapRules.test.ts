import { describe, expect, it } from 'vitest';
import { haSite, variant } from '../../test/siteFixtures.js';
import type { Site } from '../site/siteSchema.js';
import { lintAirGap } from './airGapRules.js';
import { lintSite } from './lintSite.js';

const codes = (site: Site) => lintAirGap(site).map((f) => `${f.severity} ${f.code} ${f.path.join('.')}`);
const archives = (names: string[], edit: (s: Site) => void = () => undefined) =>
  variant((s) => {
    Object.assign(s.airGap, { imageSource: 'archives', imageArchives: names });
    edit(s);
  });

describe('image source', () => {
  it('proxy: passes with a proxy, fails without', () => {
    expect(
      codes(
        variant((s) => {
          s.airGap.imageSource = 'proxy';
          s.proxy.httpsProxy = 'http://proxy:3128';
        }),
      ),
    ).toEqual([]);
    expect(codes(variant((s) => (s.airGap.imageSource = 'proxy')))).toEqual(['error image-source-incomplete proxy.httpsProxy']);
  });

  it('mirror: passes with a system default registry or a mirror, fails with neither', () => {
    expect(
      codes(
        variant((s) => {
          s.airGap.imageSource = 'mirror';
          s.airGap.systemDefaultRegistry = 'registry.local:5000';
        }),
      ),
    ).toEqual([]);
    expect(
      codes(
        variant((s) => {
          s.airGap.imageSource = 'mirror';
          s.airGap.mirrors = [{ registry: 'docker.io', endpoints: ['https://registry.local:5000'], rewrites: {} }];
        }),
      ),
    ).toEqual([]);
    expect(codes(variant((s) => (s.airGap.imageSource = 'mirror')))).toEqual([
      'error image-source-incomplete airGap.systemDefaultRegistry',
    ]);
  });

  it('internet needs nothing', () => {
    expect(codes(haSite())).toEqual([]);
  });
});

describe('image archives', () => {
  it('passes with what RKE2 publishes for the site, compressed as released (no images-not-tar any more)', () => {
    const site = archives(['rke2-images-core.linux-amd64.tar.zst', 'rke2-images-canal.linux-amd64.tar.zst']);
    expect(codes(site)).toEqual([]);
    expect(lintSite(site).filter((f) => f.path[0] === 'airGap')).toEqual([]);
  });

  it("accepts the legacy archive, a decompressed .tar and the user's own archives", () => {
    expect(codes(archives(['rke2-images.linux-amd64.tar.gz', 'kube-vip.tar']))).toEqual([]);
    expect(codes(archives(['rke2-images-core.linux-amd64.tar', 'rke2-images-canal.linux-amd64.tar']))).toEqual([]);
  });

  it('names each missing archive', () => {
    const findings = lintAirGap(archives([], (s) => Object.assign(s.network, { cni: 'cilium', multus: true })));
    expect(findings.map((f) => f.fix?.value)).toEqual([
      'rke2-images-core.linux-amd64.tar.zst',
      'rke2-images-cilium.linux-amd64.tar.zst',
      'rke2-images-multus.linux-amd64.tar.zst',
    ]);
    expect(findings.every((f) => f.severity === 'error' && f.code === 'image-archive-missing')).toBe(true);
  });

  it('warns about RKE2 names the version does not publish, and files RKE2 does not load', () => {
    expect(codes(archives(['rke2-images.linux-amd64.tar.zst', 'rke2-images-traefik.linux-amd64.tar.zst']))).toEqual([
      'warning image-archive-unknown airGap.imageArchives.1',
    ]);
    expect(
      codes(archives(['rke2-images.linux-amd64.tar.zst', 'rke2-images-traefik.linux-amd64.tar.zst'], (s) => (s.rke2Version = 'v1.35'))),
    ).toEqual([]);
    expect(codes(archives(['rke2-images.linux-amd64.tar.zst', 'images.zip']))).toEqual([
      'warning image-archive-unknown airGap.imageArchives.1',
    ]);
  });
});
