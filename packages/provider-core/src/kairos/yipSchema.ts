/**
 * The subset of mudler/yip's schema (v1.16.2) that provider-rke2 fills in. Field order is the Go
 * struct order, which is also the order yaml.v3 writes them in.
 */
import { z } from 'zod';

export const YipFileSchema = z.object({
  path: z.string(),
  permissions: z.number().int(),
  owner: z.number().int(),
  group: z.number().int(),
  content: z.string(),
  encoding: z.string(),
  ownerstring: z.string(),
});

export const YipStageSchema = z.object({
  commands: z.array(z.string()).optional(),
  files: z.array(YipFileSchema).optional(),
  if: z.string().optional(),
  name: z.string().optional(),
});

export const YipConfigSchema = z.object({
  name: z.string(),
  stages: z.record(z.string(), z.array(YipStageSchema)),
});

export type YipFile = z.infer<typeof YipFileSchema>;
export type YipStage = z.infer<typeof YipStageSchema>;
export type YipConfig = z.infer<typeof YipConfigSchema>;
