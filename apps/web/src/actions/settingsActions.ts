/** The settings form's edit: every site setting but the node list, as the form validated them. */
import type { Site } from '@rke2-edge/provider-core';
import { defineSiteAction } from './action.js';

export type SiteSettings = Omit<Site, 'nodes'>;

/** Another site in place of this one (a file, a template, a share link, another tab's version): undoable like any edit. */
export const replaceSite = defineSiteAction<{ site: Site; label: string }>({
  id: 'site.replace',
  label: ({ label }) => label,
  perform: (_, { site }) => site,
});

export const editSettings = defineSiteAction<{ value: SiteSettings; field: string }>({
  id: 'site.editSettings',
  label: ({ field }) => `Edit ${field}`,
  perform: (site, { value }) => ({ ...site, ...value, nodes: site.nodes }),
});

/**
 * The site's RKE2 minor, and nothing else: the Upgrade view applies a version from a site that may be
 * the masked one of presentation mode, so it must not write its other settings back.
 */
export const setRke2Version = defineSiteAction<{ version: Site['rke2Version'] }>({
  id: 'site.setRke2Version',
  label: ({ version }) => `Set RKE2 version to ${version}`,
  perform: (site, { version }) => ({ ...site, rke2Version: version }),
});
