/**
 * What a node runs of the control plane, read from the RKE2 config it gets (rke2ConfigFor: the
 * site's form, the site's extra config, the node's extra config). By default an RKE2 server runs
 * the API server, controller-manager, scheduler and an etcd member; `disable-etcd: true` makes it a
 * dedicated control-plane node and `disable-apiserver: true` (with the other two) a dedicated etcd
 * node (https://docs.rke2.io/install/server_roles; keys in src/catalog, `../shared/rke2-options.json`).
 * `datastore-endpoint` switches a server to an external datastore through kine, with no etcd member
 * of its own (catalog note on datastore-endpoint). Workers (rke2-agent) run none of it.
 */
import { flagOn } from '../yaml/goBool.js';
import { rke2ConfigFor, type SiteContext } from '../site/rke2ConfigFor.js';
import { isServerRole, type SiteNode } from '../site/siteSchema.js';

export interface ServerComponents {
  /** Runs an embedded etcd member. */
  etcd: boolean;
  /** Runs kube-apiserver (and answers on 6443). */
  apiServer: boolean;
  /** Uses an external datastore (`datastore-endpoint`) instead of embedded etcd. */
  externalDatastore: boolean;
}

const NONE: ServerComponents = { etcd: false, apiServer: false, externalDatastore: false };

export function serverComponents(context: SiteContext, node: SiteNode): ServerComponents {
  if (!isServerRole(node.role)) return NONE;
  const { config } = rke2ConfigFor(context, node);
  const endpoint = config.get('datastore-endpoint');
  const externalDatastore = typeof endpoint === 'string' && endpoint.trim() !== '';
  return {
    etcd: !externalDatastore && !flagOn(config.get('disable-etcd')),
    apiServer: !flagOn(config.get('disable-apiserver')),
    externalDatastore,
  };
}
