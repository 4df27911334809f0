export default definePageConfig({ navigationBarTitleText: '队伍详情', enableShareAppMessage: true, enableShareTimeline: true });
