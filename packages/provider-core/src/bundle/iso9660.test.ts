import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandSite } from '../site/expandSite.js';
import { haSite } from '../../test/siteFixtures.js';
import { cidataIso } from './cidataIso.js';
import { buildIso, primaryName, SECTOR } from './iso9660.js';

/** Debian's xorriso and isoinfo read the images back; .ci/run installs them. */
const dir = mkdtempSync(join(tmpdir(), 'iso-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Extracts `name` with xorriso (which reads Rock Ridge names). */
function xorrisoExtract(iso: string, name: string): string {
  const out = join(dir, `${name}-${Math.random().toString(36).slice(2)}`);
  execFileSync('xorriso', ['-osirrox', 'on', '-indev', iso, '-extract', `/${name}`, out], { stdio: 'ignore' });
  return readFileSync(out, 'utf8');
}

describe('cidata ISO', () => {
  const [node] = expandSite(haSite()).nodes;
  const iso = write('cp-1.iso', cidataIso(node!));

  it('is labelled cidata, with Joliet and Rock Ridge', () => {
    const info = run('isoinfo', ['-d', '-i', iso]);
    expect(info).toMatch(/^Volume id: cidata$/m);
    expect(info).toMatch(/Joliet with UCS level 3 found/);
    expect(info).toMatch(/Rock Ridge signatures version 1 found/);
    expect(info).toMatch(/^Logical block size is: 2048$/m);
    // What udev/blkid report on the device, and so what a cidata datasource looks for.
    expect(run('blkid', ['-p', iso])).toMatch(/LABEL="cidata" TYPE="iso9660"/);
  });

  it('lists user-data and meta-data under their real names in every naming system', () => {
    expect(run('isoinfo', ['-f', '-R', '-i', iso]).trim().split('\n')).toEqual(['/meta-data', '/user-data']);
    expect(run('isoinfo', ['-f', '-J', '-i', iso]).trim().split('\n')).toEqual(['/meta-data', '/user-data']);
    expect(run('isoinfo', ['-f', '-i', iso]).trim().split('\n')).toEqual(['/META_DAT.;1', '/USER_DAT.;1']);
    const rockRidge = run('isoinfo', ['-l', '-R', '-i', iso]);
    expect(rockRidge).toMatch(/^-r--r--r--\s+1\s+0\s+0\s+\d+ Jan\s+1 1980 \[\s*\d+ 00\]\s+user-data\s*$/m);
    expect(rockRidge).toMatch(/^dr-xr-xr-x\s+2\s+0\s+0\s+2048 .*\s\.\s*$/m);
  });

  it('holds the exact user-data and meta-data bytes', () => {
    expect(xorrisoExtract(iso, 'user-data')).toBe(node!.userData);
    expect(xorrisoExtract(iso, 'meta-data')).toBe(node!.metaData);
    expect(run('isoinfo', ['-J', '-x', '/user-data', '-i', iso])).toBe(node!.userData);
  });

  it("passes xorriso's own checks", () => {
    const report = execFileSync('xorriso', ['-indev', iso, '-check_media', '--', '-pvd_info'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(report).toMatch(/Volume Id\s*:\s*cidata/);
  });

  it('is the same bytes every time, whatever the clock or time zone', () => {
    const again = cidataIso(node!);
    expect(Buffer.from(again).equals(readFileSync(iso))).toBe(true);
    expect(readFileSync(iso).length % SECTOR).toBe(0);
  });
});

describe('buildIso', () => {
  it('keeps contents of several sectors and empty files intact', () => {
    const big = new Uint8Array(5 * SECTOR + 7).map((_, i) => i % 251);
    const iso = write(
      'big.iso',
      buildIso({
        volumeId: 'cidata',
        files: [
          { name: 'user-data', content: big },
          { name: 'meta-data', content: new Uint8Array() },
        ],
      }),
    );
    const out = join(dir, 'big-user-data');
    execFileSync('xorriso', ['-osirrox', 'on', '-indev', iso, '-extract', '/user-data', out], { stdio: 'ignore' });
    expect(Buffer.from(readFileSync(out)).equals(Buffer.from(big))).toBe(true);
    expect(xorrisoExtract(iso, 'meta-data')).toBe('');
  });

  it('maps names to 8.3 level-1 form and refuses clashes', () => {
    expect(primaryName('user-data')).toBe('USER_DAT.;1');
    expect(primaryName('network-config')).toBe('NETWORK_.;1');
    expect(primaryName('vendor.data.yaml')).toBe('VENDOR_D.YAM;1');
    expect(() =>
      buildIso({
        volumeId: 'x',
        files: [
          { name: 'user-data', content: new Uint8Array() },
          { name: 'user_data', content: new Uint8Array() },
        ],
      }),
    ).toThrow(/clash/);
  });
});
