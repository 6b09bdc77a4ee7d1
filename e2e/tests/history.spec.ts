/**
 * History, both kinds: the browser's Back and Forward move between the designer's sections and
 * views (shell/useSectionHistory.ts) and leave the app only when nothing would be lost, or after
 * asking; Ctrl+Z outside a text field is the site's Undo, one step at a time (shell/useShortcuts.ts).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

const sectionTab = (page: Page, name: string) =>
  page.getByRole('tablist', { name: 'Site sections' }).getByRole('tab', { name, exact: true });
const shows = async (page: Page, name: string) => {
  await expect(sectionTab(page, name)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
};

test('the print pages have their own entries: Back returns to the page they were opened from, Forward opens them again', async ({
  page,
  designer,
}) => {
  await designer.openFromTemplate(/HA: 3 control planes/);
  const sheet = page.getByRole('heading', { level: 1, name: /^Site sheet: / });
  const evidence = page.getByRole('heading', { level: 1, name: /^Security evidence: / });

  await test.step('the site sheet from the Security section: Back returns there, Forward opens the sheet again', async () => {
    await designer.goToSection('Security');
    await designer.openExport();
    await page.getByRole('button', { name: 'Open the site sheet for printing' }).click();
    await expect(sheet).toBeVisible();
    await expect(page).toHaveURL(/#\/print$/);
    await page.goBack();
    await shows(page, 'Security');
    await page.goForward();
    await expect(sheet).toBeVisible();
    await page.getByRole('button', { name: 'Back to the designer' }).click();
    await shows(page, 'Security');
    await expect(page).toHaveURL(/#\/security$/);
  });

  await test.step('the evidence page from the Compliance view: Back returns to the view', async () => {
    await designer.goToSection('Compliance view');
    await page.getByRole('button', { name: 'Print evidence page…' }).click();
    await expect(evidence).toBeVisible();
    await page.goBack();
    await shows(page, 'Compliance view');
  });
});

test('Back and Forward move between sections and views, a reload keeps the page, leaving a saved site asks nothing', async ({
  page,
  designer,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.type());
    void d.accept();
  });
  await designer.openFromTemplate(/HA: 3 control planes/);
  await expect(page).toHaveURL(/#\/cluster$/);

  await test.step('choosing sections and a view adds entries', async () => {
    await designer.goToSection('Nodes');
    await expect(page).toHaveURL(/#\/nodes$/);
    await designer.goToSection('Failure view');
    await expect(page).toHaveURL(/#\/failure$/);
  });

  await test.step('Back, Back, Forward', async () => {
    await page.goBack();
    await shows(page, 'Nodes');
    await page.goBack();
    await shows(page, 'Cluster');
    await page.goForward();
    await shows(page, 'Nodes');
  });

  await test.step('a reload reopens the saved site on the same page', async () => {
    await expect(designer.saveState()).toHaveText(/Saved in this browser/);
    await page.reload();
    await shows(page, 'Nodes');
    await expect(designer.heading('ha-site')).toBeVisible();
  });

  await test.step('Back past the first page leaves without asking (the site is saved here) and Forward comes back', async () => {
    await page.goBack();
    await shows(page, 'Cluster');
    await page.goBack();
    await expect(page).not.toHaveURL(/#\/cluster/);
    expect(dialogs).toEqual([]);
    await page.goForward();
    await shows(page, 'Cluster');
    await expect(designer.heading('ha-site')).toBeVisible();
  });
});

test('with edits this browser cannot save, leaving the app asks first', async ({ page, designer }) => {
  await designer.openFromTemplate(/HA: 3 control planes/);
  await expect(designer.saveState()).toHaveText(/Saved in this browser/);
  // The header says "Saved" from the start; the other tab reopens the site only once autosave has written it (300 ms after the edit).
  await page.waitForFunction(() => localStorage.getItem('rke2-edge-designer:site') !== null);

  await test.step('another tab saves a newer version: this tab holds its edits back', async () => {
    const other = await page.context().newPage();
    await other.goto('/');
    await other.getByRole('textbox', { name: 'Site name' }).fill('from-the-other-tab');
    await page.bringToFront();
    await page.getByRole('textbox', { name: 'Site name' }).fill('held-back');
    await expect(designer.saveState()).toHaveText(/Not saved: this site was changed in another tab/);
    await other.close();
  });

  await test.step('Back from the first page asks; staying keeps the designer', async () => {
    const asked = page.waitForEvent('dialog');
    const back = page.goBack({ timeout: 5_000 }).catch(() => null);
    const dialog = await asked;
    expect(dialog.type()).toBe('beforeunload');
    await dialog.dismiss();
    await back;
    await expect(designer.heading('held-back')).toBeVisible();
    await expect(page).toHaveURL(/#\/cluster$/);
  });
});

test('Ctrl+Z on a checkbox undoes the tick, then the whole word typed before it', async ({ page, designer }) => {
  await designer.openFromTemplate(/HA: 3 control planes/);
  await designer.goToSection('Nodes');
  const hostName = page.getByRole('textbox', { name: 'Host name' });
  const nodeIp = page.getByRole('checkbox', { name: 'Use this address as the node IP' });

  await test.step('type a word, tick a checkbox', async () => {
    await hostName.click();
    await page.keyboard.type('edge', { delay: 120 });
    await nodeIp.check();
    await expect(nodeIp).toBeFocused();
  });

  await test.step('Ctrl+Z: the tick is undone, the word stays whole', async () => {
    await page.keyboard.press('Control+z');
    await expect(nodeIp).not.toBeChecked();
    await expect(hostName).toHaveValue('edge');
  });

  await test.step('Ctrl+Z again: the word is undone whole', async () => {
    await page.keyboard.press('Control+z');
    await expect(hostName).toHaveValue('');
    await expect(nodeIp).not.toBeChecked();
  });
});
