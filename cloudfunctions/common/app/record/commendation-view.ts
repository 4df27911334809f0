// 表彰奖励 as pages see them, with a temporary address for each document picture (one request for a whole list).
import type { Commendation } from '@contract/commendation';
import { fileStorage } from '../../adapters';
import type { CommendationDoc } from '../../db/commendation.repository';
import { toIso } from '../../domain/shanghai-time';

export async function commendationViews(docs: readonly CommendationDoc[]): Promise<Commendation[]> {
  const fileIds = docs.flatMap((d) => (d.document ? [d.document.fileId] : []));
  const urls = fileIds.length > 0 ? await fileStorage().urls(fileIds) : new Map<string, string>();
  return docs.map((d) => ({
    commendationId: d._id,
    subjectKind: d.subjectKind,
    subjectName: d.subjectName,
    subjectOrgName: d.subjectOrgName,
    title: d.title,
    level: d.level,
    issuer: d.issuer,
    date: d.date,
    status: d.status,
    orgName: d.orgName,
    reviewOrgName: d.reviewOrgName,
    ...(d.rejectReason ? { rejectReason: d.rejectReason } : {}),
    ...(d.document ? { documentUrl: urls.get(d.document.fileId) ?? '' } : {}),
    createdAt: toIso(new Date(d.createdAt)),
    ...(d.reviewedAt ? { reviewedAt: toIso(new Date(d.reviewedAt)) } : {}),
  }));
}

export const commendationView = async (doc: CommendationDoc): Promise<Commendation> => (await commendationViews([doc]))[0];
