// The collection stage's API for the public and member screens (API.md "Collection and screening").
import { useQuery } from '@tanstack/react-query';
import { call, getToken, type Answer, type BodyOf } from '../../api';

export type CollectionWindow = NonNullable<Answer<'GET /api/public/bodies/:bodyId/collection'>['window']>;
export type SuggestionDraft = BodyOf<'POST /api/bodies/:bodyId/suggestions'>;

export const collectionKeys = {
  summary: (bodyId: string, year?: number) => ['body', bodyId, 'collection', year ?? null] as const,
  stations: (bodyId: string) => ['body', bodyId, 'stations'] as const,
  similar: (bodyId: string, text: string) => ['body', bodyId, 'similar', text] as const,
  tracking: (code: string) => ['suggestion', code] as const,
};

export const collectionApi = {
  summary: (bodyId: string, year?: number) => call('GET /api/public/bodies/:bodyId/collection', { bodyId }, { query: { year } }),
  stations: (bodyId: string) => call('GET /api/public/bodies/:bodyId/stations', { bodyId }),
  similar: (bodyId: string, text: string) => call('GET /api/public/bodies/:bodyId/similar', { bodyId }, { query: { text } }),
  track: (code: string) => call('GET /api/suggestions/:code', { code: code.trim().toUpperCase() }),
  /** `as`: sent with the representative's or the department user's token (channel rep / department), or anonymously */
  submit: (bodyId: string, draft: SuggestionDraft, as: 'member' | 'staff' | null) =>
    call('POST /api/bodies/:bodyId/suggestions', { bodyId }, { body: draft, token: as ? getToken(as) : null }),
};

export const useCollectionSummary = (bodyId: string, year?: number) =>
  useQuery({ queryKey: collectionKeys.summary(bodyId, year), queryFn: () => collectionApi.summary(bodyId, year), enabled: !!bodyId });
export const useStations = (bodyId: string) =>
  useQuery({ queryKey: collectionKeys.stations(bodyId), queryFn: () => collectionApi.stations(bodyId), enabled: !!bodyId, staleTime: 300_000 });
export const useSimilar = (bodyId: string, text: string) =>
  useQuery({ queryKey: collectionKeys.similar(bodyId, text), queryFn: () => collectionApi.similar(bodyId, text), enabled: !!bodyId && text.trim().length >= 4, staleTime: 60_000 });
export const useTracking = (code: string) =>
  useQuery({ queryKey: collectionKeys.tracking(code), queryFn: () => collectionApi.track(code), enabled: code.trim().length >= 10 });

