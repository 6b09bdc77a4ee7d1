import { describe, expect, it } from 'vitest';
import { runPlugin } from '../provider/runPlugin.js';
import { bootTimeline } from './bootTimeline.js';

const cloudConfig = (extra: string) =>
  `cluster:\n  role: init\n  config: |\n    cluster-cidr: 10.42.0.0/16\n    service-cidr: 10.43.0.0/16\n${extra}`;

describe('bootTimeline', () => {
  it("names the provider's unnamed image import stage by what it does", () => {
    const steps = bootTimeline(runPlugin(cloudConfig('  import_local_images: true\n'), { nodeCidr: '10.0.0.5/24' }));
    expect(steps.map((s) => s.name)).toEqual([
      'disable disk swap',
      'Install RKE2 Configuration Files',
      'Import image archives (a stage without a name)',
      'Waiting to finish extracting content',
      'Enable Systemd Services',
    ]);
    expect(steps[2]!.condition).toBe('[  -d /opt/content/images ]');
  });

  it('has no steps when the provider writes nothing', () => {
    expect(bootTimeline(runPlugin('#cloud-config\n', { nodeCidr: '10.0.0.5/24' }))).toEqual([]);
  });
});
