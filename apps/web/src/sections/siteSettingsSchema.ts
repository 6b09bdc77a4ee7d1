/** The site form: every setting except the node list, which the nodes table edits. */
import { SiteSchema } from '@rke2-edge/provider-core';
import { describedAt } from '../form/useSyncedForm.js';

export const SiteSettingsSchema = SiteSchema.omit({ nodes: true });

/** The schema's own description of a site setting, used as the field's hint. */
export const siteHint = (path: string) => describedAt(SiteSchema, path);
