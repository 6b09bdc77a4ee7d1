/**
 * The fields of a finding other than its code. The code's enum is derived from the rule registry
 * (finding.ts), whose checks return findings: they are typed with these fields and any code, so
 * the registry's type does not depend on itself.
 */
import { z } from 'zod';
import { FindingPathSchema } from '../finding/findingPath.js';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_FIELDS = {
  message: z.string(),
  path: FindingPathSchema,
  /** 1-based line and column inside the YAML text the path points at (a whole file for cloud-configs). */
  line: z.number().optional(),
  column: z.number().optional(),
  fix: z
    .object({
      description: z.string(),
      /** The value that replaces the one at `path` (for unknown-key: the key's new name). */
      value: z.string().optional(),
    })
    .optional(),
};

/** A finding as a rule's check returns it; the linters keep those of the rule's own (registered) code. */
export type RuleFinding = { severity: Severity; code: string } & z.infer<z.ZodObject<typeof FINDING_FIELDS>>;
