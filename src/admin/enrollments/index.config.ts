export default definePageConfig({ navigationBarTitleText: '报名名单', onReachBottomDistance: 80 });
