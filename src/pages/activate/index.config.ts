export default definePageConfig({ navigationBarTitleText: '激活志愿者' });
