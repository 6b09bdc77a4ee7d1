/** Where a fact the designer states comes from: a rancher/rke2, Kubernetes, etcd or kube-vip file or documentation page. */
export interface FactSource {
  label: string;
  url: string;
}
