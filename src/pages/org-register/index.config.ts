export default definePageConfig({ navigationBarTitleText: '注册队伍' });
