import { describe, expect, it } from 'vitest';
import { haSite, variant } from '../../test/siteFixtures.js';
import { runSheet } from './runSheet.js';

describe('runSheet', () => {
  it('lists the nodes in install order with what to plug and what to wait for', () => {
    const rows = runSheet(haSite());
    expect(rows.map((r) => [r.step, r.node, r.waitFor])).toEqual([
      [1, 'cp-1', 'nothing: it goes first'],
      [2, 'cp-2', 'cp-1 Ready'],
      [3, 'cp-3', 'cp-2 Ready'],
      [4, 'worker-1', 'every server Ready (cp-1, cp-2, cp-3); the workers can go together'],
      [4, 'worker-2', 'every server Ready (cp-1, cp-2, cp-3); the workers can go together'],
    ]);
    expect(rows[3]).toMatchObject({
      role: 'worker',
      address: '192.168.1.21/24 (DHCP reservation)',
      plug: 'Kairos RKE2 installer + the cidata stick labelled worker-1',
      done: 'rke2-agent active, worker-1 Ready',
    });
    expect(rows[0]!.done).toBe('rke2-server active, cp-1 Ready');
  });

  it('adds the images stick on archive sites and says how a static address is obtained', () => {
    const rows = runSheet(
      variant((s) => {
        s.airGap.imageSource = 'archives';
        s.nodes[1]!.addressing = 'static';
      }),
    );
    expect(rows[0]!.plug).toBe('Kairos RKE2 installer + the cidata stick labelled cp-1; after the install, the images stick');
    expect(rows[1]!.address).toBe('192.168.1.12/24 (static)');
  });
});
