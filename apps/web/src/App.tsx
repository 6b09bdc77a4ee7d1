import { CodeBlock } from '@rke2-edge/ui';
import { useDeferredValue, useMemo, useState } from 'react';
import { nodePreview } from './nodePreview.js';

const EXAMPLE = `#cloud-config
cluster:
  cluster_token: K10changeme1234567890abcdef
  control_plane_host: 10.0.1.100
  role: init
  config: |
    node-name: edge-cp1
    cluster-cidr: 10.42.0.0/16
    service-cidr: 10.43.0.0/16
`;

export function App() {
  const [cloudConfig, setCloudConfig] = useState(EXAMPLE);
  const [nodeCidr, setNodeCidr] = useState('10.0.1.10/24');
  const deferredConfig = useDeferredValue(cloudConfig);
  const preview = useMemo(() => nodePreview(deferredConfig, nodeCidr), [deferredConfig, nodeCidr]);

  return (
    <main>
      <header>
        <h1>RKE2 Edge Designer</h1>
        <p>Paste a Kairos cloud-config to see exactly what the RKE2 provider (v4.8.2) writes at boot.</p>
      </header>
      <div className="layout">
        <section aria-label="Input">
          <label htmlFor="cloud-config">Cloud-config</label>
          <textarea
            id="cloud-config"
            spellCheck={false}
            wrap="off"
            value={cloudConfig}
            onChange={(e) => setCloudConfig(e.target.value)}
            rows={24}
          />
          <label htmlFor="node-cidr">Node address with prefix (used in NO_PROXY)</label>
          <input id="node-cidr" value={nodeCidr} onChange={(e) => setNodeCidr(e.target.value)} />
        </section>
        <section aria-label="What the device writes" aria-live="polite">
          {preview.kind === 'message' ? (
            <p role="status" className="message">
              {preview.message}
            </p>
          ) : (
            preview.panels.map((panel) => <CodeBlock key={panel.title} title={panel.title} text={panel.text} />)
          )}
        </section>
      </div>
    </main>
  );
}
