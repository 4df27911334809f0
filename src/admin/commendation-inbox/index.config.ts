export default definePageConfig({ navigationBarTitleText: '表彰审核' });
