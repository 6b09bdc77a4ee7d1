/**
 * The join token. The provider writes `token` from `cluster_token` (provider-rke2 provider.go); an
 * agent without one stops before doing anything: k3s-io/k3s pkg/cli/agent/agent.go, Run
 * (`errors.New("--token is required")`, when no kubelet client certificate exists yet, i.e. on
 * first boot). A server without a token generates one, so only agents are checked.
 */
import { configText, type StartFailure, type StartInput } from '../startRule.js';

const TOKEN_SOURCE = 'k3s-io/k3s pkg/cli/agent/agent.go, Run';

export function tokenRule(input: StartInput): StartFailure[] {
  if (input.device.service !== 'rke2-agent') return [];
  const token = configText(input.device.config?.get('token')) ?? '';
  return token === '' ? [{ rule: 'token', message: '--token is required', source: TOKEN_SOURCE, path: ['cluster', 'token'] }] : [];
}
