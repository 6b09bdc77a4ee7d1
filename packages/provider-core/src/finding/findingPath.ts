/**
 * Where a finding or a boot-check failure points: field names and list indexes into the site
 * (`['nodes', 2, 'labels', 0]`) or into a cloud-config. Kept below lint/ and check/ so that both can
 * name a place without importing each other.
 */
import { z } from 'zod';

export const FindingPathSchema = z.array(z.union([z.string(), z.number()]));

export type FindingPath = z.infer<typeof FindingPathSchema>;
