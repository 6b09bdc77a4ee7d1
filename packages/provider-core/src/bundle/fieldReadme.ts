/** README.txt beside each node's user-data: how a field technician gets it onto the node. */
import type { ExpandedNode } from '../site/expandSite.js';
import { hostnameOf } from '../site/renderCloudConfig.js';

const ROLE_WORDS: Record<string, string> = {
  init: 'the first server: it creates the cluster. Install it first.',
  controlplane: 'a server that joins the cluster created by the init node.',
  worker: 'a worker that runs workloads and joins through the control plane.',
};

export interface FieldReadmeOptions {
  iso: boolean;
  /** What the device must bring (check/deviceNeeds.ts): the same list `rke2-edge check` prints. */
  needs?: readonly string[];
  /** The site chose no login: the checks need a console login added to the image, or cannot be run. */
  noLogin?: boolean;
}

export function fieldReadme(siteName: string, expanded: ExpandedNode, options: FieldReadmeOptions = { iso: false }): string {
  const { node } = expanded;
  const service = node.role === 'worker' ? 'rke2-agent' : 'rke2-server';
  return [
    `Node ${node.name} of site ${siteName}`,
    '',
    `Role: ${node.role}, ${ROLE_WORDS[node.role] ?? ''}`,
    `Host name: ${hostnameOf(node)}${node.address ? `\nAddress: ${node.address}` : ''}`,
    '',
    ...(options.needs && options.needs.length > 0 ? ['What this device needs', ...options.needs.map((need) => `  - ${need}`), ''] : []),
    'Files',
    '  user-data   the Kairos cloud-config for this node (its #cloud-config)',
    '  meta-data   the instance id and host name (NoCloud format)',
    options.iso
      ? '  cidata.iso  user-data and meta-data as an ISO 9660 volume labelled cidata (write it to a stick)'
      : '  cidata.iso  not in this bundle: download it from the designer, or run "rke2-edge bundle --iso"',
    '  device/     what the node will write at boot, at the same paths, for review only',
    '',
    'Put it on a USB stick for Kairos',
    '  A. Write cidata.iso to a USB stick (this erases the stick):',
    '     Linux:   lsblk                      (find the stick, e.g. /dev/sdb: the whole disk, not sdb1)',
    '              sudo dd if=cidata.iso of=/dev/sdX bs=4M conv=fsync status=progress',
    '     macOS:   diskutil list; diskutil unmountDisk /dev/diskN',
    '              sudo dd if=cidata.iso of=/dev/rdiskN bs=4m',
    '     Windows, macOS, Linux: balenaEtcher: "Flash from file", pick cidata.iso, pick the stick, "Flash!".',
    '     On a server with a BMC or in a VM, attach cidata.iso as a virtual CD instead.',
    '  B. Or format a stick as FAT32 labelled CIDATA (Linux: sudo mkfs.vfat -n CIDATA /dev/sdX1) and',
    '     copy user-data and meta-data to its top folder, with exactly those names.',
    '',
    'Boot the node',
    '  1. Plug the cidata stick in beside the Kairos installer medium (USB or virtual CD).',
    '  2. Boot from the installer. Kairos finds the volume labelled cidata, reads user-data,',
    '     installs to the configured disk unattended, then reboots or powers off as the site says.',
    '  3. Remove both sticks once it has installed.',
    '  Without a cidata stick, from a Kairos live system on the node:',
    '     sudo kairos-agent manual-install --device auto user-data',
    '',
    'Check after boot',
    ...(options.noLogin
      ? [
          '  This site creates no login on its nodes, so these checks need a login the OS image already has;',
          '  without one, watch the node appear with kubectl on a server that has a login.',
        ]
      : []),
    `  sudo systemctl status ${service}          (active (running); if not: sudo journalctl -u ${service})`,
    '  sudo cat /etc/rancher/rke2/config.yaml     (should match device/etc/rancher/rke2/config.yaml)',
    node.role === 'worker'
      ? '  on a server: sudo /var/lib/rancher/rke2/bin/kubectl --kubeconfig /etc/rancher/rke2/rke2.yaml get nodes'
      : '  sudo /var/lib/rancher/rke2/bin/kubectl --kubeconfig /etc/rancher/rke2/rke2.yaml get nodes',
    `  ${node.name} should be listed, Ready after a minute or two.`,
    '',
  ].join('\n');
}
