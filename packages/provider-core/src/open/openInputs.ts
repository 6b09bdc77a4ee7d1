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
import { formatFinding, isSecurityFinding, type Finding } from '../lint/finding.js';
import { lintCloudConfigSet } from '../lint/lintCloudConfig.js';
import { parseSiteBytes, siteErrorText } from '../site/createSite.js';
import { importCloudConfigs, type CloudConfigText } from '../import/importCloudConfigs.js';
import { classifyInput, type InputKind } from './classifyInput.js';
import { opened, refused, type NamedBytes, type OpenResult } from './openResult.js';
import { openShareLink } from './openShareLink.js';
import { openedCloudConfigs } from './recheckCloudConfigs.js';
import { cloudConfigsDepthRefusal } from '../yaml/yamlDepthLimit.js';

const notesOf = (findings: Finding[]) => findings.map((f) => formatFinding(f).replace(/\s+/g, ' ').trim());

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

function openCloudConfigs(files: readonly NamedBytes[]): OpenResult {
  const read = cloudConfigTexts(files);
  if (!read.ok) return read;
  const tooDeep = cloudConfigsDepthRefusal(read.texts, 'opened');
  if (tooDeep) return refused(tooDeep);
  const { site, findings } = importCloudConfigs(read.texts);
  const unsafe = findings.filter(isSecurityFinding);
  if (unsafe.length > 0)
    return refused(
      `Nothing was imported: the files carry values that could run commands or add lines on a device. ${notesOf(unsafe).join(' ')}`,
    );
  if (site.nodes.length === 0)
    return refused(`None of the files is a Kairos cloud-config with a cluster section. ${notesOf(findings).join(' ')}`.trim());
  // What no single file shows: the files disagree as one cluster (token, control-plane host, settings servers must share).
  const result = opened(site, [
    ...notesOf(findings),
    ...notesOf(lintCloudConfigSet(read.texts)).map((note) => `Between the files: ${note}`),
  ]);
  return result.ok ? { ...result, fileChecks: cloudConfigFileChecks(read.texts), cloudConfigs: openedCloudConfigs(read.texts) } : result;
}
