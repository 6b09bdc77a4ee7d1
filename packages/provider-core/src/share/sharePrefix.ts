/**
 * What starts a share link's URL fragment. A module of its own, with no imports, so the start
 * screen can recognise a share link without loading the share-link reader (zod, the site schema).
 */
export const SHARE_PREFIX = '#share=';
