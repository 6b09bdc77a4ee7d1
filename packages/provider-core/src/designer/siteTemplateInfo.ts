/**
 * What the start screen shows of each site template. Kept apart from the builders (and free of
 * imports) so the start screen can list templates without loading the site model.
 */
export interface SiteTemplateInfo {
  id: string;
  title: string;
  summary: string;
}

export const SITE_TEMPLATE_INFO: readonly SiteTemplateInfo[] = [
  {
    id: 'single-node',
    title: 'Single node',
    summary: 'One device runs the control plane and workloads. The smallest edge site.',
  },
  {
    id: 'ha',
    title: 'HA: 3 control planes + workers',
    summary:
      'Three servers share a virtual IP that kube-vip moves to a live server, so the cluster stays up when one fails; two workers run the workloads.',
  },
  {
    id: 'air-gapped-fips',
    title: 'Air-gapped, FIPS',
    summary: 'No internet: images come from archives on the device and a local registry; nodes boot in FIPS mode.',
  },
  {
    id: 'proxy',
    title: 'Behind a proxy',
    summary: 'Nodes reach the internet through an HTTP(S) proxy; cluster traffic stays off it.',
  },
  {
    id: 'cis-selinux',
    title: 'CIS hardened with SELinux',
    summary:
      'CIS profile (with the kernel settings and etcd user it needs), SELinux, restricted Pod Security and a kube-vip VIP for regulated sites.',
  },
  {
    id: 'stylus-edge',
    title: 'Edge store with site/region labels',
    summary: 'A Stylus-style retail edge site: one server, two workers, every node labelled with its store and region.',
  },
];
