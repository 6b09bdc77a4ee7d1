/**
 * README.txt beside each node's user-data: everything a field technician with no Kubernetes
 * knowledge needs to install that one node, in plain text wrapped at 100 columns.
 *
 * Where its facts come from:
 * - what the device needs: check/deviceNeeds.ts (the list `rke2-edge check` prints);
 * - the install order: site/installOrder.ts (docs.rke2.io/install/ha);
 * - how the address is obtained: the node's `addressing` (a DHCP reservation the network team
 *   makes, or the systemd-networkd unit site/networkSteps.ts writes);
 * - the login: renderCloudConfig's `users` section (a user only with a name and a key or hash);
 * - the image archives: site/imageArchives.ts (rancher/rke2 release assets) and what
 *   site/airGapSteps.ts does at boot (links the listed archives from the images folder into
 *   `<data-dir>/agent/images`, where RKE2 loads them when it starts);
 * - the checks: rke2-server/rke2-agent units, `<data-dir>/bin/kubectl` and /etc/rancher/rke2/rke2.yaml
 *   (docs.rke2.io/cluster_access), the supervisor's `/ping` on port 9345 (k3s-io/k3s
 *   pkg/server/router.go) and the ports of docs.rke2.io/install/requirements#inbound-network-rules.
 *
 * Every value from the site goes through `printable` (no line break or control character survives)
 * and every line is built here: no value can add a line or move the text around.
 */
import { archivesToCopy } from '../check/deviceNeeds.js';
import { printable } from '../lint/unsafeText.js';
import { parseCidr, formatIp } from '../net/ipAddress.js';
import { SUPERVISOR_PORT } from '../provider/constants.js';
import type { ExpandedNode, ExpandedSite } from '../site/expandSite.js';
import { isPublishedArchive } from '../site/imageArchives.js';
import { installOrder, type InstallStep } from '../site/installOrder.js';
import { nodeDataDir, trimSlash } from '../site/nodeDataDir.js';
import { createsLogin, hostnameOf } from '../site/renderCloudConfig.js';
import { isServerRole, type Site, type SiteNode } from '../site/siteSchema.js';

const WIDTH = 100;
const API_PORT = 6443;

/** A user value on one line, control characters and line breaks escaped. */
const v = (value: string): string => printable(value);

/** Text wrapped at WIDTH columns: `first` before the first line, `rest` before the others; over-long words are cut. */
function wrap(text: string, first = '  ', rest = first): string[] {
  const lines: string[] = [];
  let line = first;
  let fresh = true;
  const room = () => WIDTH - line.length;
  for (let word of text.split(' ').filter((w) => w !== '')) {
    if (!fresh && word.length + 1 > room()) {
      lines.push(line);
      line = rest;
      fresh = true;
    }
    while (word.length > room()) {
      const cut = Math.max(1, room());
      lines.push(line + word.slice(0, cut));
      word = word.slice(cut);
      line = rest;
    }
    line += (fresh ? '' : ' ') + word;
    fresh = false;
  }
  lines.push(line);
  return lines;
}

/** Items as a bulleted list; the items may carry user values (the needs name the MAC), so they are escaped too. */
const list = (items: readonly string[]) => items.flatMap((item) => wrap(v(item), '  - ', '    '));

const ROLE_WORDS: Record<SiteNode['role'], string> = {
  init: 'server (init): the first server, it creates the cluster',
  controlplane: 'server (controlplane): it joins the cluster the first server created',
  worker: 'worker: it runs the applications and joins through the servers',
};

const addressOf = (node: SiteNode): string | null => {
  const cidr = parseCidr(node.address.trim());
  return cidr ? formatIp(cidr.address) : null;
};

/** What the whole site decides for every README, worked out once. */
interface SiteFacts {
  site: Site;
  steps: Map<number, InstallStep>;
  lastStep: number;
  servers: string[];
  workers: number;
  secrets: string[];
  archives: string[];
}

function siteFacts(site: Site): SiteFacts {
  const order = installOrder(site.nodes);
  const servers = site.nodes.filter((n) => isServerRole(n.role)).length;
  const registries = site.airGap.registryConfigs.filter((r) => r.password !== '' || r.keyPem !== '').map((r) => v(r.host));
  return {
    site,
    steps: new Map(order.map((s) => [s.index, s])),
    lastStep: order.at(-1)?.step ?? 1,
    servers: order.slice(0, servers).map((s) => v(site.nodes[s.index]!.name)),
    workers: site.nodes.length - servers,
    secrets:
      registries.length > 0
        ? [`the password or client key of the registr${registries.length === 1 ? 'y' : 'ies'} ${registries.join(', ')}`]
        : [],
    archives: archivesToCopy(site),
  };
}

function secretsWarning(facts: SiteFacts): string[] {
  const what = ['the cluster token', ...facts.secrets].join(' and ');
  return [
    '!! KEEP IT SAFE',
    ...wrap(
      `This folder, the zip it came from and the USB stick you write from it hold ${what} in clear text. ` +
        'Anyone who has them can add a machine to this cluster. Keep them with you, never leave the stick in ' +
        'or near the device, and wipe the stick once the node is installed (see "AFTER THE INSTALL").',
      '!! ',
    ),
  ];
}

function thisNode(facts: SiteFacts, expanded: ExpandedNode): string[] {
  const { node } = expanded;
  const step = facts.steps.get(expanded.index);
  return [
    'THIS NODE',
    ...wrap(v(node.name), '  Name:       '),
    ...wrap(ROLE_WORDS[node.role], '  Role:       ', '              '),
    ...wrap(v(hostnameOf(node)), '  Host name:  '),
    ...(step ? wrap(`step ${step.step} of ${facts.lastStep} (see "INSTALL ORDER")`, '  Install:    ') : []),
  ];
}

function whatToBoot(facts: SiteFacts, needs: readonly string[]): string[] {
  const version = facts.site.rke2Version;
  return [
    'WHAT TO BOOT',
    ...wrap(
      `Boot the box from a Kairos installer image that has the RKE2 provider built in, for RKE2 ${version}: the ` +
        `Kairos "rke2" flavour for ${version} (its file name carries "rke2" and the version, e.g. ` +
        `kairos-<os>-standard-amd64-generic-<kairos version>-rke2${version}.<patch>+rke2r<n>.iso), or the image your ` +
        'team built with the RKE2 provider. A plain Kairos image without RKE2 installs, but no cluster starts.',
    ),
    '',
    '  The device must bring (the same list "rke2-edge check" prints):',
    ...list(needs),
  ];
}

function networkAddress(facts: SiteFacts, node: SiteNode): string[] {
  const address = addressOf(node);
  const cidr = v(node.address.trim());
  const head = 'ITS NETWORK ADDRESS';
  if (address === null) {
    return [head, ...wrap('The design gives this node no address: it takes whatever address DHCP gives it.')];
  }
  if (node.addressing === 'static') {
    const { gateway, nameservers } = facts.site.network;
    const extra = [gateway.trim() ? `gateway ${v(gateway.trim())}` : '', nameservers.length ? `DNS ${nameservers.map(v).join(', ')}` : '']
      .filter(Boolean)
      .join(', ');
    return [
      head,
      ...wrap(
        `Static: the configuration on the stick sets ${cidr} on network interface ${v(node.interface)}` +
          `${extra ? ` (${extra})` : ''} by itself, no DHCP needed. Plug the network cable into that interface ` +
          '(usually the first port). Nobody else may use this address on the network.',
      ),
    ];
  }
  const mac = node.mac.trim();
  return [
    head,
    ...wrap(`DHCP reservation: the node asks DHCP for its address, so it gets ${address} only if the network team has reserved it.`),
    ...(mac
      ? wrap(`Before you boot it, check with the network team that ${address} is reserved for MAC address ${v(mac)}.`)
      : wrap(
          `The MAC address of this node is missing from the design: read it from the box (its label, or the network ` +
            `card in the firmware/BIOS setup) and give it to the network team with ${address} to reserve before you boot.`,
        )),
  ];
}

function installOrderText(facts: SiteFacts, expanded: ExpandedNode): string[] {
  const step = facts.steps.get(expanded.index);
  if (!step) return [];
  const lines = ['INSTALL ORDER'];
  const { servers, workers } = facts;
  servers.forEach((name, i) => {
    const when = i === 0 ? 'first: it creates the cluster' : `once ${servers[i - 1]} shows Ready`;
    const mark = i + 1 === step.step && isServerRole(expanded.node.role) ? '   <- this node' : '';
    lines.push(...wrap(`${name} (${when})${mark}`, `  Step ${i + 1}: `, '          '));
  });
  if (workers > 0) {
    const mark = isServerRole(expanded.node.role) ? '' : '   <- this node';
    const who = workers === 1 ? 'the worker' : `the ${workers} workers, together`;
    lines.push(...wrap(`${who} (once every server shows Ready)${mark}`, `  Step ${servers.length + 1}: `, '          '));
  }
  lines.push('');
  if (step.waitFor.length === 0) {
    lines.push(...wrap('This node goes first. The other nodes wait until it shows Ready (see "WHAT GOOD LOOKS LIKE").'));
  } else {
    const names = step.waitFor.map(v).join(', ');
    lines.push(
      ...wrap(
        `Do not boot this node before ${step.waitFor.length === 1 ? `${names} shows` : `every server (${names}) shows`} Ready. ` +
          (isServerRole(expanded.node.role) ? 'Servers join one at a time: the next one waits until this one is Ready.' : ''),
      ),
    );
  }
  return lines;
}

const STICK = [
  'WRITE THE STICK',
  '  Files in this folder',
  '    user-data   the Kairos cloud-config for this node (its #cloud-config)',
  '    meta-data   the instance id and host name (NoCloud format)',
];

function writeTheStick(iso: boolean): string[] {
  return [
    ...STICK,
    iso
      ? '    cidata.iso  user-data and meta-data as a volume labelled cidata, ready to write to a stick'
      : '    cidata.iso  not in this bundle: download it from the designer, or run "rke2-edge bundle --iso"',
    '    device/     what the node will write at boot, at the same paths, for review only',
    '',
    '  A. Write cidata.iso to a USB stick (this erases the stick):',
    '     Linux:   lsblk                      (find the stick, e.g. /dev/sdb: the whole disk, not sdb1)',
    '              sudo dd if=cidata.iso of=/dev/sdX bs=4M conv=fsync status=progress',
    '     macOS:   diskutil list; diskutil unmountDisk /dev/diskN',
    '              sudo dd if=cidata.iso of=/dev/rdiskN bs=4m',
    '     Any system: balenaEtcher: "Flash from file", pick cidata.iso, pick the stick, "Flash!".',
    '     On a server with a BMC or in a VM, attach cidata.iso as a virtual CD instead.',
    '  B. Or format a stick as FAT32 labelled CIDATA (Linux: sudo mkfs.vfat -n CIDATA /dev/sdX1) and',
    '     copy user-data and meta-data to its top folder, with exactly those names.',
    '  Check the stick against the label printed from the designer: its SHA-256 of user-data or',
    '  cidata.iso must match (Linux: sha256sum cidata.iso; macOS: shasum -a 256 cidata.iso).',
  ];
}

function bootIt(after: Site['os']['install']['after']): string[] {
  const then = { reboot: 'reboots into the installed system', poweroff: 'powers off (switch it on again)', nothing: 'stays on' }[after];
  return [
    'BOOT AND INSTALL',
    '  1. Plug the cidata stick in beside the Kairos installer medium (USB or virtual CD).',
    '  2. Boot from the installer. Kairos finds the volume labelled cidata, reads user-data and',
    ...wrap(`installs to the configured disk unattended, then ${then}.`, '     '),
    '  3. Remove both sticks once it has installed.',
    '  Without a cidata stick, from a Kairos live system on the node:',
    '     sudo kairos-agent manual-install --device auto user-data',
  ];
}

function imagesStep(facts: SiteFacts, expanded: ExpandedNode): string[] {
  const { site } = facts;
  if (site.airGap.imageSource !== 'archives') return [];
  const rke2Dir = `${nodeDataDir(expanded.config)}/agent/images`;
  const imagesPath = v(trimSlash(site.airGap.imagesPath.trim()));
  const listed = new Set(site.airGap.imageArchives);
  const linked = facts.archives.filter((name) => listed.has(name));
  const unlisted = facts.archives.filter((name) => !listed.has(name));
  const published = facts.archives.filter((name) => isPublishedArchive(name, site.rke2Version));
  const own = facts.archives.filter((name) => !isPublishedArchive(name, site.rke2Version));
  const lines = [
    'CONTAINER IMAGES (this site has no internet: they come as archive files)',
    ...wrap(
      'The node cannot download the images RKE2 runs, so you bring them on a second USB stick (or any ' +
        'disk the node can read). Without them the node installs, but RKE2 never becomes Ready.',
    ),
    ...(createsLogin(site)
      ? []
      : [
          '',
          ...wrap(
            `STOP before you install: this site creates no login on its nodes, so nobody can copy the archives onto them. ` +
              `Ask whoever designed the site to add an SSH key or a password hash (the designer's Kairos OS section), or for ` +
              `an OS image that already holds the archives in ${imagesPath}.`,
            '!! ',
            '!! ',
          ),
        ]),
  ];
  if (published.length > 0) {
    lines.push(
      '',
      ...wrap(
        `From the RKE2 release: open https://github.com/rancher/rke2/releases, pick the newest ${site.rke2Version}.x ` +
          `release ("${site.rke2Version}.<patch>+rke2r<n>", the same one the Kairos image carries) and download, from its Assets:`,
      ),
      ...published.map((name) => `    ${v(name)}`),
    );
  }
  if (own.length > 0) {
    lines.push('', ...wrap('Your own archives (from whoever built them):'), ...own.map((name) => `    ${v(name)}`));
  }
  const copy = (names: string[], dir: string) => [
    `     sudo mkdir -p ${dir}`,
    ...names.map((name) => `     sudo cp /mnt/${v(name)} ${dir}/`),
  ];
  lines.push(
    '',
    ...wrap(
      'The system is immutable: only some folders keep what you copy. Copy the archives after the install, once the node ' +
        'has booted from its disk ("BOOT AND INSTALL"), then reboot it:',
    ),
    '  1. Log in (see "LOG IN TO CHECK"), plug the stick with the archives in and mount it:',
    '     lsblk; sudo mount /dev/sdX1 /mnt',
  );
  if (linked.length > 0) {
    lines.push(
      ...wrap(
        `Copy them into the images folder ${imagesPath} (at each boot the configuration links them into ${rke2Dir}, where RKE2 loads them):`,
        '  2. ',
        '     ',
      ),
      ...copy(linked, imagesPath),
    );
  }
  if (unlisted.length > 0) {
    lines.push(
      ...wrap(
        `${linked.length > 0 ? 'Copy these, which the design does not list,' : 'Copy them'} straight into ${rke2Dir}, the folder RKE2 loads images from:`,
        linked.length > 0 ? '     ' : '  2. ',
        '     ',
      ),
      ...copy(unlisted, rke2Dir),
    );
  }
  lines.push('  3. sudo umount /mnt; sudo reboot       (RKE2 loads the archives when it starts)');
  return lines;
}

function logIn(site: Site, expanded: ExpandedNode): string[] {
  const { user } = site.os;
  const head = 'LOG IN TO CHECK';
  if (user.noLogin) {
    return [
      head,
      ...wrap(
        'This site creates no login on its nodes (no key, no password), so nobody can log in here: the checks below need ' +
          'a login the OS image already has; without one, watch the node appear with kubectl on a server that has a login.',
      ),
    ];
  }
  const hasKey = user.sshAuthorizedKeys.length > 0;
  if (!createsLogin(site)) {
    return [head, ...wrap('The design creates no user (it has no SSH key and no password), so you cannot log in to run the checks.')];
  }
  const name = v(user.name);
  const address = addressOf(expanded.node) ?? '<its address>';
  return [
    head,
    ...wrap(`The user is ${name}.`),
    ...(hasKey ? wrap(`With the SSH key the design lists, from a laptop on the same network: ssh ${name}@${address}`, '  - ', '    ') : []),
    ...(user.passwordHash
      ? wrap(`With the password, at the console (screen and keyboard on the box) or by ssh ${name}@${address}`, '  - ', '    ')
      : wrap('There is no password: no console login, SSH with the key only.', '  - ', '    ')),
  ];
}

function goodLooksLike(expanded: ExpandedNode): string[] {
  const service = expanded.node.role === 'worker' ? 'rke2-agent' : 'rke2-server';
  const kubectl = `sudo ${nodeDataDir(expanded.config)}/bin/kubectl --kubeconfig /etc/rancher/rke2/rke2.yaml get nodes`;
  return [
    'WHAT GOOD LOOKS LIKE (a few minutes after it boots from its disk)',
    `  sudo systemctl status ${service}       shows "active (running)"`,
    '  sudo cat /etc/rancher/rke2/config.yaml    matches device/etc/rancher/rke2/config.yaml here',
    ...(expanded.node.role === 'worker' ? ['  on a server (workers have no kubectl):'] : []),
    ...wrap(kubectl, '  '),
    ...wrap(`lists ${v(expanded.node.name)} with STATUS Ready (NotReady for the first minutes is normal).`),
  ];
}

function whenNotGood(site: Site, expanded: ExpandedNode): string[] {
  const service = expanded.node.role === 'worker' ? 'rke2-agent' : 'rke2-server';
  const host = v(site.cluster.controlPlaneHost.trim()) || '<control-plane host>';
  const joins = expanded.node.role !== 'init';
  return [
    'WHEN IT IS NOT GOOD',
    ...wrap(`${service} is not "active (running)" after 10 minutes: read why with`, '  - ', '    '),
    `      sudo journalctl -u ${service} --no-pager -n 100`,
    ...wrap(
      '"token" in the errors: the stick is for another site or the token was changed; "image" or "pull": ' +
        (site.airGap.imageSource === 'archives'
          ? 'the images are missing ("CONTAINER IMAGES")'
          : 'it cannot download its images (network, proxy or registry)') +
        '; "certificate": the clock is wrong, set the date in the firmware.',
      '    ',
    ),
    ...wrap(
      'NotReady for more than 10 minutes: check the network cable and the address ("ITS NETWORK ADDRESS") and that ' +
        'the node reaches the other nodes; on a server, this lists what is not Running yet:',
      '  - ',
      '    ',
    ),
    ...wrap(`sudo ${nodeDataDir(expanded.config)}/bin/kubectl --kubeconfig /etc/rancher/rke2/rke2.yaml get pods -A`, '      '),
    ...(joins
      ? wrap(
          `Cannot reach the control plane ("${host}:${SUPERVISOR_PORT}" with "connection refused" or "timeout" in the journal): ` +
            `the server before it must be Ready, and ports ${SUPERVISOR_PORT} and ${API_PORT} must be open from this node to ${host}. ` +
            'Test it; this prints "pong" when the control plane answers:',
          '  - ',
          '    ',
        ).concat(wrap(`curl -k https://${host}:${SUPERVISOR_PORT}/ping`, '      '))
      : []),
    ...wrap('Still stuck: send the journal output and this README to whoever designed the site.', '  - ', '    '),
  ];
}

const AFTER = [
  'AFTER THE INSTALL',
  '  Tick this node on the run sheet. Then wipe the cidata stick (it holds the token):',
  '     Linux:   sudo dd if=/dev/zero of=/dev/sdX bs=4M status=progress   (the whole stick)',
  '     Windows, macOS: reformat it with a full (not quick) format.',
  '  Keep or destroy this folder and the zip as your site rules say; never leave them on a shared disk.',
];

export interface FieldReadmeOptions {
  iso: boolean;
  /** What each node's device must bring (check/deviceNeeds.ts `deviceNeedsOf`). */
  needs: (node: ExpandedNode) => string[];
}

/** The README.txt of each node of a site: what the site decides is worked out once. */
export function fieldReadmesOf(expanded: ExpandedSite, options: FieldReadmeOptions): (node: ExpandedNode) => string {
  const facts = siteFacts(expanded.site);
  const { site } = expanded;
  return (node) =>
    [
      ...wrap(`README for node ${v(node.node.name)} of site ${v(site.name)}`, ''),
      ...wrap('Read it before you boot the node; it is for this node only.', ''),
      '',
      ...secretsWarning(facts),
      '',
      ...thisNode(facts, node),
      '',
      ...whatToBoot(facts, options.needs(node)),
      '',
      ...networkAddress(facts, node.node),
      '',
      ...installOrderText(facts, node),
      '',
      ...writeTheStick(options.iso),
      '',
      ...bootIt(site.os.install.after),
      '',
      ...(site.airGap.imageSource === 'archives' ? [...imagesStep(facts, node), ''] : []),
      ...logIn(site, node),
      '',
      ...goodLooksLike(node),
      '',
      ...whenNotGood(site, node),
      '',
      ...AFTER,
      '',
    ].join('\n');
}
