/**
 * The exact bytes the Kairos plugin writes to /usr/local/cloud-config/cluster.kairos.yaml:
 * "#cloud-config\n" followed by yaml.v3's encoding of the yip config (oracle cases 01, 47, 53).
 */
import { emitYamlV3, yint, ymap, yseq, ystr, type YamlNode } from '../yaml/yamlV3Emitter.js';
import type { YipConfig, YipFile, YipStage } from './yipSchema.js';

function fileNode(file: YipFile): YamlNode {
  // Every File field is written, even the empty ones (no omitempty in yip's File).
  return ymap([
    ['path', ystr(file.path)],
    ['permissions', yint(file.permissions)],
    ['owner', yint(file.owner)],
    ['group', yint(file.group)],
    ['content', ystr(file.content)],
    ['encoding', ystr(file.encoding)],
    ['ownerstring', ystr(file.ownerstring)],
  ]);
}

function stageNode(stage: YipStage): YamlNode {
  // Stage fields are omitempty: only the ones with a value are written, in struct order.
  const entries: [string, YamlNode][] = [];
  if (stage.commands?.length) entries.push(['commands', yseq(stage.commands.map(ystr))]);
  if (stage.files?.length) entries.push(['files', yseq(stage.files.map(fileNode))]);
  if (stage.if) entries.push(['if', ystr(stage.if)]);
  if (stage.name) entries.push(['name', ystr(stage.name)]);
  return ymap(entries);
}

export function renderClusterKairosYaml(yip: YipConfig): string {
  const entries: [string, YamlNode][] = [];
  if (yip.name) entries.push(['name', ystr(yip.name)]);
  // yaml.v3 sorts map keys; the provider only ever uses "boot.before".
  const stageKeys = Object.keys(yip.stages).sort();
  if (stageKeys.length) {
    entries.push(['stages', ymap(stageKeys.map((key) => [key, yseq(yip.stages[key]!.map(stageNode))]))]);
  }
  return `#cloud-config\n${emitYamlV3(ymap(entries))}`;
}
