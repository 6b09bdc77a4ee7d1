/**
 * The two JSON files of config.d, as provider-rke2 computes them.
 *
 * - 90_userdata.yaml: YAMLToJSON of the user `config` ("{}" when it is empty); "" when that fails.
 * - 99_userdata.yaml: the provider's own {token, server, tls-san}, first encoded with yaml.v3 and
 *   read back through YAMLToJSON, exactly as Go does (so its quoting rules round-trip the values).
 *   Values made only of letters, digits and `._:/-` (generated tokens, addresses, host names) come
 *   back unchanged whatever style yaml.v3 picks, so for them the round trip is skipped.
 */
import { emitYamlV3, ymap, yseq, ystr } from '../yaml/yamlV3Emitter.js';
import { yamlToJson, type YamlToJsonResult } from '../yaml/yamlToJson.js';
import { marshalGoJson, type GoObject, type GoValue } from '../yaml/goJson.js';
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

/**
 * Text yaml.v3 writes plain, single- or double-quoted without escapes, and yaml.v2 reads back as
 * the same string: no spaces, breaks, quotes, comment or flow characters, nothing beyond ASCII.
 * Its plain forms that mean something else to yaml.v2 (numbers, `null`, `yes`, `1:20`, dates)
 * are exactly the ones yaml.v3 quotes.
 */
const ROUND_TRIPS_UNCHANGED = /^[A-Za-z0-9._:/-]*$/;

export function providerConfigJson(cluster: Cluster): YamlToJsonResult {
  const { token, server, tlsSan } = providerRke2Config(cluster);
  if (ROUND_TRIPS_UNCHANGED.test(token) && ROUND_TRIPS_UNCHANGED.test(server) && tlsSan.every((s) => ROUND_TRIPS_UNCHANGED.test(s))) {
    const value: GoObject = new Map<string, GoValue>([
      ['token', token],
      ['server', server],
      ['tls-san', tlsSan],
    ]);
    return { ok: true, value, json: marshalGoJson(value), ambiguous: [] };
  }
  const yaml = emitYamlV3(
    ymap([
      ['token', ystr(token)],
      ['server', ystr(server)],
      ['tls-san', yseq(tlsSan.map(ystr))],
    ]),
  );
  return yamlToJson(yaml);
}
