/** Opened cloud-configs checked again with the addresses the user gives (the HA reference example). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openInputs } from './openInputs.js';
import { checkAddressProblem, checkedNodeAddresses, recheckCloudConfigs, type OpenedCloudConfig } from './recheckCloudConfigs.js';

const HA = resolve(import.meta.dirname, '../../../../examples/cloud-configs/ha');
const names = ['cp-1.yaml', 'cp-2.yaml', 'worker-1.yaml'];

async function opened(extra: { name: string; text: string }[] = []): Promise<OpenedCloudConfig[]> {
  const files = [...names.map((name) => ({ name, text: readFileSync(resolve(HA, name), 'utf8') })), ...extra];
  const result = await openInputs(files.map(({ name, text }) => ({ name, bytes: new TextEncoder().encode(text) })));
  if (!result.ok || !result.cloudConfigs) throw new Error('not opened');
  return result.cloudConfigs;
}

const verdicts = (checks: ReturnType<typeof recheckCloudConfigs>) =>
  checks.map((c) => `${c.node} ${c.address || '-'} ${c.addressFrom} ${c.check.ok}`);

describe('checking opened cloud-configs again with addresses', () => {
  it('keeps the files and the site node each became; a file without cluster: becomes none', async () => {
    const files = await opened([{ name: 'notes.yaml', text: '#cloud-config\nhostname: x\n' }]);
    expect(files.map((f) => [f.name, f.siteNode])).toEqual([
      ['cp-1.yaml', 0],
      ['cp-2.yaml', 1],
      ['worker-1.yaml', 2],
      ['notes.yaml', null],
    ]);
  });

  it('an init node at another address than control_plane_host fails the joining server; a load balancer answers for it', async () => {
    const files = await opened();
    expect(verdicts(recheckCloudConfigs(files, { addresses: [], loadBalancer: false }))).toEqual([
      'cp-1 10.0.1.11/32 assumed true',
      'cp-2 - unknown true',
      'worker-1 - unknown false',
    ]);
    const moved = recheckCloudConfigs(files, {
      addresses: ['10.0.1.15/24', ' 10.0.1.12/24 '],
      loadBalancer: false,
    });
    expect(verdicts(moved)).toEqual(['cp-1 10.0.1.15/24 given true', 'cp-2 10.0.1.12/24 given false', 'worker-1 - unknown false']);
    expect(JSON.stringify(moved[1]!.check.failures)).toContain("10.0.1.11 is not the init node's address, 10.0.1.15");
    const balanced = recheckCloudConfigs(files, {
      addresses: ['10.0.1.15/24', '10.0.1.12/24'],
      loadBalancer: true,
    });
    expect(balanced[1]!.check.ok).toBe(true);
  });

  it('leaves out what is not an address with prefix, so the check uses what it knew', async () => {
    const files = await opened();
    const checks = recheckCloudConfigs(files, { addresses: ['10.0.1.300/24', ''], loadBalancer: false });
    expect(verdicts(checks).slice(0, 2)).toEqual(['cp-1 10.0.1.11/32 assumed true', 'cp-2 - unknown true']);
    expect(checkAddressProblem('')).toBeNull();
    expect(checkAddressProblem('fd00::5/64')).toBeNull();
    expect(checkAddressProblem('10.0.1.300/24')).toBe('10.0.1.300/24 is not an IP address with its prefix, e.g. 10.0.1.11/24');
    // The rules of check --address: a network or broadcast address is no node's.
    expect(checkAddressProblem('10.0.1.255/24')).toContain('broadcast address of 10.0.1.0/24');
    expect(checkAddressProblem('10.0.1.11')).toBe('10.0.1.11 has no prefix length: write the address with its prefix, e.g. 10.0.1.11/24');
    expect(checkAddressProblem('10.0.1.11/33')).not.toBeNull();
  });

  it("gives a typed address to its file only, by index: not to a file named like another file's node, nor to a file of the same name", async () => {
    const text = (host: string, role: string) =>
      `#cloud-config\nhostname: ${host}\ncluster:\n  cluster_token: Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n  control_plane_host: 10.0.1.11\n  role: ${role}\n`;
    // A file named cp-1 whose node is cp-2, next to the file of node cp-1; and two files named w.yaml.
    const files = [
      { name: 'cp-1', text: text('cp-2', 'controlplane'), siteNode: 0 },
      { name: 'cp-1.yaml', text: text('cp-1', 'init'), siteNode: 1 },
      { name: 'w.yaml', text: text('w-1', 'worker'), siteNode: 2 },
      { name: 'w.yaml', text: text('w-2', 'worker'), siteNode: 3 },
    ];
    const checks = recheckCloudConfigs(files, { addresses: ['10.0.1.12/24', '', '', '10.0.1.22/24'], loadBalancer: false });
    expect(verdicts(checks).map((v) => v.split(' ').slice(0, 3).join(' '))).toEqual([
      'cp-2 10.0.1.12/24 given',
      'cp-1 10.0.1.11/32 assumed',
      'w-1 - unknown',
      'w-2 10.0.1.22/24 given',
    ]);
  });

  it('gives the site nodes the given addresses, not an assumed /32', async () => {
    const files = await opened();
    const checks = recheckCloudConfigs(files, { addresses: ['', '', '10.0.1.21/24'], loadBalancer: false });
    expect(checkedNodeAddresses(files, checks)).toEqual([{ siteNode: 2, address: '10.0.1.21/24' }]);
  });
});
