// Cloud function activity: activities: publishing, recruiting, enrollment (issue #4). No action is served yet: every call answers UNKNOWN_ACTION.
import { makeMain } from '../common/handler';

export const main = makeMain('activity', {});
