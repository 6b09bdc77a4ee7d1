import { describe, expect, it } from 'vitest';
import { nodePreview } from './nodePreview.js';

const base = `#cloud-config
cluster:
  cluster_token: K10token1234567890abcdef
  control_plane_host: 10.0.1.100
  role: worker
  env:
    HTTP_PROXY: http://proxy:3128
`;

describe('nodePreview', () => {
  it('lists the yip file, every provider file and the merged config', () => {
    const preview = nodePreview(`${base}  config: |\n    cluster-cidr: 10.42.0.0/16\n    service-cidr: 10.43.0.0/16\n`, '10.0.1.21/24');
    expect(preview.kind).toBe('files');
    if (preview.kind !== 'files') return;
    expect(preview.panels.map((p) => p.title)).toEqual([
      '/usr/local/cloud-config/cluster.kairos.yaml',
      '/etc/rancher/rke2/config.d/90_userdata.yaml',
      '/etc/rancher/rke2/config.d/99_userdata.yaml',
      '/etc/default/rke2-agent',
      '/etc/rancher/rke2/config.yaml',
    ]);
    expect(preview.panels[3]!.text).toContain('NO_PROXY=,10.42.0.0/16,10.43.0.0/16,10.0.1.21/24,');
  });

  it('explains in plain words when the provider would crash', () => {
    const preview = nodePreview(base, '10.0.1.21/24');
    expect(preview).toEqual({ kind: 'message', message: expect.stringContaining('no Kubernetes configuration at boot') });
  });

  it('says when there is nothing for the provider to do', () => {
    expect(nodePreview('#cloud-config\nhostname: a\n', '')).toMatchObject({ kind: 'message' });
  });
});
