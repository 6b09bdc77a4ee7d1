/** `rke2-edge new TEMPLATE -o site.json`: a new site from one of the start screen's templates. */
import { SITE_TEMPLATES, siteTemplate } from '../designer/siteTemplates.js';
import { printable } from '../lint/unsafeText.js';
import { EXIT, type CliIo } from './cliIo.js';
import { startCommand } from './startCommand.js';

const templateList = () => SITE_TEMPLATES.map((t) => `${t.id}\n`).join('');

const NEW_HELP = `Usage: rke2-edge new TEMPLATE [-o site.json]
       rke2-edge new --list

Writes a new site.json from one of the designer's start-screen templates, with a freshly
generated token (to stdout, or to -o). "--list" prints the template ids, one a line.

Options:
  -o, --output FILE   write the site to FILE instead of stdout
      --list          print the template ids
  -h, --help          show this help

Exit codes: 0 written; 2 unknown template or bad usage (the template ids on stderr).
`;

export async function newCommand(argv: string[], io: CliIo): Promise<number> {
  const args = startCommand(argv, io, NEW_HELP, { values: { output: 'FILE' }, flags: ['list'] });
  if (typeof args === 'number') return args;
  if (args.flags.has('list')) {
    io.stdout(templateList());
    return EXIT.ok;
  }
  const [id, ...extra] = args.positionals;
  const template = id === undefined ? undefined : siteTemplate(id);
  if (!template || extra.length > 0) {
    const what =
      id === undefined ? 'expected a TEMPLATE' : extra.length > 0 ? 'expected one TEMPLATE' : `unknown template "${printable(id)}"`;
    io.stderr(`rke2-edge: ${what}; the templates are:\n${templateList()}`);
    return EXIT.unreadable;
  }
  const json = `${JSON.stringify(template.build(), null, 2)}\n`;
  const output = args.values.output;
  if (output) await io.writeFile(output, json);
  else io.stdout(json);
  return EXIT.ok;
}
