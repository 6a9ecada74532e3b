/** How an endpoint stands, in words: paused by an admin, disabled by Cashdesk, failing, or fine. */
export function endpointState(endpoint: { active: boolean; disabledAt: Date | null; failingSince: Date | null }): { tone: string; label: string } {
  if (!endpoint.active) return endpoint.disabledAt ? { tone: 'failed', label: 'Disabled after failures' } : { tone: 'paused', label: 'Paused' };
  if (endpoint.failingSince) return { tone: 'overdue', label: 'Failing' };
  return { tone: 'active', label: 'Active' };
}
