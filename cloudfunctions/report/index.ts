// Cloud function report: the 附件 statistics 科协 send upward, exports, certificates of service (and their 公示 to the
// team), the team ranking and the rebuild of the statistics' rollups.
import { makeMain } from '../common/handler';
import { orgStats } from '../common/app/report/org-stats.use-case';
import { exportReport } from '../common/app/report/export.use-case';
import { certificate, verifyCertificate } from '../common/app/report/certificate.use-case';
import { ranking } from '../common/app/report/ranking.use-case';
import { certificatePublicity } from '../common/app/report/certificate-publicity.use-case';
import { rebuildStats } from '../common/app/report/rebuild-stats.use-case';

export const main = makeMain('report', {
  orgStats,
  export: exportReport,
  certificate,
  verifyCertificate,
  ranking,
  certificatePublicity,
  rebuildStats,
});
