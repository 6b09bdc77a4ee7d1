import { describe, expect, it } from 'vitest';
import { variant } from '../../test/siteFixtures.js';
import { CA_PEM, KEY_PEM } from '../../test/pemFixtures.js';
import { RegistryConfigSchema, type RegistryConfig } from '../site/siteSchema.js';
import { lintRegistryTls, pemProblem } from './registryTlsRules.js';
import { lintSite } from './lintSite.js';

const withRegistry = (more: Partial<RegistryConfig>) =>
  variant((s) => s.airGap.registryConfigs.push(RegistryConfigSchema.parse({ host: 'registry.local', ...more })));
const codes = (more: Partial<RegistryConfig>) =>
  lintRegistryTls(withRegistry(more)).map((f) => `${f.severity} ${f.code} ${f.path.join('.')}`);

describe('registry TLS contents', () => {
  it('passes PEM certificates and an unencrypted key', () => {
    expect(codes({ caPem: CA_PEM, certPem: CA_PEM + CA_PEM, keyPem: KEY_PEM })).toEqual([]);
    expect(lintSite(withRegistry({ caPem: CA_PEM, keyPem: KEY_PEM, certPem: CA_PEM })).filter((f) => f.path[0] === 'airGap')).toEqual([]);
  });

  it('fails text that is not PEM, a key in the CA field, an encrypted key', () => {
    expect(codes({ caPem: 'MIIBszCCAVmgAwIBAgIU' })).toEqual(['error pem-invalid airGap.registryConfigs.0.caPem']);
    expect(codes({ caPem: KEY_PEM })).toEqual(['error pem-invalid airGap.registryConfigs.0.caPem']);
    expect(pemProblem(KEY_PEM.replace(/PRIVATE KEY/g, 'ENCRYPTED PRIVATE KEY'), 'key')).toMatch(/encrypted/);
    expect(pemProblem(CA_PEM.replace('-----END CERTIFICATE-----', '-----END PRIVATE KEY-----'), 'ca')).toMatch(/not PEM/);
  });

  it('warns when a file is named without its content, not when the content is given', () => {
    expect(codes({ caFile: '/etc/ssl/certs/registry-ca.pem' })).toEqual(['warning tls-file-not-written airGap.registryConfigs.0.caFile']);
    expect(codes({ caFile: '/etc/ssl/certs/registry-ca.pem', caPem: CA_PEM })).toEqual([]);
  });

  it('PEM with a carriage return, shell text or too much text is a security finding', () => {
    const security = (caPem: string) =>
      lintSite(withRegistry({ caPem }))
        .filter((f) => f.path.join('.') === 'airGap.registryConfigs.0.caPem')
        .map((f) => f.code);
    expect(security(CA_PEM.replace(/\n/g, '\r\n'))).toContain('control-character');
    expect(security(`${CA_PEM}\u0085$(reboot)`)).toContain('line-break');
    expect(security(`${CA_PEM}${'A'.repeat(70_000)}`)).toContain('too-large');
    expect(security(`${CA_PEM}$(reboot)\n`)).toEqual(['pem-invalid']);
  });
});
