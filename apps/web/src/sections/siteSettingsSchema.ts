/** The site form: every setting except the node list, which the nodes table edits. */
import { SiteSchema } from '@rke2-edge/provider-core';
import type { SiteSettings } from '../actions/settingsActions.js';
import { binder } from '../form/siteForm.js';

export const SiteSettingsSchema = SiteSchema.omit({ nodes: true });

/** A settings field by its path, checked by the compiler: `bindSetting('cluster.controlPlaneHost')`. */
export const bindSetting = binder<SiteSettings>();
