export default definePageConfig({ navigationBarTitleText: '我发布的活动', onReachBottomDistance: 80 });
