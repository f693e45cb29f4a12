// A body's departments (承办单位): the list the staff's forms choose a project's department from.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, call } from '../api';

export const departmentKeys = { list: (bodyId: string) => ['body', bodyId, 'departments'] as const };

export const useDepartments = (token: string, bodyId: string) => useQuery({
  queryKey: departmentKeys.list(bodyId), queryFn: () => call('GET /api/bodies/:bodyId/departments', { bodyId }, { token }), staleTime: 60_000,
});

/** Adds a department on purpose; one already listed (409 department_exists) is simply chosen. */
export function useAddDepartment(token: string, bodyId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (name: string) => {
      try {
        return (await call('POST /api/bodies/:bodyId/departments', { bodyId }, { token, body: { name } })).name;
      } catch (e) {
        if (e instanceof ApiError && e.code === 'department_exists') return name.trim();
        throw e;
      }
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: departmentKeys.list(bodyId) }),
  });
}
