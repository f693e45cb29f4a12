// Project stages the public always sees (API.md: public once its year's candidate list is approved); an
// infeasible one is public too once its assessment is published (screening/public.ts isProjectPublic).
export const publicProjectStatuses = ['candidate', 'selected', 'not_selected'] as const;
