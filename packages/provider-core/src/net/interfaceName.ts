/**
 * Linux network interface names. The kernel accepts a name of 1 to 15 bytes (IFNAMSIZ is 16 with
 * the NUL) other than "." and "..", without "/", ":" or white space (linux `net/core/dev.c`,
 * `dev_valid_name`). The designer writes the name into files on the device, so it accepts only
 * the characters real names use: letters, digits, ".", "_" and "-".
 */
const INTERFACE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,14}$/;

/** Why `name` cannot be a Linux interface name the designer writes, or null when it can. */
export function interfaceNameProblem(name: string): string | null {
  if (name === '') return 'it is empty';
  if (name.length > 15) return `it has ${name.length} characters; Linux allows at most 15`;
  if (!INTERFACE_NAME.test(name)) return 'it must be letters, digits, ".", "_" and "-", starting with a letter or digit';
  return null;
}
