// The collection stage's API for the public and member screens (API.md "Collection and screening").
import { useQuery } from '@tanstack/react-query';
import { getToken, request } from '../../api';

export interface CollectionWindow { year: number; opensAt: string; closesAt: string; open: boolean }
export interface CollectionSummary { window: CollectionWindow | null; year?: number; received: number; byCategory: Record<string, number>; byChannel: Record<string, number>; adopted: number }
export interface Station { id: string; bodyId: string; name: string; address: string | null }
export interface SimilarAnswer { projects: { id: string; title: string; year: number; status: string; score: number }[]; suggestions: number }
export interface Tracking {
  trackingCode: string; title: string; category: string; area: string | null; bodyId: string; year: number; status: string; reason: string | null;
  createdAt: string; history: { at: string; status: string; note: string | null }[]; mergedInto?: { title: string }; project?: { id: string; title: string; status: string };
}
export interface SuggestionDraft { title: string; description: string; category: string; area?: string | null; contact?: string | null; channel?: string; stationId?: string | null }

const enc = encodeURIComponent;

export const collectionKeys = {
  summary: (bodyId: string, year?: number) => ['body', bodyId, 'collection', year ?? null] as const,
  stations: (bodyId: string) => ['body', bodyId, 'stations'] as const,
  similar: (bodyId: string, text: string) => ['body', bodyId, 'similar', text] as const,
  tracking: (code: string) => ['suggestion', code] as const,
};

export const collectionApi = {
  summary: (bodyId: string, year?: number) => request<CollectionSummary>(`/api/public/bodies/${enc(bodyId)}/collection${year ? `?year=${year}` : ''}`),
  stations: (bodyId: string) => request<Station[]>(`/api/public/bodies/${enc(bodyId)}/stations`),
  similar: (bodyId: string, text: string) => request<SimilarAnswer>(`/api/public/bodies/${enc(bodyId)}/similar?text=${enc(text)}`),
  track: (code: string) => request<Tracking>(`/api/suggestions/${enc(code.trim().toUpperCase())}`),
  /** `as`: sent with the representative's or the department user's token (channel rep / department), or anonymously */
  submit: (bodyId: string, draft: SuggestionDraft, as: 'member' | 'staff' | null) =>
    request<{ id: string; trackingCode: string }>(`/api/bodies/${enc(bodyId)}/suggestions`, { body: draft, token: as ? getToken(as) : null }),
};

export const useCollectionSummary = (bodyId: string, year?: number) =>
  useQuery({ queryKey: collectionKeys.summary(bodyId, year), queryFn: () => collectionApi.summary(bodyId, year), enabled: !!bodyId });
export const useStations = (bodyId: string) =>
  useQuery({ queryKey: collectionKeys.stations(bodyId), queryFn: () => collectionApi.stations(bodyId), enabled: !!bodyId, staleTime: 300_000 });
export const useSimilar = (bodyId: string, text: string) =>
  useQuery({ queryKey: collectionKeys.similar(bodyId, text), queryFn: () => collectionApi.similar(bodyId, text), enabled: !!bodyId && text.trim().length >= 4, staleTime: 60_000 });
export const useTracking = (code: string) =>
  useQuery({ queryKey: collectionKeys.tracking(code), queryFn: () => collectionApi.track(code), enabled: code.trim().length >= 10 });

export { categories } from '../../../../shared/schemas';
