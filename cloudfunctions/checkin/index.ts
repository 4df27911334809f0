// Cloud function checkin: sign-in/sign-out codes and day records (issue #5). No action is served yet: every call answers UNKNOWN_ACTION.
import { makeMain } from '../common/handler';

export const main = makeMain('checkin', {});
