// The presidium's public notices (公告).
import { useQuery } from '@tanstack/react-query';
import { request } from '../../api';

export interface PublicNotice { id: string; number: number; title: string; text?: string; ballotId: string; bodyId: string; publishedAt: string; bodyName?: string }

export const useNotice = (id: string) => useQuery({ queryKey: ['notice', id], queryFn: () => request<PublicNotice>(`/api/public/notices/${encodeURIComponent(id)}`) });
export const useBodyNotices = (bodyId: string) => useQuery({ queryKey: ['body', bodyId, 'notices'], queryFn: () => request<PublicNotice[]>(`/api/public/bodies/${encodeURIComponent(bodyId)}/notices`) });
