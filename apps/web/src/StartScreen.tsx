/** First screen: start a site from a template, open a file, or go back to the open site. */
import { useRef, useState, type DragEvent } from 'react';
import type { Site } from '@rke2-edge/provider-core';
import type { SiteTemplateInfo } from '@rke2-edge/provider-core';

export interface StartScreenProps {
  templates: readonly SiteTemplateInfo[];
  onTemplate: (id: string) => void;
  onFiles: (files: File[]) => void;
  current: Site | null;
  onResume: () => void;
  /** Messages to show above everything (an unreadable autosave, a file that would not open). */
  notices: readonly { kind: string; text: string }[];
}

export function StartScreen({ templates, onTemplate, onFiles, current, onResume, notices }: StartScreenProps) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length > 0) onFiles([...e.dataTransfer.files]);
  };
  return (
    <main className="start">
      <header>
        <h1>RKE2 Edge Designer</h1>
        <p>Design an RKE2 cluster for Kairos edge devices and see, for every node, exactly what the RKE2 provider writes at boot.</p>
      </header>
      {notices.map((n, i) => (
        <p key={i} role={n.kind === 'error' ? 'alert' : 'status'} className={`notice notice-${n.kind}`}>
          {n.text}
        </p>
      ))}
      {current && (
        <p>
          <button type="button" className="primary" onClick={onResume}>
            Back to {current.name || 'the open site'} ({current.nodes.length} nodes)
          </button>
        </p>
      )}
      <section aria-labelledby="new-site">
        <h2 id="new-site">New site</h2>
        <ul className="templates">
          {templates.map((t) => (
            <li key={t.id}>
              <button type="button" className="template" onClick={() => onTemplate(t.id)}>
                <strong>{t.title}</strong>
                <span>{t.summary}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="open-site">
        <h2 id="open-site">Open</h2>
        <div
          className={`drop-zone${dragging ? ' dragging' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>Drop a site.json, a zip bundle or one or more Kairos cloud-configs here, or</p>
          <button type="button" onClick={() => input.current?.click()}>
            Choose files…
          </button>
          <input
            ref={input}
            type="file"
            multiple
            className="visually-hidden"
            aria-label="Site or cloud-config files"
            tabIndex={-1}
            onChange={(e) => {
              if (e.target.files?.length) onFiles([...e.target.files]);
              e.target.value = '';
            }}
          />
        </div>
      </section>
    </main>
  );
}
