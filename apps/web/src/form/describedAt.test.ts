import { NodeSchema, RegistryConfigSchema } from '@rke2-edge/provider-core';
import { describe, expect, it } from 'vitest';
import { SiteSettingsSchema } from '../sections/siteSettingsSchema.js';
import { describedAt } from './describedAt.js';

describe('describedAt', () => {
  it('finds a field description through defaults, objects and array items', () => {
    expect(describedAt(NodeSchema, 'hostname')).toBe(NodeSchema.shape.hostname.description);
    expect(describedAt(SiteSettingsSchema, 'airGap.registryConfigs.0.caPem')).toBe(RegistryConfigSchema.shape.caPem.description);
    expect(describedAt(SiteSettingsSchema, 'airGap.registryConfigs.0.caPem')).toBeTruthy();
    expect(describedAt(SiteSettingsSchema, 'cluster.nothing')).toBeUndefined();
  });
});
