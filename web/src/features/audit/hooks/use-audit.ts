import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { listAudit, verifyAudit, type AuditListParams } from '../api/audit-api.ts';
import { keys } from '../../../shared/api/query-keys.ts';

export function useAuditLog(params: AuditListParams) {
  return useQuery({
    queryKey: keys.audit.list(params),
    queryFn: () => listAudit(params),
    placeholderData: keepPreviousData,
  });
}

/** A GET, but run on demand: checking the whole hash chain is work the auditor asks for. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: verifyAudit });
}
