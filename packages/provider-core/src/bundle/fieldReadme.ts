/** README.txt beside each node's user-data: how a field technician gets it onto the node. */
import type { ExpandedNode } from '../site/expandSite.js';
import { hostnameOf } from '../site/renderCloudConfig.js';

const ROLE_WORDS: Record<string, string> = {
  init: 'the first server: it creates the cluster. Install it first.',
  controlplane: 'a server that joins the cluster created by the init node.',
  worker: 'a worker that runs workloads and joins through the control plane.',
};

export function fieldReadme(siteName: string, expanded: ExpandedNode): string {
  const { node } = expanded;
  const service = node.role === 'worker' ? 'rke2-agent' : 'rke2-server';
  return [
    `Node ${node.name} of site ${siteName}`,
    '',
    `Role: ${node.role}, ${ROLE_WORDS[node.role] ?? ''}`,
    `Host name: ${hostnameOf(node)}${node.address ? `\nAddress: ${node.address}` : ''}`,
    '',
    'Files',
    '  user-data   the Kairos cloud-config for this node (its #cloud-config)',
    '  meta-data   the instance id and host name (NoCloud format)',
    '  device/     what the node will write at boot, at the same paths, for review only',
    '',
    'Put it on a USB stick for Kairos',
    '  A. As a cidata volume (Kairos reads it at first boot, like cloud-init NoCloud):',
    '     1. Format a USB stick as FAT32 labelled CIDATA. Linux: lsblk to find it, then',
    '        sudo mkfs.vfat -n CIDATA /dev/sdX1',
    '     2. Copy user-data and meta-data to the top folder of the stick, with exactly those names.',
    '     3. Plug it in beside the Kairos installer medium and boot the installer. Kairos installs',
    '        to the configured disk unattended, then reboots or powers off as the site says.',
    '  B. By hand, from a Kairos live system booted on the node:',
    '     copy user-data to the node (e.g. on a second stick), then',
    '     sudo kairos-agent manual-install --device auto user-data',
    '',
    'Check after boot',
    `  sudo systemctl status ${service}`,
    '  sudo cat /etc/rancher/rke2/config.yaml     (should match device/etc/rancher/rke2/config.yaml)',
    ...(node.role === 'worker' ? [] : ['  sudo /var/lib/rancher/rke2/bin/kubectl --kubeconfig /etc/rancher/rke2/rke2.yaml get nodes']),
    '',
  ].join('\n');
}
