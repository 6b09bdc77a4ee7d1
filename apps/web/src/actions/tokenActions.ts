/** The cluster token's Regenerate: one undoable edit carrying the new token (so Redo gives the same one back). */
import { defineSiteAction } from './action.js';

export const regenerateToken = defineSiteAction<{ token: string }>({
  id: 'cluster.regenerateToken',
  label: () => 'Regenerate cluster token',
  perform: (site, { token }) => ({ ...site, cluster: { ...site.cluster, token } }),
});
