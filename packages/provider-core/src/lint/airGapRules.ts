/**
 * How nodes get their images (`airGap.imageSource`), and for archives, whether the list holds what
 * the site needs. Codes: image-source-incomplete, image-archive-missing, image-archive-unknown.
 *
 * - proxy: RKE2 and containerd pull through HTTP_PROXY/HTTPS_PROXY (provider-rke2 writes them to
 *   /etc/default/rke2-*); without one they pull straight from the internet;
 * - mirror: images come from `system-default-registry` or the registries.yaml mirrors;
 * - archives: the names RKE2 publishes for the version, CNI, ingress and Multus (imageArchives.ts,
 *   from rancher/rke2 scripts/build-images and scripts/package-images), placed by airGapSteps.
 */
import {
  archiveFileName,
  groupsFor,
  groupsListed,
  isLoadableArchive,
  isPublishedArchive,
  LOADABLE_EXTENSIONS,
} from '../site/imageArchives.js';
import type { Site } from '../site/siteSchema.js';
import type { Finding } from './finding.js';

const SOURCE = 'rancher/rke2 scripts/build-images, scripts/package-images';

function sourceFindings(site: Site): Finding[] {
  const { airGap, proxy } = site;
  if (airGap.imageSource === 'proxy' && proxy.httpProxy.trim() === '' && proxy.httpsProxy.trim() === '') {
    return [
      {
        severity: 'error',
        code: 'image-source-incomplete',
        message:
          'Images come through a proxy, but no HTTP or HTTPS proxy is set: RKE2 and containerd would pull straight from the internet',
        path: ['proxy', 'httpsProxy'],
      },
    ];
  }
  if (airGap.imageSource === 'mirror' && airGap.systemDefaultRegistry.trim() === '' && airGap.mirrors.length === 0) {
    return [
      {
        severity: 'error',
        code: 'image-source-incomplete',
        message:
          'Images come from a registry mirror, but neither a system default registry nor a mirror is set: nodes would pull from the public registries',
        path: ['airGap', 'systemDefaultRegistry'],
      },
    ];
  }
  return [];
}

function archiveFindings(site: Site): Finding[] {
  const { airGap, rke2Version } = site;
  if (airGap.imageSource !== 'archives') return [];
  const findings: Finding[] = [];
  const held = groupsListed(airGap.imageArchives);
  for (const group of groupsFor(site)) {
    if (held.has(group)) continue;
    const name = archiveFileName(group);
    findings.push({
      severity: 'error',
      code: 'image-archive-missing',
      message: `${name} is not in the image archives: RKE2 ${rke2Version} with ${site.network.cni} CNI, ${site.network.ingressController} ingress${site.network.multus ? ' and Multus' : ''} needs the images it holds, and an air-gapped node cannot pull them (${SOURCE})`,
      path: ['airGap', 'imageArchives'],
      fix: { description: `add ${name}`, value: name },
    });
  }
  airGap.imageArchives.forEach((file, i) => {
    const path = ['airGap', 'imageArchives', i];
    if (!isLoadableArchive(file)) {
      findings.push({
        severity: 'warning',
        code: 'image-archive-unknown',
        message: `"${file}" is not an archive RKE2 loads: it reads only ${LOADABLE_EXTENSIONS.join(', ')} files from its images folder (k3s-io/k3s pkg/agent/containerd, preloadFile)`,
        path,
      });
    } else if (/^rke2-images/.test(file) && !isPublishedArchive(file, rke2Version)) {
      findings.push({
        severity: 'warning',
        code: 'image-archive-unknown',
        message: `RKE2 ${rke2Version} publishes no archive named "${file}" for linux-amd64 (${SOURCE}); check the name against the release's assets`,
        path,
      });
    }
  });
  return findings;
}

export function lintAirGap(site: Site): Finding[] {
  return [...sourceFindings(site), ...archiveFindings(site)];
}
