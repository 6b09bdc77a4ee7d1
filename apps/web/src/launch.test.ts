import { createSite, encodeShareFragment, SHARE_PREFIX } from '@rke2-edge/provider-core';
import { describe, expect, it } from 'vitest';
import { SHARE_LINK_PREFIX, shareLaunch } from './launch.js';

describe('shareLaunch', () => {
  it("uses provider-core's share prefix", () => {
    expect(SHARE_LINK_PREFIX).toBe(SHARE_PREFIX);
  });

  it('launches a share link that provider-core made, and nothing for another fragment', async () => {
    const fragment = await encodeShareFragment(createSite({ name: 'shared' }), { includeSecrets: false });
    expect(shareLaunch(fragment)).toEqual({ kind: 'share', fragment });
    expect(shareLaunch('#section-2')).toBeNull();
    expect(shareLaunch('')).toBeNull();
  });
});
