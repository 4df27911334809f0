// Cloud function report: statistics, exports and certificates (issue #6). No action is served yet: every call answers UNKNOWN_ACTION.
import { makeMain } from '../common/handler';

export const main = makeMain('report', {});
