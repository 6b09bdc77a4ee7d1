/** A hand-written HA set of Kairos cloud-configs (init, joining server, worker), for the cloud-config check's tests. */
export interface NodeFile {
  name: string;
  text: string;
}

const TOKEN = 'Zq8vN3kP2wX7mR4tY9bL6cF1hJ5dG0sA';

/** One node's cloud-config; `network` gives it a static address in a systemd-networkd unit. */
export function cloudConfig(o: { hostname: string; role: string; host?: string; address?: string; config?: string }): string {
  const network = o.address
    ? `stages:\n  initramfs:\n    - name: Static address\n      files:\n        - path: /etc/systemd/network/01-eth0.network\n          content: |\n            [Match]\n            Name=eth0\n\n            [Network]\n            Address=${o.address}\n            Gateway=10.0.1.1\n`
    : '';
  const config = (o.config ?? 'cluster-cidr: 10.42.0.0/16\nservice-cidr: 10.43.0.0/16\n').replace(/^/gm, '    ');
  return `#cloud-config\nhostname: ${o.hostname}\n${network}cluster:\n  cluster_token: ${TOKEN}\n  control_plane_host: ${o.host ?? '10.0.1.11'}\n  role: ${o.role}\n  config: |\n${config}`;
}

/** cp-1 (init, 10.0.1.11/24 in its own network unit), cp-2 (controlplane), worker-1 (worker), all joining 10.0.1.11. */
export function haCloudConfigs(): NodeFile[] {
  return [
    { name: 'cp-1.yaml', text: cloudConfig({ hostname: 'cp-1', role: 'init', address: '10.0.1.11/24' }) },
    { name: 'cp-2.yaml', text: cloudConfig({ hostname: 'cp-2', role: 'controlplane' }) },
    { name: 'worker-1.yaml', text: cloudConfig({ hostname: 'worker-1', role: 'worker' }) },
  ];
}
