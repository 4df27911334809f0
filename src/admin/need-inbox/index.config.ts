export default definePageConfig({ navigationBarTitleText: '需求派单', onReachBottomDistance: 80 });
