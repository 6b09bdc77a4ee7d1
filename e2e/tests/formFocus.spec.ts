import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

/** Marks the element with a JS property: a remounted field is a new element without it. */
const mark = (field: Locator) => field.evaluate((el) => Object.assign(el, { formFocusMark: 'kept' }));
const isSameElement = (field: Locator) => field.evaluate((el) => (el as HTMLElement & { formFocusMark?: string }).formFocusMark === 'kept');
/** Clicks a button without moving focus to it (as a menu or a script would run the action). */
const pressWithoutFocus = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).dispatchEvent('click');

test('architect types a site name, undoes and redoes it, and edits nodes, while the field stays the same and keeps focus', async ({
  page,
  designer,
}) => {
  await designer.openFromTemplate(/HA: 3 control planes/);
  const name = page.getByRole('textbox', { name: 'Site name' });

  await test.step('type in a text field', async () => {
    await mark(name);
    await name.click();
    await page.keyboard.press('End');
    await page.keyboard.type('-east');
    await expect(name).toHaveValue('ha-site-east');
    await expect(page.getByRole('heading', { name: /ha-site-east/ })).toBeVisible();
  });

  await test.step('Undo and Redo buttons change the value in the same, still focused field', async () => {
    await pressWithoutFocus(page, 'Undo');
    await expect(name).toHaveValue('ha-site');
    await expect(name).toBeFocused();
    await pressWithoutFocus(page, 'Redo');
    await expect(name).toHaveValue('ha-site-east');
    await expect(name).toBeFocused();
    expect(await isSameElement(name)).toBe(true);
  });

  await test.step('Undo and Redo buttons clicked with the mouse', async () => {
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(name).toHaveValue('ha-site');
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await expect(name).toHaveValue('ha-site-east');
    expect(await isSameElement(name)).toBe(true);
  });

  await test.step('Ctrl+Z and Ctrl+Shift+Z outside text fields', async () => {
    await page.getByRole('button', { name: 'Redo', exact: true }).focus();
    await page.keyboard.press('Control+z');
    await expect(name).toHaveValue('ha-site');
    await page.keyboard.press('Control+Shift+z');
    await expect(name).toHaveValue('ha-site-east');
    expect(await isSameElement(name)).toBe(true);
  });

  await test.step('Ctrl+Z on a checkbox undoes the checkbox, not typing in another field', async () => {
    await page.getByRole('tab', { name: 'Kairos OS' }).click();
    const user = page.getByRole('textbox', { name: 'User name' });
    await user.fill('tech');
    const noLogin = page.getByRole('checkbox', { name: 'No login (nobody can log in)' });
    const wasChecked = await noLogin.isChecked();
    await noLogin.click();
    await expect(noLogin).toBeChecked({ checked: !wasChecked });
    await noLogin.press('Control+z');
    await expect(noLogin).toBeChecked({ checked: wasChecked });
    await expect(user).toHaveValue('tech');
  });

  await test.step('the extra-config YAML editor follows undo and redo, and typing in it keeps its cursor', async () => {
    await page.getByRole('tab', { name: 'Advanced' }).click();
    const editor = page.locator('#field-extraConfig .monaco-editor');
    const lines = editor.locator('.view-lines');
    await expect(editor).toBeVisible();
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('selinux: true');
    await expect(lines).toContainText('selinux: true');
    await pressWithoutFocus(page, 'Undo');
    await expect(lines).not.toContainText('selinux');
    await pressWithoutFocus(page, 'Redo');
    await expect(lines).toContainText('selinux: true');
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' # kept');
    await expect(lines).toContainText('selinux: true # kept');
  });

  const nodeName = page.getByRole('textbox', { name: 'Node name' });
  await test.step('select a node and type in its form', async () => {
    await page.getByRole('tab', { name: 'Nodes' }).click();
    const nodes = page.getByRole('table', { name: 'Nodes' });
    await nodes.getByRole('button', { name: 'worker-2', exact: true }).click();
    await expect(nodeName).toHaveValue('worker-2');
    await mark(nodeName);
    await nodeName.click();
    await page.keyboard.press('End');
    await page.keyboard.type('b');
    await expect(nodeName).toHaveValue('worker-2b');
  });

  await test.step('an edit in the nodes table keeps the node form as it is', async () => {
    await page.getByRole('combobox', { name: 'Role of cp-3' }).selectOption('worker');
    await expect(page.getByRole('combobox', { name: 'Role of cp-3' })).toHaveValue('worker');
    await nodeName.focus();
    await pressWithoutFocus(page, 'Undo');
    await expect(page.getByRole('combobox', { name: 'Role of cp-3' })).toHaveValue('controlplane');
    await expect(nodeName).toHaveValue('worker-2b');
    await expect(nodeName).toBeFocused();
    expect(await isSameElement(nodeName)).toBe(true);
  });

  await test.step('removing a node above the selected one: the selection and its form follow the node', async () => {
    await page.getByRole('button', { name: 'Remove worker-1' }).click();
    await expect(page.getByRole('button', { name: 'Remove worker-1' })).toHaveCount(0);
    await expect(nodeName).toHaveValue('worker-2b');
    expect(await isSameElement(nodeName)).toBe(true);
    await pressWithoutFocus(page, 'Undo');
    await expect(page.getByRole('button', { name: 'Remove worker-1' })).toBeVisible();
    await expect(nodeName).toHaveValue('worker-2b');
    expect(await isSameElement(nodeName)).toBe(true);
  });

  // Console errors and axe violations are checked at teardown (fixtures.ts).
});
