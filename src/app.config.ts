// Pages and the tab bar; pages only leaders and admins use live in the `admin` subpackage so volunteers download less.
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/mine/index', 'pages/register/index', 'pages/orgs/index', 'pages/org-detail/index', 'pages/org-register/index', 'pages/profile-edit/index', 'pages/change-phone/index', 'pages/activate/index'],
  subPackages: [{ root: 'admin', pages: ['inbox/index', 'members/index', 'import/index'] }],
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
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
});
