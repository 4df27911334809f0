export default definePageConfig({ navigationBarTitleText: '队伍邀请' });
