/**
 * Monaco, bundled from the `monaco-editor` package (field sites are offline: no CDN, no loader), with
 * monaco-yaml validating RKE2 settings against the catalog's JSON schema. Loaded on demand: this
 * module and everything it imports stay out of the start screen's JavaScript.
 */
import { rke2ConfigJsonSchema } from '@rke2-edge/provider-core';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import './monacoFeatures.js';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import YamlWorker from 'monaco-yaml/yaml.worker.js?worker';

export type Rke2SchemaRole = 'both' | 'server' | 'agent';

/** Editors whose model path ends like this get the matching schema. */
export const modelPathFor = (name: string, role: Rke2SchemaRole) => `file:///rke2/${name}.${role}.yaml`;

self.MonacoEnvironment = {
  getWorker: (_: string, label: string) => (label === 'yaml' ? new YamlWorker() : new EditorWorker()),
};

configureMonacoYaml(monaco, {
  enableSchemaRequest: false,
  format: { enable: false },
  schemas: (['both', 'server', 'agent'] as const).map((role) => ({
    uri: `inmemory://rke2-edge/rke2-config.${role}.schema.json`,
    fileMatch: [`**/*.${role}.yaml`],
    schema: rke2ConfigJsonSchema(role) as never,
  })),
});

// Monaco cancels its pending work (validation, hover, diff) with a "Canceled" error when an editor
// or model goes away, e.g. on leaving a tab; that is expected flow, not a failure to report. Its
// diff worker answers nothing for models disposed meanwhile, which the diff editor reports as
// "no diff result available" (diffProviderFactoryService.js, monaco-editor 0.52): the same race.
window.addEventListener('unhandledrejection', (event) => {
  const reason = event.reason as { name?: unknown; message?: unknown } | null;
  if ((reason?.name === 'Canceled' && reason.message === 'Canceled') || reason?.message === 'no diff result available')
    event.preventDefault();
});

export { monaco };
