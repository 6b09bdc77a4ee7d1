import { describe, expect, it } from 'vitest';
import { CA_PEM, KEY_PEM } from '../../test/pemFixtures.js';
import { variant } from '../../test/siteFixtures.js';
import { RegistryConfigSchema } from '../site/siteSchema.js';
import { decodeShareFragment, encodeShareFragment, withoutSecrets } from './shareLink.js';

const site = variant((s) =>
  s.airGap.registryConfigs.push(
    RegistryConfigSchema.parse({ host: 'registry.local:5000', caPem: CA_PEM, certPem: CA_PEM, keyPem: KEY_PEM }),
  ),
);

describe('share links and registry client keys', () => {
  it('leave the client key out, keep the certificates, and say so', async () => {
    const { site: shared, omitted } = withoutSecrets(site);
    expect(shared.airGap.registryConfigs[0]).toMatchObject({ keyPem: '', caPem: CA_PEM, certPem: CA_PEM });
    expect(omitted.map((o) => o.secret)).toContain('registry-key');
    const opened = await decodeShareFragment(await encodeShareFragment(site, { includeSecrets: false }));
    expect(opened.ok && opened.site.airGap.registryConfigs[0]!.keyPem).toBe('');
    expect(opened.ok && opened.omitted.find((o) => o.secret === 'registry-key')?.label).toMatch(
      /client key \(PEM\) for registry "registry.local:5000"/,
    );
  });

  it('carry the key when asked to include secrets', async () => {
    const opened = await decodeShareFragment(await encodeShareFragment(site, { includeSecrets: true }));
    expect(opened.ok && opened.site.airGap.registryConfigs[0]!.keyPem).toBe(KEY_PEM);
  });
});
