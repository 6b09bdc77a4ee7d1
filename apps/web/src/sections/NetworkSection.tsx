import { CNI_PLUGINS, designerRules, INGRESS_CONTROLLERS, portTable, type Site } from '@rke2-edge/provider-core';
import { PortsTable } from './PortsTable.js';
import { CheckboxField, ListField, SelectField, TextField } from '../form/fields.js';
import { useAnalysis, useSiteState } from '../state/siteContext.js';
import type { SiteSettings } from '../actions/settingsActions.js';
import { useFieldValue } from '../form/siteForm.js';
import { bindSetting } from './siteSettingsSchema.js';
import { ScrollRegion } from '@rke2-edge/ui';

/** Rows shown in the NO_PROXY table; larger sites show the selected node and the first ones. */
const NO_PROXY_ROWS = 50;

export function NetworkSection({ site, selectedNode }: { site: Site; selectedNode: number }) {
  const net = (key: keyof SiteSettings['network']) => ({ field: bindSetting(`network.${key}`) });
  const proxy = (key: keyof SiteSettings['proxy']) => ({ field: bindSetting(`proxy.${key}`) });
  const serviceCidr = (useFieldValue(bindSetting('network.serviceCidr')) as string | undefined) ?? '';
  return (
    <>
      <fieldset>
        <legend>Cluster network</legend>
        <TextField {...net('clusterCidr')} label="Pod network (cluster CIDR)" />
        <TextField {...net('serviceCidr')} label="Service network (service CIDR)" />
        <TextField {...net('clusterDns')} label="Cluster DNS IP" placeholder={clusterDnsPlaceholder(serviceCidr)} />
        <TextField {...net('clusterDomain')} label="Cluster domain" />
        <SelectField {...net('cni')} label="Network plugin (CNI)" options={CNI_PLUGINS} />
        <CheckboxField {...net('multus')} label="Multus" />
        <SelectField {...net('ingressController')} label="Ingress controller" options={INGRESS_CONTROLLERS} />
      </fieldset>
      <fieldset>
        <legend>Node network (static addressing)</legend>
        <p className="field-hint">
          Used by nodes whose addressing is static (see Nodes); nodes with a DHCP reservation get these from DHCP.
        </p>
        <TextField {...net('gateway')} label="Default gateway" placeholder="192.168.1.1" />
        <ListField {...net('nameservers')} label="DNS servers" placeholder="192.168.1.1" rows={2} />
      </fieldset>
      <fieldset>
        <legend>HTTP(S) proxy</legend>
        <TextField {...proxy('httpProxy')} label="HTTP proxy" placeholder="http://proxy.example:3128" />
        <TextField {...proxy('httpsProxy')} label="HTTPS proxy" placeholder="http://proxy.example:3128" />
        <TextField {...proxy('noProxy')} label="NO_PROXY (your entries)" />
      </fieldset>
      <NoProxyTable site={site} selectedNode={selectedNode} />
      <PortsTable ports={portTable(site)} />
    </>
  );
}

/** What an empty cluster DNS means: RKE2's choice, the 10th address of the service network (computed by provider-core). */
function clusterDnsPlaceholder(serviceCidr: string): string {
  const dns = designerRules.clusterDnsFor(serviceCidr);
  return dns ? `${dns} (empty: 10th address of the service network)` : 'empty: 10th address of the service network';
}

function NoProxyTable({ site, selectedNode }: { site: Site; selectedNode: number }) {
  const { analysis } = useAnalysis();
  const { nodeIds } = useSiteState();
  const rows = site.nodes.map((node, index) => ({ node, index })).filter(({ index }) => index < NO_PROXY_ROWS || index === selectedNode);
  return (
    <section aria-labelledby="noproxy-title" className="table-section">
      <h3 id="noproxy-title">NO_PROXY each node computes</h3>
      <p className="field-hint">
        As the provider writes it into /etc/default/rke2-server or rke2-agent: cluster and service networks, the node&apos;s own address,
        the cluster&apos;s service domains, then your entries. Empty when no proxy is set.
      </p>
      <ScrollRegion labelledBy="noproxy-title">
        <table>
          <thead>
            <tr>
              <th scope="col">Node</th>
              <th scope="col">Address</th>
              <th scope="col">NO_PROXY</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ node, index }) => {
              const value = analysis?.noProxy[index];
              return (
                <tr key={nodeIds[index] ?? index}>
                  <th scope="row">{node.name}</th>
                  <td>{node.address || '—'}</td>
                  <td className="mono">
                    {value === undefined ? '…' : value === null ? '(provider writes nothing)' : value || '(none: no proxy set)'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      {site.nodes.length > rows.length && (
        <p className="field-hint">
          Showing {rows.length} of {site.nodes.length} nodes; select a node to see its row.
        </p>
      )}
    </section>
  );
}
