/**
 * Issue 14's failure view in Chromium, by keyboard only: on the HA template (three servers with
 * kube-vip, two workers) losing one server keeps etcd quorum, losing two loses it, and the verdict,
 * the picture's text alternative and the recovery steps say so.
 */
import { expect, test } from './fixtures.js';
import { shot } from './screenshots.js';

test('an architect fails one, then two servers of the HA site and sees etcd quorum hold, then break', async ({
  designer,
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const verdict = page.getByRole('region', { name: /^(Verdict|Nothing marked)/ });
  const picture = page.getByRole('img', { name: /^Cluster picture:/ });

  await test.step('open the HA template and reach the Failure view with the keyboard', async () => {
    await designer.openFromTemplate(/HA: 3 control planes/);
    await page.getByRole('tab', { name: 'Cluster', exact: true }).focus();
    await page.keyboard.press('End'); // the last page: Upgrade view
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(page.getByRole('tab', { name: 'Failure view' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('heading', { name: 'Failure view', level: 2 })).toBeVisible();
  });

  await test.step('with nothing marked, the worst single failure is shown', async () => {
    await expect(page.getByRole('heading', { name: 'Worst single failure: cp-1' })).toBeVisible();
    await expect(page.getByText("No single node's loss stops the cluster. The worst is losing cp-1.")).toBeVisible();
    await expect(verdict.getByRole('status')).toHaveText('Nothing has failed: mark a node as failed to see what its loss does.');
    await expect(picture).toHaveAttribute('aria-label', /3 of 3 etcd members up \(quorum 2, holds\).*no node failed/);
  });

  await test.step('fail cp-2 (Tab to its checkbox, Space): quorum holds, the cluster is degraded', async () => {
    const cp2 = page.getByRole('checkbox', { name: /^cp-2/ });
    // From the "Show losing cp-1" button, Tab reaches the list: cp-1 first, then cp-2.
    await page.getByRole('button', { name: 'Show losing cp-1' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(cp2).toBeFocused();
    await page.keyboard.press('Space');
    await expect(cp2).toBeChecked();
    await expect(verdict.getByRole('heading')).toHaveText('Verdict: Degraded');
    await expect(verdict.getByRole('status')).toHaveText('Degraded: the cluster keeps working, but one more server failure would stop it.');
    await expect(page.getByText('etcd keeps quorum: 2 of 3 members are up and 2 are needed (cp-2 is down).')).toBeVisible();
    await expect(page.getByText(/kube-vip moves the VIP 192\.168\.10\.5 to a surviving server \(cp-1 or cp-3\)/)).toBeVisible();
    await expect(picture).toHaveAttribute(
      'aria-label',
      /2 of 3 etcd members up \(quorum 2, holds\).*192\.168\.10\.5 answers.*2 of 2 workers reach the API.*failed: cp-2/,
    );
  });

  await test.step('fail cp-3 too: quorum is lost, the cluster is down, and the words and picture say so', async () => {
    await page.keyboard.press('Tab');
    await expect(page.getByRole('checkbox', { name: /^cp-3/ })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(verdict.getByRole('heading')).toHaveText('Verdict: Down');
    await expect(verdict.getByRole('status')).toContainText(
      'Down: etcd has 1 of 3 members up and needs 2, so the Kubernetes API stops working.',
    );
    await expect(page.getByText(/^etcd loses quorum: 1 of 3 members are up and 2 are needed \(cp-2 and cp-3 are down\)/)).toBeVisible();
    await expect(picture).toHaveAttribute(
      'aria-label',
      'Cluster picture: 3 servers, 1 of 3 etcd members up (quorum 2, lost); control-plane host 192.168.10.5 does not answer; 0 of 2 workers reach the API; failed: cp-2 and cp-3.',
    );
    await expect(picture.locator('.failure-cross')).toHaveCount(2);
    await expect(picture.locator('.failure-link-lost').first()).toBeVisible();
    const nodes = page.getByRole('region', { name: 'What happens on each node' });
    await expect(nodes.getByRole('row', { name: /^worker-1/ })).toContainText('Up, but without a control plane');
    await expect(page.getByRole('list').filter({ hasText: 'rke2 server --cluster-reset' })).toBeVisible();
  });

  await test.step('look at it at 1,280, 800, 1,440 and 1,920 px', async () => {
    await page.getByRole('group', { name: 'Nodes that fail' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(page, testInfo, 'failure-1280');
    for (const width of [800, 1440, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await expect(picture).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `the page scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
      await shot(page, testInfo, `failure-${width}`, true);
    }
    await page.getByRole('heading', { name: 'What happens on each node' }).scrollIntoViewIfNeeded();
    await shot(page, testInfo, 'failure-1920-details');
  });

  await test.step('Clear (keyboard) brings back the worst single failure as the only guide', async () => {
    const clear = page.getByRole('button', { name: /^Clear/ });
    await clear.focus();
    await page.keyboard.press('Enter');
    await expect(verdict.getByRole('heading')).toHaveText('Nothing marked as failed');
    await page.getByRole('button', { name: 'Show losing cp-1' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('checkbox', { name: /^cp-1/ })).toBeChecked();
    await expect(verdict.getByRole('heading')).toHaveText('Verdict: Degraded');
  });
});
