import type {
  Commentator,
  CommentatorPost,
  CommentatorTally,
  CommentatorTask,
  CommentatorTaskCompletion,
  MediaColumn,
  Subscription,
  SubscriptionSummary,
} from '@greenvoice/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery, type PageResult } from '../../../shared/api/api-client.ts';
import { keys } from '../../../shared/api/query-keys.ts';

/** the three registers' base paths */
export const REGISTERS = {
  subscriptions: '/api/v1/media/subscriptions',
  commentators: '/api/v1/media/commentators',
  tasks: '/api/v1/media/commentator-tasks',
  columns: '/api/v1/media/columns',
} as const;
export type Register = keyof typeof REGISTERS;
type RowOf = {
  subscriptions: Subscription;
  commentators: Commentator;
  tasks: CommentatorTask;
  columns: MediaColumn;
};
export type ListParams = { unitId?: number; year?: number; page: number; pageSize: number };

export const useRegister = <R extends Register>(register: R, p: ListParams) =>
  useQuery({
    queryKey: keys.media.work(register, p),
    queryFn: () => api.get<PageResult<RowOf[R]>>(withQuery(REGISTERS[register], p)),
  });
export const useSubscriptionSummary = (year: number | undefined) =>
  useQuery({
    queryKey: keys.media.work('summary', { year }),
    enabled: !!year,
    queryFn: () => api.get<SubscriptionSummary>(withQuery(`${REGISTERS.subscriptions}/summary`, { year })),
  });
export const useTally = (year: number | undefined) =>
  useQuery({
    queryKey: keys.media.work('tally', { year }),
    enabled: !!year,
    queryFn: () => api.get<CommentatorTally>(withQuery(`${REGISTERS.commentators}/tally`, { year })),
  });
export const useTaskCompletion = (taskId: number) =>
  useQuery({
    queryKey: keys.media.work('task', { taskId }),
    queryFn: () => api.get<CommentatorTaskCompletion>(`${REGISTERS.tasks}/${taskId}`),
  });
export const usePosts = (commentatorId: number) =>
  useQuery({
    queryKey: keys.media.work('posts', { commentatorId }),
    queryFn: () => api.get<{ items: CommentatorPost[] }>(`${REGISTERS.commentators}/${commentatorId}/posts`),
  });

/** save (create when `row` is null, else update at its version) or delete; refreshes the media lists */
export function useRegisterWrite(register: Register) {
  const queryClient = useQueryClient();
  const done = () => void queryClient.invalidateQueries({ queryKey: keys.media.all });
  const save = useMutation({
    mutationFn: ({ row, body }: { row: { id: number; version: number } | null; body: object }) =>
      row
        ? api.patch(`${REGISTERS[register]}/${row.id}`, { ...body, version: row.version })
        : api.post(REGISTERS[register], body),
    onSuccess: done,
  });
  const remove = useMutation({
    mutationFn: (id: number) => api.delete(`${REGISTERS[register]}/${id}`),
    onSuccess: done,
  });
  return { save, remove };
}
export function usePostWrite(commentatorId: number) {
  const queryClient = useQueryClient();
  const done = () => void queryClient.invalidateQueries({ queryKey: keys.media.all });
  return {
    add: useMutation({
      mutationFn: (body: object) => api.post(`${REGISTERS.commentators}/${commentatorId}/posts`, body),
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: (postId: number) => api.delete(`/api/v1/media/commentator-posts/${postId}`),
      onSuccess: done,
    }),
  };
}
