/**
 * Whether a cloud-config, or the RKE2 config in its cluster.config, is nested deeper than
 * rke2-edge reads (LIMITS.yamlDepth, see yamlTooDeep.ts): the readers of whole cloud-configs
 * (open, import, lint, check) ask first and say "not checked" instead of guessing what the device does.
 */
import { deref, readYamlDocument, type RawNode } from './readYamlDocument.js';
import { mapPairs } from './mapPairs.js';
import { tooDeepMessage, YamlTooDeep } from './yamlTooDeep.js';

export interface DepthProblem {
  /** What to tell the user, e.g. `cluster.config is nested more than 1,000 levels deep (line 9), …`. */
  message: string;
  /** The line in the cloud-config. */
  line: number;
  /** [] for the file itself, ['cluster', 'config'] for the RKE2 config inside it. */
  path: string[];
}

/** The YAML text of `cluster.config` as written (no Go typing needed: only its nesting is read), and the line its text starts on. */
function clusterConfigOf(root: RawNode | null): { text: string; line: number } | null {
  // Following merge keys (`cluster: {<<: *base}`), as the SDK's yaml.v3 does.
  const value = (map: RawNode | null | undefined, key: string) => mapPairs(map, 'v3').get(key)?.value;
  const config = deref(value(value(root, 'cluster'), 'config'));
  if (config?.kind !== 'scalar') return null;
  // A block scalar (`config: |`) starts on the next line; a quoted or plain one on its own line.
  const block = config.style === 'literal' || config.style === 'folded';
  return { text: config.value, line: config.line + (block ? 1 : 0) };
}

/**
 * Whether a cloud-config, or the RKE2 config in its cluster.config, is nested deeper than
 * rke2-edge reads (null when neither is). Any other problem of the file is left to its readers.
 */
export function cloudConfigDepthProblem(text: string): DepthProblem | null {
  let root: RawNode | null;
  try {
    const read = readYamlDocument(text, 'v3');
    if (!read.ok) return null;
    root = read.root;
  } catch (e) {
    if (e instanceof YamlTooDeep) return { message: tooDeepMessage('the file', e.line), line: e.line, path: [] };
    throw e;
  }
  const config = clusterConfigOf(root);
  if (!config) return null;
  try {
    readYamlDocument(config.text, 'v2');
    return null;
  } catch (e) {
    if (!(e instanceof YamlTooDeep)) throw e;
    const line = config.line + e.line - 1;
    return { message: tooDeepMessage('its cluster.config', line), line, path: ['cluster', 'config'] };
  }
}

/** Why a set of cloud-configs is refused (`file: …; none was opened`), or null when none is nested too deep. */
export function cloudConfigsDepthRefusal(
  files: readonly { name: string; text: string }[],
  verb: 'opened' | 'imported' | 'checked',
): string | null {
  for (const file of files) {
    const problem = cloudConfigDepthProblem(file.text);
    if (problem) return `${file.name}: ${problem.message}; none of the files was ${verb}.`;
  }
  return null;
}
