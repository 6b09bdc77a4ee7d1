import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Cluster } from '../kairos/clusterSchema.js';
import { ClusterSchema } from '../kairos/clusterSchema.js';
import { renderClusterKairosYaml } from '../kairos/renderClusterKairosYaml.js';
import { propertySettings } from '../../test/fastCheckSettings.js';
import { nastyText } from '../../test/nastyText.js';
import { GoInt, type GoValue } from '../yaml/goJson.js';
import { renderYamlForGo } from '../yaml/renderYamlForGo.js';
import { clusterProvider } from './clusterProvider.js';
import { filesOf, mergedConfigOf } from './runPlugin.js';

/** A user config written the way people write it: a YAML mapping with both CIDRs and extras. */
const userConfig = fc
  .record({
    cidrs: fc.boolean(),
    extra: fc.dictionary(
      fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
      fc.oneof(nastyText, fc.boolean(), fc.integer(), fc.array(nastyText, { maxLength: 3 })),
    ),
  })
  .map(({ cidrs, extra }) => {
    const object: Record<string, unknown> = { ...extra };
    if (cidrs) Object.assign(object, { 'cluster-cidr': '10.42.0.0/16', 'service-cidr': '10.43.0.0/16' });
    // Written by renderYamlForGo: the yaml library's own YAML 1.1 output leaves `0o17` plain,
    // which yaml.v2 reads as 15.
    const goMap = new Map(
      Object.entries(object).map(([k, v]): [string, GoValue] => [k, typeof v === 'number' ? new GoInt(BigInt(v)) : (v as GoValue)]),
    );
    return { object, text: renderYamlForGo(goMap) };
  });

const cluster = fc.record(
  {
    cluster_token: nastyText,
    control_plane_host: nastyText,
    role: fc.oneof(fc.constantFrom('init', 'controlplane', 'worker'), nastyText),
    config: fc.oneof(
      userConfig.map((c) => c.text),
      nastyText,
    ),
    env: fc.dictionary(fc.constantFrom('HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy'), nastyText),
    providerConfig: fc.dictionary(fc.constantFrom('cluster_root_path', 'other'), nastyText),
    import_local_images: fc.boolean(),
    local_images_path: nastyText,
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Cluster>;

/** The plain object yaml.v3 wrote, as a YAML reader sees it (empty stage fields omitted). */
function expectedDocument(yip: ReturnType<typeof clusterProvider> & { ok: true }) {
  const stages = yip.yip.stages['boot.before']!.map((s) =>
    Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0))),
  );
  return { name: yip.yip.name, stages: { 'boot.before': stages } };
}

describe('clusterProvider on any schema-valid cluster', () => {
  it('never throws, and cluster.kairos.yaml reads back as the same yip config', () => {
    fc.assert(
      fc.property(cluster, fc.constantFrom('192.168.1.10/24', '10.0.0.5/8', ''), (c, nodeCidr) => {
        expect(ClusterSchema.safeParse(c).success).toBe(true);
        const result = clusterProvider(c, { nodeCidr });
        if (!result.ok) {
          expect(result.panic.goPanic).toMatch(/^panic: interface conversion: interface \{\} is .+, not string$/);
          return;
        }
        const text = renderClusterKairosYaml(result.yip);
        expect(text.startsWith('#cloud-config\n')).toBe(true);
        expect(parse(text, { schema: 'core' })).toEqual(expectedDocument(result));
      }),
      propertySettings,
    );
  });

  it('writes JSON in config.d: the provider file carries token, server and host unchanged', () => {
    fc.assert(
      fc.property(cluster, (c) => {
        const result = clusterProvider(c, { nodeCidr: '192.168.1.10/24' });
        if (!result.ok) return;
        const [user, provider] = filesOf(result.yip);
        if (user!.content !== '') expect(() => JSON.parse(user!.content)).not.toThrow();
        expect(JSON.parse(provider!.content)).toEqual({
          server: c.role === 'init' ? '' : `https://${c.control_plane_host ?? ''}:9345`,
          'tls-san': [c.control_plane_host ?? ''],
          token: c.cluster_token ?? '',
        });
        const merged = mergedConfigOf(filesOf(result.yip));
        if (merged.ok) expect(() => JSON.parse(merged.text)).not.toThrow();
      }),
      propertySettings,
    );
  });

  it('carries a mapping-style user config into 90_userdata.yaml value for value', () => {
    fc.assert(
      fc.property(userConfig, ({ object, text }) => {
        const result = clusterProvider({ config: text }, { nodeCidr: '192.168.1.10/24' });
        if (!('cluster-cidr' in object)) {
          expect(result.ok).toBe(false);
          return;
        }
        if (!result.ok) throw new Error(result.panic.reason);
        expect(JSON.parse(filesOf(result.yip)[0]!.content)).toEqual(object);
      }),
      propertySettings,
    );
  });
});
