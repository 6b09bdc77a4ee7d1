import { describe, expect, it } from 'vitest';
import { variant } from '../../test/siteFixtures.js';
import { bundleFiles } from './buildBundle.js';
import { expandSite } from '../site/expandSite.js';
import { checkSite } from '../check/checkSite.js';
import { SITE_TEMPLATES } from '../designer/siteTemplates.js';
import type { Site } from '../site/siteSchema.js';

const readmeOf = (site: Site, node = 'worker-1') =>
  bundleFiles(expandSite(site)).find((f) => f.path === `${site.name}/${node}/README.txt`)!.content as string;

/** The lines of a section, from its title to the next title (a line starting with a capital letter). */
const section = (readme: string, title: string) => {
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => l.startsWith(title));
  expect(start, `section ${title}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && /^[A-Z]/.test(l));
  return lines.slice(start, end).join('\n').trim();
};

/** One string of a section's text with its line breaks and indentation folded into spaces. */
const flat = (text: string) => text.replace(/\n\s*(!! )?/g, ' ');

describe('README.txt', () => {
  it('lists what the device needs, the same list rke2-edge check prints, and names the Kairos RKE2 image', () => {
    const site = variant((s) => Object.assign(s.security, { fips: true, selinux: true }));
    const expanded = expandSite(site);
    const boot = section(readmeOf(site), 'WHAT TO BOOT');
    const needs = checkSite(site, expanded).nodes[3]!.needs;
    expect(boot).toContain(`The device must bring (the same list "rke2-edge check" prints):\n`);
    for (const need of needs) expect(flat(boot)).toContain(`- ${need}`);
    expect(flat(boot)).toContain('a Kairos installer image that has the RKE2 provider built in, for RKE2 v1.36');
    expect(boot).toContain('-rke2v1.36.<patch>');
    expect(needs).toEqual(
      expect.arrayContaining([expect.stringContaining('FIPS-capable Kairos image'), expect.stringContaining('rke2-selinux policy')]),
    );
  });

  it('warns near the top that the folder, zip and stick hold the token, and the registry password when there is one', () => {
    const plain = readmeOf(variant(() => {}));
    expect(plain.split('\n').findIndex((l) => l === '!! KEEP IT SAFE')).toBeLessThan(5);
    expect(flat(section(plain, '!! KEEP IT SAFE'))).toContain('hold the cluster token in clear text');
    expect(flat(plain)).toContain('wipe the stick once the node is installed');
    const withRegistry = variant((s) => {
      s.airGap.registryConfigs.push({ ...emptyRegistry, host: 'registry.plant:5000', password: 'pw' });
    });
    expect(flat(section(readmeOf(withRegistry), '!! KEEP IT SAFE'))).toContain(
      'the cluster token and the password or client key of the registry registry.plant:5000 in clear text',
    );
  });

  it('DHCP reservation: the network team reserves the address for the MAC, or the MAC is said to be missing', () => {
    const withMac = flat(section(readmeOf(variant(() => {})), 'ITS NETWORK ADDRESS'));
    expect(withMac).toContain('it gets 192.168.1.21 only if the network team has reserved it');
    expect(withMac).toContain('192.168.1.21 is reserved for MAC address 52:54:00:00:01:21');
    expect(withMac).not.toContain('Address: 192.168.1.21/24');
    const noMac = flat(section(readmeOf(variant((s) => (s.nodes[3]!.mac = ''))), 'ITS NETWORK ADDRESS'));
    expect(noMac).toContain('The MAC address of this node is missing from the design');
  });

  it("static: the designer's configuration sets the address on the interface", () => {
    const site = variant((s) => {
      Object.assign(s.nodes[3]!, { addressing: 'static', interface: 'enp1s0' });
      Object.assign(s.network, { gateway: '192.168.1.1', nameservers: ['192.168.1.2'] });
    });
    const text = flat(section(readmeOf(site), 'ITS NETWORK ADDRESS'));
    expect(text).toContain(
      'the configuration on the stick sets 192.168.1.21/24 on network interface enp1s0 (gateway 192.168.1.1, DNS 192.168.1.2) by itself',
    );
    expect(text).not.toContain('reserve');
  });

  it('install order: the init node goes first, servers one at a time, workers wait for every server', () => {
    const site = variant(() => {});
    const init = section(readmeOf(site, 'cp-1'), 'INSTALL ORDER');
    expect(init).toContain('Step 1: cp-1 (first: it creates the cluster) <- this node');
    expect(readmeOf(site, 'cp-1')).toContain('This node goes first.');
    const second = readmeOf(site, 'cp-2');
    expect(section(second, 'INSTALL ORDER')).toContain('Step 2: cp-2 (once cp-1 shows Ready) <- this node');
    expect(flat(second)).toContain('Do not boot this node before cp-1 shows Ready.');
    expect(section(second, 'THIS NODE')).toContain('Install:    step 2 of 4');
    const worker = readmeOf(site, 'worker-1');
    expect(section(worker, 'INSTALL ORDER')).toContain('Step 4: the 2 workers, together (once every server shows Ready) <- this node');
    expect(flat(worker)).toContain('Do not boot this node before every server (cp-1, cp-2, cp-3) shows Ready.');
    // Only joining nodes reach the control plane at 9345; the init node is it.
    expect(worker).toContain('curl -k https://192.168.1.5:9345/ping');
    expect(readmeOf(site, 'cp-1')).not.toContain('/ping');
  });

  it('air-gapped with archives: which files, from which release, copied where and when', () => {
    const site = variant((s) => {
      Object.assign(s.airGap, {
        imageSource: 'archives',
        imagesPath: '/opt/content/images',
        imageArchives: ['rke2-images-core.linux-amd64.tar.zst'],
      });
    });
    const images = section(readmeOf(site), 'CONTAINER IMAGES');
    expect(flat(images)).toContain('open https://github.com/rancher/rke2/releases, pick the newest v1.36.x release');
    expect(images).toContain('    rke2-images-core.linux-amd64.tar.zst\n    rke2-images-canal.linux-amd64.tar.zst');
    // The listed archive goes to the images folder (the boot step links it); the one the design misses goes where RKE2 loads it.
    expect(images).toContain('sudo cp /mnt/rke2-images-core.linux-amd64.tar.zst /opt/content/images/');
    expect(images).toContain('sudo cp /mnt/rke2-images-canal.linux-amd64.tar.zst /var/lib/rancher/rke2/agent/images/');
    expect(flat(images)).toContain('Copy the archives after the install, once the node has booted from its disk');
    expect(images).toContain('sudo umount /mnt; sudo reboot');
    expect(images).not.toContain('STOP');
    expect(readmeOf(variant(() => {}))).not.toContain('CONTAINER IMAGES');
  });

  it('air-gapped with archives and no login: says to stop before installing, since nobody could copy the archives', () => {
    const site = variant((s) => {
      Object.assign(s.airGap, { imageSource: 'archives', imagesPath: '/opt/content/images', imageArchives: [] });
      s.os.user.noLogin = true;
    });
    const images = flat(section(readmeOf(site), 'CONTAINER IMAGES'));
    expect(images).toContain(
      'STOP before you install: this site creates no login on its nodes, so nobody can copy the archives onto them.',
    );
    expect(images).toContain('an OS image that already holds the archives in /opt/content/images.');
  });

  it('login: the user by SSH key and password, or none when the site chose no login', () => {
    const keyAndPassword = section(readmeOf(variant((s) => (s.os.user.passwordHash = '$6$salt$hash'))), 'LOG IN TO CHECK');
    expect(keyAndPassword).toContain('The user is kairos.');
    expect(keyAndPassword).toContain('ssh kairos@192.168.1.21');
    expect(keyAndPassword).toContain('With the password, at the console');
    const none = flat(section(readmeOf(variant((s) => (s.os.user.noLogin = true))), 'LOG IN TO CHECK'));
    expect(none).toContain('This site creates no login on its nodes');
    expect(none).not.toContain('ssh ');
  });

  it('says what good looks like and what to do when it is not', () => {
    const worker = readmeOf(variant(() => {}));
    expect(section(worker, 'WHAT GOOD LOOKS LIKE')).toContain('sudo systemctl status rke2-agent       shows "active (running)"');
    expect(section(worker, 'WHAT GOOD LOOKS LIKE')).toContain('lists worker-1 with STATUS Ready');
    const trouble = section(worker, 'WHEN IT IS NOT GOOD');
    expect(trouble).toContain('sudo journalctl -u rke2-agent --no-pager -n 100');
    expect(flat(trouble)).toContain('NotReady for more than 10 minutes');
    expect(flat(trouble)).toContain('ports 9345 and 6443 must be open from this node to 192.168.1.5');
  });

  it('keeps every line within 100 columns and printable, whatever the template', () => {
    for (const template of SITE_TEMPLATES) {
      const site = template.build();
      for (const file of bundleFiles(expandSite(site)).filter((f) => f.path.endsWith('README.txt'))) {
        for (const line of (file.content as string).split('\n')) {
          expect([...line].length, `${file.path}: ${line}`).toBeLessThanOrEqual(100);
          expect(line).toMatch(/^[\x20-\x7e]*$/);
        }
      }
    }
  });

  it('a user value cannot add a line: line breaks and control characters in names stay escaped on one line', () => {
    const site = variant((s) => {
      s.nodes[3]!.mac = '52:54\nAddress: 10.0.0.1';
      s.os.user.name = 'kai\rros\u2028x';
      s.airGap.registryConfigs.push({ ...emptyRegistry, host: 'evil\nLine', password: 'pw' });
    });
    const readme = readmeOf(site);
    expect(readme).not.toMatch(/^Address: 10\.0\.0\.1/m);
    expect(readme).not.toMatch(/^Line/m);
    expect(readme).toContain('52:54\\u{A}Address: 10.0.0.1');
    expect(readme).toContain('The user is kai\\u{D}ros\\u{2028}x.');
    expect(readme).not.toMatch(/[\r\u2028]/);
  });

  it("escapes the names of the nodes this one waits for (the init node's name with a line break and ESC)", () => {
    const site = variant((s) => {
      s.nodes[0]!.name = 'cp-1\n\u001b[31mrm -rf /';
      s.nodes[0]!.hostname = 'cp-1';
    });
    const readme = readmeOf(site, 'cp-2');
    expect(readme).not.toMatch(/\u001b/);
    expect(readme).not.toMatch(/^\S*rm -rf/m);
    expect(flat(readme)).toContain('Do not boot this node before cp-1\\u{A}\\u{1B}[31mrm -rf / shows Ready.');
  });
});

const emptyRegistry = {
  host: '',
  username: '',
  password: '',
  caFile: '',
  certFile: '',
  keyFile: '',
  caPem: '',
  certPem: '',
  keyPem: '',
  insecureSkipVerify: false,
};
