import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../test/fastCheckSettings.js';
import type { Cluster } from '../kairos/clusterSchema.js';
import { emitYamlV3, ymap, yseq, ystr } from '../yaml/yamlV3Emitter.js';
import { yamlToJson } from '../yaml/yamlToJson.js';
import { SUPERVISOR_PORT } from './constants.js';
import { providerConfigJson } from './userConfigJson.js';

/** What Go does for 99_userdata.yaml: yaml.v3 encode of {token, server, tls-san}, then YAMLToJSON. */
function roundTrip(cluster: Cluster) {
  const host = cluster.control_plane_host ?? '';
  const server = cluster.role === 'init' ? '' : `https://${host}:${SUPERVISOR_PORT}`;
  return yamlToJson(
    emitYamlV3(
      ymap([
        ['token', ystr(cluster.cluster_token ?? '')],
        ['server', ystr(server)],
        ['tls-san', yseq([ystr(host)])],
      ]),
    ),
  );
}

/** Texts of letters, digits and `._:/-` (the shortcut's alphabet), with the words yaml.v3 must quote. */
const shortcutText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...'aZ09._:/-'),
      fc.constantFrom(
        'yes',
        'No',
        'on',
        'y',
        'null',
        'true',
        '0x1F',
        '0o17',
        '0b101',
        '1_000',
        '-1',
        '+.5',
        '1e3',
        '.inf',
        '1:20',
        '2024-01-15',
        '---',
        '...',
        '-',
        ':',
      ),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

describe('providerConfigJson (99_userdata.yaml)', () => {
  it('gives what the yaml.v3 encode and YAMLToJSON round trip gives, for the values it shortcuts and for others', () => {
    fc.assert(
      fc.property(
        fc.oneof(shortcutText, fc.string()),
        fc.oneof(shortcutText, fc.string()),
        fc.constantFrom('init', 'controlplane', 'worker'),
        (token, host, role) => {
          const cluster: Cluster = { cluster_token: token, control_plane_host: host, role };
          expect(providerConfigJson(cluster)).toEqual(roundTrip(cluster));
        },
      ),
      { ...propertySettings, numRuns: propertySettings.numRuns * 10 },
    );
  });
});
