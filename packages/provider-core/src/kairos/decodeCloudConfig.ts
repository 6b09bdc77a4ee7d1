/**
 * How the Kairos SDK (clusterplugin.onBoot) reads a cloud-config: `yaml.Unmarshal` (yaml.v3) of the
 * whole document into `Config{Cluster *Cluster}` (see yamlV3Unmarshal.ts for the decoder's rules).
 *
 * - A string field takes the scalar's literal text: unquoted `0755` stays "0755" (oracle case 46);
 *   a null (`~`, empty) gives "".
 * - `import_local_images` accepts true/false and, into a bool only, the YAML 1.1 words yes/no/on/off.
 * - Type errors are collected like yaml.v3 does ("line 7: cannot unmarshal !!map into string",
 *   case 43) and make the plugin answer with an error instead of running the provider. `role` is
 *   a clusterplugin.Role that decodes itself as a plain string, so its errors say "into string",
 *   except for a collection tagged !!null, which yaml.v3 decodes without asking the type.
 * - No `cluster` key, or `cluster:` null, means no cluster section (case 33); `cluster: {}` is a
 *   present, empty section (case 44).
 */
import { readYamlDocument } from '../yaml/readYamlDocument.js';
import { unmarshalV3, type GoType } from '../yaml/yamlV3Unmarshal.js';
import type { Cluster } from './clusterSchema.js';

export type DecodedCloudConfig =
  | { kind: 'cluster'; cluster: Cluster }
  | { kind: 'no-cluster' }
  /** `crash`: not an error answer but a Go runtime panic inside yaml.v3 (the plugin dies; `message` is its first line). */
  /**
   * `line`: the line Go's message names (0 when it names none: yaml.v3 leaves out "line 1").
   * `position`: where the reader found a syntax error (1-based), when it did.
   */
  | { kind: 'error'; message: string; line: number; position?: { line: number; column: number }; crash?: true };

const STRING: GoType = { kind: 'string', name: 'string' };
const STRING_MAP: GoType = { kind: 'stringMap', name: 'map[string]string' };

/** kairos-sdk v0.9.3 clusterplugin.Cluster, by YAML key. */
const CLUSTER: GoType = {
  kind: 'struct',
  name: 'clusterplugin.Cluster',
  fields: {
    cluster_token: STRING,
    control_plane_host: STRING,
    role: { ...STRING, unmarshalerName: 'clusterplugin.Role' },
    config: STRING,
    env: STRING_MAP,
    ca_certs: { kind: 'slice', elem: STRING, name: '[]string' },
    providerConfig: STRING_MAP,
    import_local_images: { kind: 'bool' },
    local_images_path: STRING,
    cluster_config_path: STRING,
  } satisfies Record<keyof Cluster, GoType>,
};

const CONFIG: GoType = { kind: 'struct', name: 'clusterplugin.Config', fields: { cluster: { kind: 'ptr', elem: CLUSTER } } };

function firstErrorLine(errors: string[]): number {
  return Number(/^line (\d+)/.exec(errors[0] ?? '')?.[1] ?? 1);
}

/** Go's first line for a panic that yaml.v3's handleErr recovered and raised again. */
function crashLine(message: string): string {
  return `panic: ${message} [recovered]`;
}

/** Reads a cloud-config as the Kairos SDK does; errors carry the SDK's wording. */
export function decodeCloudConfig(text: string): DecodedCloudConfig {
  const read = readYamlDocument(text, 'v3');
  if (!read.ok && read.error.goPanic) return { kind: 'error', message: crashLine(read.error.message), line: 0, crash: true };
  if (!read.ok) {
    const { message, line, position } = read.error;
    return { kind: 'error', message: `yaml: ${message}`, line, ...(position ? { position } : {}) };
  }
  const decoded = unmarshalV3(read.root, CONFIG);
  if (!decoded.ok && 'crash' in decoded) return { kind: 'error', message: crashLine(decoded.crash), line: 0, crash: true };
  if (!decoded.ok && 'fatal' in decoded) return { kind: 'error', message: `yaml: ${decoded.fatal}`, line: 0 };
  if (!decoded.ok) {
    return {
      kind: 'error',
      message: `yaml: unmarshal errors:\n  ${decoded.typeErrors.join('\n  ')}`,
      line: firstErrorLine(decoded.typeErrors),
    };
  }
  const cluster = (decoded.value as { cluster?: Cluster | null } | undefined)?.cluster;
  return cluster ? { kind: 'cluster', cluster } : { kind: 'no-cluster' };
}
