import type { Campaign, CampaignBoardRow } from '@greenvoice/common';
import { api } from '../../../shared/api/api-client.ts';

export type BoardStatus = CampaignBoardRow['status'];

export interface CampaignBoard {
  campaign: Campaign;
  rows: CampaignBoardRow[];
  summary: Record<'total' | BoardStatus, number>;
}

export const listCampaigns = () => api.get<{ items: Campaign[] }>('/api/v1/campaigns');
export const getBoard = (id: number) => api.get<CampaignBoard>(`/api/v1/campaigns/${id}/board`);
export const updateCampaign = (id: number, body: { version: number; title?: string; deadline?: string }) =>
  api.patch<Campaign>(`/api/v1/campaigns/${id}`, body);
