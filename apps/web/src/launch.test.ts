import { createSite, encodeShareFragment } from '@rke2-edge/provider-core';
import { describe, expect, it } from 'vitest';
import { shareLaunch } from './launch.js';

describe('shareLaunch', () => {
  it('launches a share link that provider-core made, and nothing for another fragment', async () => {
    const fragment = await encodeShareFragment(createSite({ name: 'shared' }), { includeSecrets: false });
    expect(shareLaunch(fragment)).toEqual({ kind: 'share', fragment });
    expect(shareLaunch('#section-2')).toBeNull();
    expect(shareLaunch('')).toBeNull();
  });
});
