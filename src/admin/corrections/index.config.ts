export default definePageConfig({ navigationBarTitleText: '时长更正审核', onReachBottomDistance: 80 });
