/**
 * Opening what the user drops, picks or names on the command line (classifyInput says which): one
 * zip made by this app (its site.json), one site.json, a file holding a share link, or one or more
 * Kairos cloud-configs (imported into a site, with everything that could not be represented
 * listed). The files may come from anyone: sizes are
 * bounded by LIMITS, text must be valid UTF-8, and nothing here throws.
 */
import { cloudConfigFileChecks } from '../import/checkCloudConfigs.js';
import { readBundle } from '../bundle/readBundle.js';
import { decodeUtf8 } from '../bytes/utf8.js';
import { formatBytes, LIMITS } from '../limits.js';
import { isSecurityFinding, type Finding } from '../lint/finding.js';
import { printable } from '../lint/unsafeText.js';
import { lintCloudConfigSet } from '../lint/lintCloudConfig.js';
import { parseSiteBytes, siteErrorText } from '../site/createSite.js';
import type { Site } from '../site/siteSchema.js';
import { importCloudConfigs, type CloudConfigText } from '../import/importCloudConfigs.js';
import { classifyInput, type InputKind } from './classifyInput.js';
import { opened, refused, type FileSetNote, type NamedBytes, type OpenResult } from './openResult.js';
import { openShareLink } from './openShareLink.js';
import { openedCloudConfigs } from './recheckCloudConfigs.js';
import { cloudConfigsDepthRefusal } from '../yaml/yamlDepthLimit.js';

const SEVERITY_WORD = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

/**
 * Findings as sentences for people: severity, the message (which names the file), its line; one line
 * each, control characters escaped. `withCode` adds the rule code, which README's Security section explains.
 */
const notesOf = (findings: Finding[], withCode = false) =>
  findings.map((f) =>
    printable(
      `${SEVERITY_WORD[f.severity]}: ${f.message.replace(/\s+/g, ' ').trim()}${f.line ? ` (line ${f.line})` : ''}.${withCode ? ` [${f.code}]` : ''}`,
    ).replace(/\.\.( \[|$)/, '.$1'),
  );

/**
 * A finding about the set of files, for people: the file and line it is at (a finding's path starts
 * with the file's name; one about the set as a whole has none), the message on one line; both
 * with every control character escaped (printable), as the CLI prints them.
 */
function setNoteOf(f: Finding, names: ReadonlySet<string>): FileSetNote {
  const file = typeof f.path[0] === 'string' && names.has(f.path[0]) ? f.path[0] : null;
  const where = file === null ? null : `${file}${f.line ? `:${f.line}` : ''}`;
  const message = f.message.replace(/\s+/g, ' ').trim();
  // A message that starts with its own place ("cp3.yaml:4 sets …") says it once, next to the badge.
  const said = where !== null && message.startsWith(`${where} `) ? message.slice(where.length + 1) : message;
  return {
    severity: f.severity,
    where: where === null ? null : printable(where),
    message: printable(said),
    code: f.code,
    ...(f.fix ? { fix: printable(f.fix.description) } : {}),
  };
}

export async function openInputs(files: readonly NamedBytes[]): Promise<OpenResult> {
  if (files.length === 0) return refused('No file was given.');
  const classes = files.map(classifyInput);
  const of = (kind: InputKind) => files.find((_, i) => classes[i]!.kind === kind);
  const zip = of('zip');
  if (zip) {
    if (files.length > 1) return refused('Open one zip bundle on its own.');
    const read = await readBundle(zip.bytes);
    const rebuild = `Only the site.json of ${zip.name} was read: the node files in a zip you received are not checked, so export them again from this site before writing sticks.`;
    return read.ok ? opened(read.site, [rebuild]) : refused(`${zip.name}: ${read.message}`);
  }
  const link = classes.find((c) => c.kind === 'share-link');
  if (link?.kind === 'share-link') return files.length > 1 ? refused('Open one share link on its own.') : openShareLink(link.link);
  const siteJson = of('site-json');
  if (siteJson) {
    if (files.length > 1) return refused('Open one site.json on its own, or only cloud-config files.');
    const parsed = parseSiteBytes(siteJson.bytes);
    return parsed.ok
      ? opened(parsed.site)
      : refused(`${siteJson.name} is not a site this designer can open: ${siteErrorText(parsed.errors)}`);
  }
  return openCloudConfigs(files);
}

/** Cloud-config files as text: at most LIMITS.cloudConfigFiles of them, each and all together bounded, valid UTF-8. */
export function cloudConfigTexts(files: readonly NamedBytes[]): { ok: true; texts: CloudConfigText[] } | { ok: false; message: string } {
  if (files.length > LIMITS.cloudConfigFiles)
    return {
      ok: false,
      message: `Open at most ${LIMITS.cloudConfigFiles.toLocaleString('en-US')} cloud-configs at once (one per node); ${files.length.toLocaleString('en-US')} were given.`,
    };
  const total = files.reduce((sum, file) => sum + file.bytes.length, 0);
  if (total > LIMITS.cloudConfigSetBytes)
    return {
      ok: false,
      message: `The ${files.length} cloud-configs are ${total.toLocaleString('en-US')} bytes together, more than the ${formatBytes(LIMITS.cloudConfigSetBytes)} the designer reads at once; none was opened.`,
    };
  const texts: CloudConfigText[] = [];
  for (const file of files) {
    if (file.bytes.length > LIMITS.cloudConfigBytes) {
      return {
        ok: false,
        message: `${file.name} is larger than ${formatBytes(LIMITS.cloudConfigBytes)}, more than the designer reads in one cloud-config; it was not opened.`,
      };
    }
    const text = decodeUtf8(file.bytes);
    if (!text.ok) return { ok: false, message: `${file.name} is not valid UTF-8 at byte ${text.offset}; a cloud-config is UTF-8 text.` };
    texts.push({ name: file.name, text: text.text });
  }
  return { ok: true, texts };
}

/**
 * Cloud-configs: imported into a site, with what no single file shows (the files disagree as one
 * cluster: token, control-plane host, settings servers must share) and each file's Device check as
 * written. The check and the notes come with a refusal too: they are what the user opened the
 * files for, whether or not a site can be made of them.
 */
/** The endpoint importCloudConfigs chose for the host (the one the Device check assumes), in words. */
/** `noServerThere`: the servers give their addresses and the host is none of them (lint's load-balancer-required). */
function endpointNote({ cluster: { endpoint, controlPlaneHost: host } }: Site, noServerThere: boolean): string {
  if (endpoint === 'kube-vip')
    return `The control-plane endpoint is kube-vip: the files' kube-vip manifest announces ${printable(host)} on the servers.`;
  if (noServerThere)
    return `The files' servers give their addresses, and ${printable(host)} is none of them: a load balancer or a VIP of yours must answer there. Tick the load-balancer box below for the check, and choose a load balancer in the cluster settings (the site starts with the init node, which the files alone say).`;
  return `The control-plane endpoint is the init node, as the files alone say and the Device check assumes: ${printable(host)} must be the init node's address. If a load balancer of yours answers at it, choose that in the cluster settings.`;
}

function openCloudConfigs(files: readonly NamedBytes[]): OpenResult {
  const read = cloudConfigTexts(files);
  if (!read.ok) return read;
  const tooDeep = cloudConfigsDepthRefusal(read.texts, 'opened');
  if (tooDeep) return refused(tooDeep);
  const { site, findings } = importCloudConfigs(read.texts);
  const names = new Set(read.texts.map((t) => t.name));
  const betweenFiles = lintCloudConfigSet(read.texts).map((f) => setNoteOf(f, names));
  const checked = { fileChecks: cloudConfigFileChecks(read.texts), cloudConfigs: openedCloudConfigs(read.texts), betweenFiles };
  const unsafe = findings.filter(isSecurityFinding);
  if (unsafe.length > 0) {
    const values = unsafe.length === 1 ? 'a value that could' : `${unsafe.length} values that could`;
    return {
      ok: false,
      message: `No site was made from these files: they carry ${values} add lines or run commands on a device, which the designer does not carry into a site. ${notesOf(unsafe, true).join(' ')}`,
      ...checked,
      cloudConfigs: checked.cloudConfigs.map((file) => ({ ...file, siteNode: null })),
    };
  }
  if (site.nodes.length === 0)
    return {
      ok: false,
      message: `No site was made: none of the files is a Kairos cloud-config with a cluster section. ${notesOf(findings).join(' ')}`.trim(),
      ...checked,
    };
  const noServerThere = betweenFiles.some((n) => n.code === 'load-balancer-required');
  const result = opened(site, [endpointNote(site, noServerThere), ...notesOf(findings)]);
  return result.ok ? { ...result, ...checked } : result;
}
