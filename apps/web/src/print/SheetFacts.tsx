/** The site sheet's security and network settings, side by side. */
import type { SiteSheet } from '@rke2-edge/provider-core';
import { IMAGE_SOURCE_LABELS } from '../sections/AirGapSection.js';

const yesNo = (v: boolean) => (v ? 'yes' : 'no');

function SecurityFacts({ security: sec }: { security: SiteSheet['security'] }) {
  return (
    <section aria-labelledby="sheet-security">
      <h2 id="sheet-security">Security</h2>
      <dl>
        <dt>FIPS 140 mode</dt>
        <dd>{yesNo(sec.fips)}</dd>
        <dt>CIS profile</dt>
        <dd>{yesNo(sec.cisProfile)}</dd>
        <dt>SELinux</dt>
        <dd>{yesNo(sec.selinux)}</dd>
        <dt>Secrets encryption</dt>
        <dd>{sec.secretsEncryptionProvider}</dd>
        <dt>Pod Security</dt>
        <dd>{sec.podSecurityFromCis ? `${sec.podSecurity} (CIS profile)` : sec.podSecurity}</dd>
        <dt>Kubeconfig mode</dt>
        <dd>{sec.writeKubeconfigMode}</dd>
      </dl>
    </section>
  );
}

function NetworkFacts({ sheet: { network: net, proxy, images } }: { sheet: SiteSheet }) {
  return (
    <section aria-labelledby="sheet-network">
      <h2 id="sheet-network">Network</h2>
      <dl>
        <dt>Pods / services</dt>
        <dd>
          {net.clusterCidr} / {net.serviceCidr}
        </dd>
        <dt>CNI / ingress</dt>
        <dd>
          {net.cni}
          {net.multus ? ' + multus' : ''} / {net.ingressController}
        </dd>
        <dt>Proxy</dt>
        <dd>{proxy.url ? `${proxy.url} (NO_PROXY: ${proxy.noProxy || 'defaults only'})` : 'none'}</dd>
        <dt>Images</dt>
        <dd>
          from {IMAGE_SOURCE_LABELS[images.source]}
          {images.archivesPath ? ` (${images.archivesPath})` : ''}
          {images.systemDefaultRegistry ? `, system registry ${images.systemDefaultRegistry}` : ''}
          {images.mirrors ? `, ${images.mirrors} mirror(s)` : ''}
        </dd>
      </dl>
    </section>
  );
}

export function SheetFacts({ sheet }: { sheet: SiteSheet }) {
  return (
    <div className="sheet-columns">
      <SecurityFacts security={sheet.security} />
      <NetworkFacts sheet={sheet} />
    </div>
  );
}
