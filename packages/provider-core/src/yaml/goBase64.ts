/**
 * Go's `string(base64.StdEncoding.DecodeString(s))`, as yaml.v2 applies it to a `!!binary`
 * scalar (decode.go `d.scalar`): standard alphabet, padding required, CR and LF ignored.
 * Returns undefined where Go returns an error. Bytes that are not UTF-8 become U+FFFD, as
 * json.Marshal later makes them (TextDecoder may merge a truncated sequence into one U+FFFD
 * where Go writes one per byte).
 */
const STD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function decodeGoBase64(text: string): string | undefined {
  const data = text.replace(/[\r\n]/g, '');
  if (!STD_BASE64.test(data)) return undefined;
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}
