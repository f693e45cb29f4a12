// The presidium's public notices (公告).
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api';

export const useNotice = (id: string) => useQuery({ queryKey: ['notice', id], queryFn: () => call('GET /api/public/notices/:id', { id }) });
export const useBodyNotices = (bodyId: string) => useQuery({ queryKey: ['body', bodyId, 'notices'], queryFn: () => call('GET /api/public/bodies/:bodyId/notices', { bodyId }) });
