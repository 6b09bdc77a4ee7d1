/**
 * Paths and file names that are safe to paste unquoted into a shell line run as root on the
 * device (the provider's import line, the designer's own steps). The site's generators use these
 * to decide what they write; the lint rules use them to say why a value is refused.
 */
/** Absolute, and only characters that mean nothing to a shell (`:` for by-path device names, `host:port` folders). */
const SAFE_PATH = /^\/[A-Za-z0-9._/:+@,=-]*$/;
export const SAFE_PATH_CHARACTER = /[A-Za-z0-9._/:+@,=-]/;
export const SAFE_PATH_WORDS = 'letters, digits and . _ - / : + @ , =';
/** An absolute path made only of characters that mean nothing to a shell: safe to paste into a command line. */
export const isShellSafePath = (path: string): boolean => SAFE_PATH.test(path);
/** A file name (no folder) made only of such characters, and neither "." nor "..". */
export const isShellSafeFileName = (name: string): boolean => /^[A-Za-z0-9._+@,=-]+$/.test(name) && name !== '.' && name !== '..';
