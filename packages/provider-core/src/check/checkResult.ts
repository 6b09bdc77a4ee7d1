/**
 * What the boot check says about each node (`rke2-edge check --json` prints exactly this): does it
 * come up and join, and if not, RKE2's own message with the source it comes from; what the device
 * must bring.
 */
import { z } from 'zod';

export const CheckFailureSchema = z.object({
  /** The rule that failed, e.g. "profile-sysctls"; stable, for tests and links. */
  rule: z.string(),
  /** What RKE2 (or kubelet, or the provider) says, word for word where it says something. */
  message: z.string(),
  /** Where the rule is ported from: a file and function in rancher/rke2 or kubernetes/kubernetes. */
  source: z.string(),
});

export const NodeCheckSchema = z.object({
  node: z.string(),
  /** Cloud-config checks only: the file the node's entry is for (two files may name one node). */
  file: z.string().optional(),
  /**
   * The systemd unit the provider starts: rke2-server or rke2-agent; `none` for a cloud-config the
   * provider starts nothing for (not YAML the Kairos SDK reads, or no cluster: section).
   */
  service: z.enum(['rke2-server', 'rke2-agent', 'none']),
  /** True when the node comes up and joins. */
  ok: z.boolean(),
  failures: z.array(CheckFailureSchema),
  /** What the device must bring (image, FIPS, SELinux policy, disk, memory, archives…), in plain words. */
  needs: z.array(z.string()),
});

export const SiteCheckSchema = z.object({ nodes: z.array(NodeCheckSchema) });

export type CheckFailure = z.infer<typeof CheckFailureSchema>;
export type NodeCheck = z.infer<typeof NodeCheckSchema>;
export type SiteCheck = z.infer<typeof SiteCheckSchema>;
