// Which subscribe-message templates a tap asks for: the configured ones of the kinds, in order, at most three.
import { templateIdsFor } from '../../../src/utils/subscribe-templates';

const configured = JSON.stringify({
  activityReminder: 'T-REMIND',
  activityChanged: 'T-CHANGED',
  activityCancelled: 'T-CANCELLED',
  waitlistPromoted: 'T-PROMOTED',
  memberReviewed: '',
});

describe('templateIdsFor', () => {
  it('maps kinds to their template ids in order, skipping kinds without one', () => {
    expect(templateIdsFor(['activityReminder', 'memberReviewed', 'activityCancelled'], configured)).toEqual(['T-REMIND', 'T-CANCELLED']);
  });

  it('asks for three at most (WeChat’s limit per request)', () => {
    expect(templateIdsFor(['waitlistPromoted', 'activityReminder', 'activityChanged', 'activityCancelled'], configured)).toEqual([
      'T-PROMOTED',
      'T-REMIND',
      'T-CHANGED',
    ]);
  });

  it('asks for nothing when no templates were built in, or the build variable is broken', () => {
    expect(templateIdsFor(['activityReminder'], undefined)).toEqual([]);
    expect(templateIdsFor(['activityReminder'], '{}')).toEqual([]);
    expect(templateIdsFor(['activityReminder'], 'not json')).toEqual([]);
  });
});
