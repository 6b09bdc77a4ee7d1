/**
 * The `test` every spec uses: Playwright's, extended with
 * - `designer`, a page object for the designer (open a template, go to a section, select a node,
 *   read the save state and the error count, open the export dialog);
 * - checks at teardown, so no test can forget them: the test fails if any page of its browser
 *   context logged a console error or threw an uncaught error (`allowedConsoleErrors` lists the
 *   ones a test expects), and if axe finds a serious or critical violation on the page's final
 *   state (`allowedAxeRules` names rules a test knowingly tolerates, each with a reason).
 * Pages opened outside the test's context (a second `browser.newContext()`) are watched with
 * `consoleErrors.watch(page)`.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export { expect };

/** The axe violations of serious or critical impact on the page now, as `rule: targets` lines. */
export async function seriousAxeViolations(page: Page, allowedRules: readonly string[] = []): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => (v.impact === 'serious' || v.impact === 'critical') && !allowedRules.includes(v.id))
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** What the pages of a test logged as errors, and the means to watch one more page. */
export interface ConsoleErrors {
  readonly messages: string[];
  watch(page: Page): void;
}

function consoleErrorCollector(): ConsoleErrors {
  const messages: string[] = [];
  const watched = new WeakSet<Page>();
  return {
    messages,
    watch(page) {
      if (watched.has(page)) return;
      watched.add(page);
      page.on('console', (m) => {
        if (m.type() === 'error') messages.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => messages.push(`uncaught: ${e.message}`));
    },
  };
}

/** The designer as a user sees it, with the steps tests repeat. */
export class Designer {
  constructor(readonly page: Page) {}

  /** Opens the start page and starts a site from the template whose button matches `template`. */
  async openFromTemplate(template: RegExp): Promise<void> {
    await this.page.goto('/');
    await this.page.getByRole('button', { name: template }).click();
    await expect(this.heading()).toBeVisible();
  }

  /** The designer's title, `RKE2 Edge Designer — SITE`. */
  heading(site?: string): Locator {
    return this.page.getByRole('heading', { name: new RegExp(`RKE2 Edge Designer — ${site ?? ''}`) });
  }

  /** Shows one of the site's sections (`Nodes`, `Network & proxy`, `Advanced`…). */
  async goToSection(name: string): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
  }

  /** The Nodes table. */
  nodesTable(): Locator {
    return this.page.getByRole('table', { name: 'Nodes' });
  }

  /** Selects a node by its name in the Nodes table (shows it in the node form and the preview). */
  async selectNode(name: string): Promise<void> {
    await this.goToSection('Nodes');
    await this.nodesTable().getByRole('button', { name, exact: true }).click();
  }

  /** The save state line in the header: `Saved in this browser`, or why not, and the error count. */
  saveState(): Locator {
    return this.page.locator('header').getByRole('status');
  }

  /** The Findings tab, whose name counts the errors and warnings. */
  findingsTab(): Locator {
    return this.page.getByRole('tab', { name: /^Findings \(/ });
  }

  /** The number of errors the Findings tab counts now. */
  async errorCount(): Promise<number> {
    const name = (await this.findingsTab().textContent()) ?? '';
    const match = /\((\d+) errors?/.exec(name);
    if (!match) throw new Error(`The Findings tab does not count errors: "${name}"`);
    return Number(match[1]);
  }

  /** The file shown in the preview (its text is in `data-text`). */
  shownFile(): Locator {
    return this.page.getByTestId('file-text');
  }

  /** Shows one of the node's files in the preview, by its device path. */
  async openFile(path: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Files' }).getByRole('button', { name: path, exact: true }).click();
  }

  /** Opens the export dialog and returns it. */
  async openExport(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Export…' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Export/ });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}

interface Fixtures {
  designer: Designer;
  consoleErrors: ConsoleErrors;
  /**
   * Console or page errors a test expects, as one pattern (each alternative explained where it is
   * set). One RegExp, not a list: `test.use` would read a list of two objects as a fixture tuple.
   */
  allowedConsoleErrors: RegExp | null;
  /** axe rule ids a test tolerates at teardown (each must be explained where it is set). */
  allowedAxeRules: string[];
  /** Internal: runs axe on the final page at teardown. */
  axeAtTeardown: void;
}

export const test = base.extend<Fixtures>({
  allowedConsoleErrors: [null, { option: true }],
  allowedAxeRules: [[], { option: true }],
  consoleErrors: [
    async ({ context, allowedConsoleErrors }, use) => {
      const errors = consoleErrorCollector();
      for (const page of context.pages()) errors.watch(page);
      context.on('page', (page) => errors.watch(page));
      await use(errors);
      const unexpected = errors.messages.filter((m) => !allowedConsoleErrors?.test(m));
      expect(unexpected, 'console errors and uncaught page errors').toEqual([]);
    },
    { auto: true },
  ],
  axeAtTeardown: [
    async ({ page, allowedAxeRules }, use, testInfo) => {
      await use();
      // A failed or skipped test already says what is wrong; a closed page has no final state.
      if (testInfo.status !== testInfo.expectedStatus || testInfo.status === 'skipped' || page.isClosed()) return;
      expect(await seriousAxeViolations(page, allowedAxeRules), 'serious or critical axe violations at the end').toEqual([]);
    },
    { auto: true },
  ],
  designer: async ({ page }, use) => {
    await use(new Designer(page));
  },
});
