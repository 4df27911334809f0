export default definePageConfig({ navigationBarTitleText: '注册科技志愿者' });
