/**
 * A small model of a device after booting from its own user-data, up to the moment the provider
 * starts RKE2: files with modes, users, groups, sysctls, the kernel command line, the provider's
 * config.d files and the jq-merged /etc/rancher/rke2/config.yaml, and the image archives RKE2 finds.
 *
 * It reads the node's `#cloud-config` text (not the site), so what the check judges is exactly what
 * goes on the USB stick:
 * - top-level `users:` (Kairos creates them during boot, before any `boot` stage);
 * - `install.grub_options.extra_cmdline` (kernel arguments of the installed system);
 * - `stages:` in Kairos's order (rootfs, initramfs, boot.before, …; kairos-io/kairos docs
 *   "Stages"), each step's `files`, `users`, `groups` and `sysctl` as mudler/yip
 *   applies them (pkg/plugins: files.go EnsureFiles, user.go EnsureUsers, sysctl.go Sysctl);
 * - the provider's own `boot.before` stage (the expanded node's `plan`), which writes config.d, runs
 *   the jq merge and then `systemctl restart rke2-*`: steps ordered after it do not count.
 * systemd-sysctl applies /etc/sysctl.d/*.conf early in boot, before `boot.before` (sysctl.d(5)).
 * Of step commands, only symbolic links are modelled (`ln -s[fn] TARGET LINK`, alone or as the
 * `then` branch of an `if`): the designer links image archives that way. Other shell lines are not
 * run (the model cannot know what they do).
 */
import { decodeYamlV2 } from '../yaml/yamlToJson.js';
import { GoInt, GoFloat, type GoValue, type GoObject } from '../yaml/goJson.js';
import type { JqObject } from '../jq/jqValue.js';
import type { ExpandedNode } from '../site/expandSite.js';
import { AGENT_SYSTEM_NAME, LOCAL_IMAGES_PATH, SERVER_SYSTEM_NAME } from '../provider/constants.js';

interface DeviceFile {
  content: string;
  mode: number;
}

export interface Device {
  files: Map<string, DeviceFile>;
  users: Set<string>;
  groups: Set<string>;
  sysctls: Map<string, string>;
  /** Symbolic links made by step commands: link path → target path. */
  links: Map<string, string>;
  cmdline: string[];
  /** The unit the provider starts, or null when the provider writes nothing (no cluster, panic). */
  service: typeof SERVER_SYSTEM_NAME | typeof AGENT_SYSTEM_NAME | null;
  /** /etc/rancher/rke2/config.yaml as RKE2 reads it; null when the merge failed or nothing was written. */
  config: JqObject | null;
  /** Folder the provider copies `*.tar` archives from (`local_images_path`), when image import is on. */
  importFrom: string | null;
}

/** The kernel's defaults for the sysctls RKE2 reads (Documentation/admin-guide/sysctl/{vm,kernel}.rst). */
export const KERNEL_DEFAULT_SYSCTLS: ReadonlyMap<string, string> = new Map([
  ['vm.overcommit_memory', '0'],
  ['vm.panic_on_oom', '0'],
  ['kernel.panic', '0'],
  ['kernel.panic_on_oops', '0'],
]);

/** Users and groups every Kairos image has (the `kairos` user ships in the images). */
const BASE_USERS = ['root', 'kairos'];
const BASE_GROUPS = ['root', 'admin', 'kairos'];

/** Kairos runs these stages in this order on every boot; the provider's stage is boot.before. */
const KAIROS_STAGE_ORDER = [
  'rootfs.before',
  'rootfs',
  'rootfs.after',
  'initramfs.before',
  'initramfs',
  'initramfs.after',
  'boot.before',
  'boot',
  'boot.after',
  'fs.before',
  'fs',
  'fs.after',
  'network.before',
  'network',
  'network.after',
  'reconcile',
] as const;
const PROVIDER_STAGE = 'boot.before';

function emptyDevice(): Device {
  return {
    files: new Map(),
    users: new Set(BASE_USERS),
    groups: new Set(BASE_GROUPS),
    sysctls: new Map(KERNEL_DEFAULT_SYSCTLS),
    links: new Map(),
    cmdline: [],
    service: null,
    config: null,
    importFrom: null,
  };
}

const get = (v: GoValue | undefined, key: string): GoValue | undefined => (v instanceof Map ? v.get(key) : undefined);
const asList = (v: GoValue | undefined): GoValue[] => (Array.isArray(v) ? v : []);
function scalar(v: GoValue | undefined): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof GoInt) return String(v.value);
  if (v instanceof GoFloat) return String(v.value);
  return undefined;
}

/** A yip `permissions` value: an integer (yaml `0644` is already 420), 0 meaning yip's default 0644. */
function modeOf(v: GoValue | undefined): number {
  if (v instanceof GoInt) return Number(v.value) || 0o644;
  return 0o644;
}

/** `/etc/sysctl.d/*.conf` lines `key = value` (sysctl.d(5)); `-` prefix and comments handled. */
export function readSysctlConf(text: string): [string, string][] {
  return text.split('\n').flatMap((raw) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return [];
    const eq = line.indexOf('=');
    if (eq < 0) return [];
    const key = line.slice(0, eq).trim().replace(/^-/, '').replaceAll('/', '.');
    return [[key, line.slice(eq + 1).trim()] as [string, string]];
  });
}

function addUser(device: Device, name: string, primaryGroup: string | undefined): void {
  device.users.add(name);
  device.groups.add(primaryGroup || name);
}

const LINK_COMMAND = /^(?:if .*; then )?ln -s[fn]*\s+(\S+)\s+(\S+)(?:; fi)?$/;

/** `ln -s TARGET LINK` as a step command; null for any other line. */
export function readLinkCommand(command: string): [link: string, target: string] | null {
  const m = LINK_COMMAND.exec(command.trim());
  return m ? [m[2]!, m[1]!] : null;
}

function applyStep(device: Device, step: GoValue): void {
  for (const command of asList(get(step, 'commands'))) {
    const link = typeof command === 'string' ? readLinkCommand(command) : null;
    if (link) device.links.set(link[0], link[1]);
  }
  for (const file of asList(get(step, 'files'))) {
    const path = scalar(get(file, 'path'));
    if (path) device.files.set(path, { content: scalar(get(file, 'content')) ?? '', mode: modeOf(get(file, 'permissions')) });
  }
  const users = get(step, 'users');
  if (users instanceof Map) {
    // yip's User plugin names the user after its map key and, without a primary_group, creates a
    // group of the same name (mudler/yip pkg/plugins/user.go, User and createUser).
    for (const [key, user] of users) addUser(device, key, scalar(get(user, 'primary_group')));
  }
  const groups = get(step, 'groups');
  if (groups instanceof Map) for (const [key, group] of groups) device.groups.add(scalar(get(group, 'name')) || key);
  const sysctl = get(step, 'sysctl');
  if (sysctl instanceof Map) {
    for (const [key, value] of sysctl) {
      const text = scalar(value);
      if (text !== undefined) device.sysctls.set(key, text);
    }
  }
}

function applySysctlFiles(device: Device): void {
  const confs = [...device.files.keys()].filter(
    (p) => /^\/(etc|usr\/lib|run)\/sysctl\.d\/[^/]+\.conf$/.test(p) || p === '/etc/sysctl.conf',
  );
  // sysctl.d(5): files are applied in lexical order of their names, /etc/sysctl.conf last.
  confs.sort((a, b) =>
    a === '/etc/sysctl.conf' ? 1 : b === '/etc/sysctl.conf' ? -1 : a.slice(a.lastIndexOf('/')).localeCompare(b.slice(b.lastIndexOf('/'))),
  );
  for (const path of confs) for (const [k, v] of readSysctlConf(device.files.get(path)!.content)) device.sysctls.set(k, v);
}

function applyProvider(device: Device, node: ExpandedNode): void {
  const { plan } = node;
  if (plan.kind !== 'written') return;
  for (const file of plan.files) device.files.set(file.path, { content: file.content, mode: file.permissions });
  device.config = plan.merged.ok ? plan.merged.value : null;
  device.service = node.node.role === 'worker' ? AGENT_SYSTEM_NAME : SERVER_SYSTEM_NAME;
  if (plan.cluster.import_local_images) device.importFrom = plan.cluster.local_images_path || LOCAL_IMAGES_PATH;
}

/** The device as RKE2 finds it when the provider starts it. */
export function bootDevice(node: ExpandedNode): Device {
  const device = emptyDevice();
  const decoded = decodeYamlV2(node.userData);
  const doc: GoObject = decoded.ok && decoded.value instanceof Map ? decoded.value : new Map();
  // Kairos turns the top-level `users` list into yip users (same plugin, so the same groups).
  for (const user of asList(doc.get('users'))) {
    const name = scalar(get(user, 'name'));
    if (name) addUser(device, name, scalar(get(user, 'primary_group')));
  }
  const cmdline = scalar(get(get(doc.get('install'), 'grub_options'), 'extra_cmdline'));
  if (cmdline) device.cmdline.push(...cmdline.split(/\s+/).filter(Boolean));
  const stages = doc.get('stages');
  for (const stage of KAIROS_STAGE_ORDER) {
    if (stage === PROVIDER_STAGE) {
      for (const step of asList(get(stages, stage))) applyStep(device, step);
      applySysctlFiles(device);
      applyProvider(device, node);
      break; // the provider restarts RKE2 at the end of boot.before: later stages come too late
    }
    for (const step of asList(get(stages, stage))) applyStep(device, step);
  }
  return device;
}
