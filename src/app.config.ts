// Pages and the tab bar; pages only leaders and admins use live in the `admin` subpackage so volunteers download less.
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/mine/index', 'pages/register/index', 'pages/orgs/index', 'pages/org-detail/index', 'pages/org-register/index', 'pages/profile-edit/index', 'pages/change-phone/index', 'pages/activate/index', 'pages/activities/index', 'pages/activity-detail/index', 'pages/my-activities/index', 'pages/scan/index', 'pages/my-code/index', 'pages/my-hours/index', 'pages/certificate/index', 'pages/verify/index', 'pages/links/index', 'pages/my-data/index', 'pages/invitations/index', 'pages/identity-appeal/index'],
  subPackages: [{ root: 'admin', pages: ['inbox/index', 'members/index', 'import/index', 'activity-edit/index', 'activities/index', 'enrollments/index', 'checkin-code/index', 'roster/index', 'corrections/index', 'stats/index', 'identity-appeals/index'] }],
  // The activity square sorts by distance; admins pick an activity's point on the map (WeChat requires declaring both).
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: { 'scope.userLocation': { desc: '用于查找附近的志愿活动和活动现场签到' } },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1f6fe5',
    navigationBarTitleText: '科技志愿服务',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f8',
  },
  tabBar: {
    color: '#7a7f87',
    selectedColor: '#1f6fe5',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/activities/index', text: '活动', iconPath: 'assets/tab/activity.png', selectedIconPath: 'assets/tab/activity-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
});
