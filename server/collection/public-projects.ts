// Which project stages the public may see (API.md: public once its year's candidate list is approved).
export const publicProjectStatuses = ['candidate', 'selected', 'not_selected'] as const;

export function isPublicProjectStatus(status: string): boolean {
  return (publicProjectStatuses as readonly string[]).includes(status);
}
