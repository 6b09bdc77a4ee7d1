/**
 * "Untrusted designs": whatever text a site holds, renderYamlForGo's output (a) holds only
 * characters libyaml reads as themselves, and (b) reads back as the same value with the port's
 * yaml.v2 and yaml.v3 readers; (c) a whole designed node keeps every value exactly. The port's
 * readers are built on the `yaml` library, which does not take U+0085/U+2028/U+2029 for line
 * breaks as Go does: (a) is what makes (b) hold on the device too. The real plugin is the judge in
 * test/yamlSafety.realProvider.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../test/fastCheckSettings.js';
import { canon, readYamlV3, unreadableCharacter, wellFormed, wellFormedValue } from '../../test/yamlSafetyChecks.js';
import {
  goTree,
  HOSTILE_CHARACTERS,
  hostileSite,
  hostileSiteText,
  hostileText,
  textObject,
  textWithLoneSurrogate,
  YAML_WORDS,
} from '../../test/yamlSafetyText.js';
import { decodeCloudConfig } from '../kairos/decodeCloudConfig.js';
import { isProviderKey, REQUIRED_CIDR_KEYS } from '../site/designerRules.js';
import { expandSite } from '../site/expandSite.js';
import { hostnameOf } from '../site/renderCloudConfig.js';
import { GoFloat, GoInt, marshalGoJson, type GoObject, type GoValue } from './goJson.js';
import { doubleQuotedYaml, literalKeepsText, renderYamlForGo, unwritableInYaml } from './renderYamlForGo.js';
import { decodeYamlV2 } from './yamlToJson.js';

const scalar: fc.Arbitrary<GoValue> = fc.oneof(
  { weight: 6, arbitrary: hostileText },
  fc.boolean(),
  fc.constant(null),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }).map((n) => new GoInt(n)),
  fc
    .double({ noNaN: true })
    .filter((d) => !Object.is(d, -0))
    .map((d) => new GoFloat(d)),
);

/** Maps, lists and scalars, nested, with hostile text as keys, values and list items. */
const goValue: fc.Arbitrary<GoValue> = goTree(scalar, hostileText);
const goObject: fc.Arbitrary<GoObject> = fc.array(fc.tuple(hostileText, goValue), { maxLength: 6 }).map((entries) => new Map(entries));

function expectReadable(text: string): void {
  expect(unreadableCharacter(text), 'a character libyaml refuses or reads as another').toBeNull();
}

describe('renderYamlForGo with untrusted text', () => {
  it('hostile characters are all in the generators', () => {
    const sample = fc.sample(hostileText, { seed: propertySettings.seed, numRuns: 2000 }).join('');
    for (const ch of ['\0', '\x7f', '\ufffe', '\uffff', '\u0085', '\u2028', '\u2029', '\ufeff', '\r', '\t']) expect(sample).toContain(ch);
    expect(YAML_WORDS).toContain('0644');
    expect(HOSTILE_CHARACTERS).toContain('\r\n');
  });

  it('(a) writes only characters libyaml reads as themselves, and no line break but LF (property)', () => {
    fc.assert(
      fc.property(goObject, (value) => {
        const text = renderYamlForGo(value);
        expectReadable(text);
        // Nested: the same text inside a block string of an outer document, as `cluster.config` is.
        expectReadable(renderYamlForGo(new Map([['config', text]])));
      }),
      propertySettings,
    );
  });

  it('(b) yaml.v2 (sigs.k8s.io/yaml, the RKE2 config) reads back exactly the value written (property)', () => {
    fc.assert(
      fc.property(goObject, (value) => {
        const decoded = decodeYamlV2(renderYamlForGo(value));
        expect(decoded.ok && canon(decoded.value)).toEqual(canon(value));
      }),
      propertySettings,
    );
  });

  it('(b) yaml.v3 (the cloud-config) reads back exactly the text written, as keys, values and list items (property)', () => {
    fc.assert(
      fc.property(textObject, (value) => {
        const decoded = readYamlV3(renderYamlForGo(value));
        expect(decoded.ok && canon(decoded.value)).toEqual(canon(value));
      }),
      propertySettings,
    );
  });

  it('(b) through the Kairos SDK path: cluster fields, env and a config block string come back exactly (property)', () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, goObject, (token, host, proxy, config) => {
        const configText = renderYamlForGo(config);
        const cluster = new Map<string, GoValue>([
          ['cluster_token', token],
          ['control_plane_host', host],
          ['role', 'init'],
          ['config', configText],
          [
            'env',
            new Map([
              ['HTTP_PROXY', proxy],
              [token, host],
            ]),
          ],
        ]);
        const text = `#cloud-config\n${renderYamlForGo(new Map([['cluster', cluster]]))}`;
        expectReadable(text);
        const decoded = decodeCloudConfig(text);
        expect(decoded).toEqual({
          kind: 'cluster',
          cluster: {
            cluster_token: token,
            control_plane_host: host,
            role: 'init',
            config: configText,
            env: { HTTP_PROXY: proxy, [token]: host },
          },
        });
        const inner = decodeYamlV2(decoded.kind === 'cluster' ? decoded.cluster.config! : '');
        expect(inner.ok && canon(inner.value)).toEqual(canon(config));
      }),
      propertySettings,
    );
  });

  it('double quotes carry any text, one line, printable (property)', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.string({ unit: 'binary' })), (text) => {
        const quoted = doubleQuotedYaml(text);
        expect(quoted).not.toContain('\n');
        expectReadable(quoted);
        const v2 = decodeYamlV2(`k: ${quoted}\n`);
        expect(v2.ok && canon(v2.value)).toEqual(canon(new Map([['k', text]])));
      }),
      propertySettings,
    );
  });

  it('multi-line text that fits a literal block is written as one, and reads back (property)', () => {
    const multiLine = fc
      .tuple(hostileText, hostileText)
      .map(([a, b]) => `${a}\n${b}`)
      .filter(literalKeepsText);
    fc.assert(
      fc.property(multiLine, (text) => {
        const written = renderYamlForGo(new Map([['k', [text]]]));
        expect(written).toMatch(/^k:\n {2}- \|/);
        const v3 = readYamlV3(written);
        expect(v3.ok && canon(v3.value)).toEqual(canon(new Map([['k', [text]]])));
      }),
      propertySettings,
    );
  });

  it('lone surrogates are refused by unwritableInYaml and written as U+FFFD (property)', () => {
    fc.assert(
      fc.property(textWithLoneSurrogate, fc.string({ unit: 'binary' }), (broken, fine) => {
        expect(unwritableInYaml(broken)).toMatch(/lone UTF-16 surrogate/);
        expect(unwritableInYaml(fine)).toBeNull();
        const value = new Map<string, GoValue>([[broken, [broken, fine]]]);
        const text = renderYamlForGo(value);
        expectReadable(text);
        const decoded = decodeYamlV2(text);
        expect(decoded.ok && canon(decoded.value)).toEqual(canon(wellFormedValue(value)));
      }),
      propertySettings,
    );
  });
});

describe('(c) a whole designed node with untrusted text keeps every value', () => {
  it('decodes back to the designed token, host, proxy, RKE2 config, OS fields and designer files (property)', () => {
    fc.assert(
      fc.property(hostileSiteText, (t) => {
        const site = hostileSite(t);
        const expanded = expandSite(site);
        for (const node of expanded.nodes) {
          expectReadable(node.userData);
          expectReadable(node.metaData);

          // The Kairos SDK's view: the cluster section.
          const decoded = decodeCloudConfig(node.userData);
          if (decoded.kind !== 'cluster') throw new Error(`the SDK would not read this node: ${JSON.stringify(decoded)}`);
          const { cluster } = decoded;
          expect(cluster.cluster_token).toBe(wellFormed(t.token));
          expect(cluster.control_plane_host).toBe(expanded.context.controlPlane.host);
          expect(cluster.role).toBe(node.node.role);
          const env = Object.fromEntries(
            [
              ['HTTP_PROXY', t.httpProxy],
              ['HTTPS_PROXY', t.httpsProxy],
              ['NO_PROXY', t.noProxy],
            ]
              .filter(([, v]) => v !== '')
              .map(([k, v]) => [k, wellFormed(v!)]),
          );
          expect(cluster.env ?? {}).toEqual(env);
          if (t.importLocalImages && t.imagesPath) expect(cluster.local_images_path).toBe(wellFormed(t.imagesPath));

          // The provider's view of `config` (yaml.v2): exactly the designed RKE2 config.
          const config = decodeYamlV2(cluster.config ?? '');
          expect(config.ok && canon(config.value)).toEqual(canon(node.config));
          // ... which holds the designed extra settings and node fields.
          const own = node.index === 0 ? t.nodeExtra : new Map<string, GoValue>();
          for (const [k, v] of own) {
            if (isProviderKey(k) || (REQUIRED_CIDR_KEYS as readonly string[]).includes(k)) continue;
            expect(canon(node.config.get(wellFormed(k))!)).toEqual(canon(wellFormedValue(v)));
          }
          if (node.index === 0 && !own.has('node-label') && !t.extra.has('node-label') && t.labels.length > 0) {
            expect(node.config.get('node-label')).toEqual(t.labels.map(wellFormed));
          }

          // Everything else in the document, read as yaml.v3 would.
          const whole = readYamlV3(node.userData);
          if (!whole.ok) throw new Error(whole.error);
          const doc = whole.value as Map<string, GoValue>;
          expect(doc.get('hostname')).toBe(wellFormed(hostnameOf(node.node)));
          const install = doc.get('install') as Map<string, GoValue>;
          expect(install.get('device')).toBe(wellFormed(t.device || 'auto'));
          const users = doc.get('users') as Map<string, GoValue>[] | undefined;
          if (t.userName) expect(users?.[0]?.get('ssh_authorized_keys')).toEqual([wellFormed(t.sshKey)]);
          const stages = doc.get('stages') as Map<string, GoValue>;
          const files = ((stages.get('initramfs') as Map<string, GoValue>[])[0]!.get('files') as Map<string, GoValue>[]).map((f) => [
            f.get('path'),
            f.get('content'),
          ]);
          expect(files).toEqual(node.designerFiles.map(([path, content]) => [path, wellFormed(content)]));

          // The port's preview runs on that same text.
          expect(node.plan.kind).toBe('written');
          if (node.plan.kind === 'written') expect(node.plan.files[0]!.content).toBe(marshalGoJson(node.config));
        }
      }),
      { ...propertySettings, numRuns: Math.ceil(propertySettings.numRuns / 2) },
    );
  });
});
