/** Opening a share link: a whole URL (`https://host/path#share=…`) or only its fragment. */
import { decodeShareFragment } from '../share/shareLink.js';
import { opened, refused, type OpenResult } from './openResult.js';

/** True when the text is meant as a share link (a URL, or a fragment starting with #share=). */
export const isShareLink = (text: string) => /^\s*(https?:\/\/|#share=)/i.test(text);

export async function openShareLink(urlOrFragment: string): Promise<OpenResult> {
  const text = urlOrFragment.trim();
  let fragment: string;
  if (text.startsWith('#')) fragment = text;
  else if (/^https?:\/\//i.test(text)) fragment = text.includes('#') ? text.slice(text.indexOf('#')) : '';
  else return refused('this is not a share link: it starts neither with https:// nor with #share=');
  const shared = await decodeShareFragment(fragment);
  if (!shared.ok) return shared;
  return opened(
    shared.site,
    shared.omitted.map((o) => `Left out of the link, fill it in: ${o.label}.`),
    shared.omitted,
  );
}
