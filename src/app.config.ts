// Pages and the tab bar. The main package (what every volunteer downloads before the first screen) holds only the
// three tabs; every other page is a subpackage fetched when it is first opened (a share or a 小程序码 opens the main
// package and the page's subpackage together). Pages only leaders and admins use live in the `admin` subpackage. Each
// of the volunteers' pages is a subpackage rooted at its own directory, so its address stays pages/x/index:
// subscribe-message cards, messages the server stored with a page path, shares and QR codes made before keep opening
// it. preloadRule fetches the pages a volunteer is likely to open next while the current one is on screen.
const ownPackage = (dir: string) => ({ root: `pages/${dir}`, pages: ['index'] });

export default defineAppConfig({
  pages: ['pages/index/index', 'pages/activities/index', 'pages/mine/index'],
  subPackages: [
    {
      root: 'admin',
      pages: [
        'inbox/index',
        'members/index',
        'import/index',
        'activity-edit/index',
        'activities/index',
        'enrollments/index',
        'checkin-code/index',
        'roster/index',
        'corrections/index',
        'stats/index',
        'identity-appeals/index',
        'notice-edit/index',
        'need-inbox/index',
        'complaint-inbox/index',
        'trainings/index',
        'evaluate/index',
        'commend/index',
        'commendation-inbox/index',
        'handoff/index',
      ],
    },
    ...[
      'activity-detail',
      'org-detail',
      'orgs',
      'my-activities',
      'scan',
      'my-code',
      'messages',
      'register',
      'org-register',
      'profile-edit',
      'change-phone',
      'activate',
      'my-hours',
      'certificate',
      'verify',
      'links',
      'my-data',
      'invitations',
      'identity-appeal',
      'notice',
      'notices',
      'need-post',
      'my-needs',
      'need',
      'complaint',
      'my-complaints',
      'my-trainings',
      'my-evaluations',
    ].map(ownPackage),
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['pages/activity-detail'] },
    'pages/activities/index': { network: 'all', packages: ['pages/activity-detail'] },
    // At the activity site, 签到 must not wait for a download on a weak signal.
    'pages/activity-detail/index': { network: 'all', packages: ['pages/scan', 'pages/my-code'] },
    'pages/mine/index': { network: 'all', packages: ['pages/my-activities', 'pages/scan', 'pages/my-code'] },
  },
  // The activity square sorts by distance; admins pick an activity's point on the map (WeChat requires declaring both).
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: { 'scope.userLocation': { desc: '用于查找附近的志愿活动和活动现场签到' } },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1f6fe5',
    navigationBarTitleText: '科技志愿服务',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f8',
    // WeChat draws its own bar; in a browser this turns on Taro's: the title, and a back button (or 首页 when the page
    // was opened directly) on every page but the tabs (styled in app.scss).
    navigationStyle: 'default',
  },
  tabBar: {
    // The tab bar is native: its grey is the palette's secondary text (4.5:1 and more on white).
    color: '#5c6066',
    selectedColor: '#1a5fd0',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      {
        pagePath: 'pages/activities/index',
        text: '活动',
        iconPath: 'assets/tab/activity.png',
        selectedIconPath: 'assets/tab/activity-active.png',
      },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
});
