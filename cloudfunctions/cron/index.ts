// Cloud function cron: the timer trigger of cloudbaserc.json (every 10 minutes) runs tick; a call carrying a WeChat user is
// refused. The emulator runs a tick with POST /_dev/cron.
import { makeMain } from '../common/handler';
import { tick } from '../common/app/cron/tick.use-case';

export const main = makeMain('cron', { tick }, { timer: 'tick' });
