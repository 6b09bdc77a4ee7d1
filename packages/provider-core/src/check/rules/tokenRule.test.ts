import { describe, expect, it } from 'vitest';
import { ruleOnEditedDevice } from '../../../test/bootCheckFixtures.js';
import { haSite } from '../../../test/siteFixtures.js';
import { tokenRule } from './tokenRule.js';

describe('token rule (k3s agent Run)', () => {
  it('passes an agent with the token the provider writes', () => {
    expect(ruleOnEditedDevice(haSite(), 3, tokenRule, () => {})).toEqual([]);
  });

  it('fails an agent whose config.yaml has no token, and not a server (it makes one)', () => {
    const drop = (d: { config: Map<string, unknown> | null }) => d.config?.delete('token');
    expect(ruleOnEditedDevice(haSite(), 3, tokenRule, drop).map((f) => f.message)).toEqual(['--token is required']);
    expect(ruleOnEditedDevice(haSite(), 0, tokenRule, drop)).toEqual([]);
  });
});
