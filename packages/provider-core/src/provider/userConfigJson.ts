/**
 * The two JSON files of config.d, as provider-rke2 computes them.
 *
 * - 90_userdata.yaml: YAMLToJSON of the user `config` ("{}" when it is empty); "" when that fails.
 * - 99_userdata.yaml: the provider's own {token, server, tls-san}, first encoded with yaml.v3 and
 *   read back through YAMLToJSON, exactly as Go does (so its quoting rules round-trip the values).
 */
import { emitYamlV3, ymap, yseq, ystr } from '../yaml/yamlV3Emitter.js';
import { yamlToJson, type YamlToJsonResult } from '../yaml/yamlToJson.js';
import type { Cluster } from '../kairos/clusterSchema.js';
import { SUPERVISOR_PORT } from './constants.js';

export function userConfigJson(cluster: Cluster): YamlToJsonResult {
  const options = cluster.config ?? '';
  return yamlToJson(options === '' ? '{}' : options);
}

/** `server` is "" for the init node only; any other role (missing, unknown) joins (cases 01, 06, 07). */
function providerRke2Config(cluster: Cluster): { token: string; server: string; tlsSan: string[] } {
  const host = cluster.control_plane_host ?? '';
  return {
    token: cluster.cluster_token ?? '',
    // The host is pasted in unbracketed: an IPv6 host gives https://fd00::1:9345 (case 23).
    server: cluster.role === 'init' ? '' : `https://${host}:${SUPERVISOR_PORT}`,
    tlsSan: [host],
  };
}

export function providerConfigJson(cluster: Cluster): YamlToJsonResult {
  const { token, server, tlsSan } = providerRke2Config(cluster);
  const yaml = emitYamlV3(
    ymap([
      ['token', ystr(token)],
      ['server', ystr(server)],
      ['tls-san', yseq(tlsSan.map(ystr))],
    ]),
  );
  return yamlToJson(yaml);
}
