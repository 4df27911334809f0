export default definePageConfig({ navigationBarTitleText: '记录表彰' });
