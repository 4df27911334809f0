export default definePageConfig({ navigationBarTitleText: '身份核验申请', onReachBottomDistance: 80 });
