import { useQuery } from '@tanstack/react-query';
import { keys } from '../../../shared/api/query-keys.ts';
import { getBoard, getHistory, getMetrics, getUnitMonthly, getWci, listAccounts } from '../api/media-api.ts';

export const useAccounts = (p: { q?: string; platform?: string; page: number; pageSize: number }) =>
  useQuery({ queryKey: keys.media.accounts(p), queryFn: () => listAccounts(p) });
export const useAccountMetrics = (id: number) =>
  useQuery({ queryKey: keys.media.account(id), queryFn: () => getMetrics(id) });
export const useAccountHistory = (id: number) =>
  useQuery({ queryKey: keys.media.history(id), queryFn: () => getHistory(id) });
export const useMediaBoard = (year?: number) =>
  useQuery({ queryKey: keys.media.board(year), queryFn: () => getBoard(year) });
export const useWci = (month: string) =>
  useQuery({ queryKey: keys.media.wci(month), queryFn: () => getWci(month) });
export const useUnitMonthly = (unitId: number | undefined, year: number) =>
  useQuery({
    queryKey: keys.media.unit(unitId ?? 0, year),
    enabled: !!unitId,
    queryFn: () => getUnitMonthly(unitId!, year),
  });
