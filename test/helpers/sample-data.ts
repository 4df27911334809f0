// Plain sample data that the emulator tests and the jsdom page tests (test/mp) share; it imports nothing, so both can take it.

/** 甘肃省 兰州市 城关区, the region test people, teams and activities are in. */
export const LANZHOU = { province: '620000', city: '620100', county: '620102' };

/** A point in 兰州 (GCJ-02) where test activities take place. */
export const LANZHOU_POINT = { lat: 36.0611, lng: 103.8343 };

/** The sample activity's own fields: 社区科普讲解 in 兰州, 2026-12-01 and 12-02, 09:00–17:00, 30 places. */
export const SAMPLE_ACTIVITY = {
  title: '社区科普讲解活动',
  category: '科普讲解',
  description: '走进社区开展防灾减灾科普讲解',
  serviceTargets: ['社区居民'],
  region: LANZHOU,
  address: '兰州市城关区东方红广场',
  startDate: '2026-12-01',
  endDate: '2026-12-02',
  dailyStart: '09:00',
  dailyEnd: '17:00',
  capacity: 30,
} as const;
