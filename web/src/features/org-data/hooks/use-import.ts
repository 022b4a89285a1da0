import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { importWorkbook } from '../api/org-data-api.ts';
import { keys } from '../../../shared/api/query-keys.ts';

export type ImportPhase = 'idle' | 'uploading' | 'processing' | 'done' | 'failed';

export function useImportWorkbook() {
  const queryClient = useQueryClient();
  const [percent, setPercent] = useState(0);
  const [uploaded, setUploaded] = useState(false);
  const mutation = useMutation({
    mutationFn: (file: File) => {
      setPercent(0);
      setUploaded(false);
      return importWorkbook(file, { onProgress: setPercent, onUploaded: () => setUploaded(true) });
    },
    // An import can touch units, people and the campaign board alike.
    onSuccess: () => queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== keys.me[0] }),
  });
  const phase: ImportPhase = mutation.isPending
    ? uploaded
      ? 'processing'
      : 'uploading'
    : mutation.isSuccess
      ? 'done'
      : mutation.isError
        ? 'failed'
        : 'idle';
  return { ...mutation, phase, percent };
}
