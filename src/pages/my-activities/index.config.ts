export default definePageConfig({ navigationBarTitleText: '我参加的活动', onReachBottomDistance: 80 });
