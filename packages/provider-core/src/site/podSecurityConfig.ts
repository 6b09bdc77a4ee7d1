/**
 * The Pod Security admission config a site asks for. RKE2 writes its own when none is given:
 * `privileged` without a profile, `restricted` with `profile: cis` (rke2-options.md fact 8). When the
 * site wants another level, the designer writes this file on servers and points
 * `pod-security-admission-config-file` at it.
 */
import type { GoObject, GoValue } from '../yaml/goJson.js';
import { renderYamlForGo } from '../yaml/renderYamlForGo.js';
import type { Site } from './siteSchema.js';

export const POD_SECURITY_CONFIG_PATH = '/etc/rancher/rke2/pod-security-admission.yaml';

/** The level RKE2 enforces by itself with these security settings. */
function rke2DefaultPodSecurity(security: Site['security']): Site['security']['podSecurity'] {
  return security.cisProfile ? 'restricted' : 'privileged';
}

/** The Pod Security level in force: with the CIS profile RKE2's own, which the designer never weakens (podSecurityConfig). */
export function effectivePodSecurity(security: Site['security']): { level: Site['security']['podSecurity']; fromCis: boolean } {
  return security.cisProfile ? { level: rke2DefaultPodSecurity(security), fromCis: true } : { level: security.podSecurity, fromCis: false };
}

/**
 * The admission configuration's text, or null when RKE2's own file already does what the site asks.
 * With the CIS profile RKE2 enforces `restricted`, the strictest level; the designer never weakens it.
 */
export function podSecurityConfig(security: Site['security']): string | null {
  if (security.cisProfile || security.podSecurity === rke2DefaultPodSecurity(security)) return null;
  const level = security.podSecurity;
  // Built as data and written by renderYamlForGo: a namespace such as "on" or "0b101" stays text
  // for the API server's YAML 1.1 reader.
  const map = (entries: [string, GoValue][]): GoObject => new Map(entries);
  const defaults = map(
    ['enforce', 'audit', 'warn'].flatMap((mode): [string, GoValue][] => [
      [mode, level],
      [`${mode}-version`, 'latest'],
    ]),
  );
  return renderYamlForGo(
    map([
      ['apiVersion', 'apiserver.config.k8s.io/v1'],
      ['kind', 'AdmissionConfiguration'],
      [
        'plugins',
        [
          map([
            ['name', 'PodSecurity'],
            [
              'configuration',
              map([
                ['apiVersion', 'pod-security.admission.config.k8s.io/v1'],
                ['kind', 'PodSecurityConfiguration'],
                ['defaults', defaults],
                [
                  'exemptions',
                  map([
                    ['usernames', []],
                    ['runtimeClasses', []],
                    ['namespaces', [...security.podSecurityExemptNamespaces]],
                  ]),
                ],
              ]),
            ],
          ]),
        ],
      ],
    ]),
  );
}
