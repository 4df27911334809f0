export default definePageConfig({ navigationBarTitleText: '查找队伍', onReachBottomDistance: 80 });
