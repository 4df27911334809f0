// Cloud function org: the team tree, memberships and reviews.
import { makeMain } from '../common/handler';
import { bootstrapRoot } from '../common/app/org/bootstrap-root.use-case';
import { searchOrgs } from '../common/app/org/search.use-case';

export const main = makeMain('org', { bootstrapRoot, search: searchOrgs });
