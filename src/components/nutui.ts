// NutUI components the app uses, each with its own CSS (per-component import, no babel-plugin-import).
import '@nutui/icons-react-taro/dist/style_icon.css';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/radio/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/skeleton/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';

export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button';
export { default as Checkbox } from '@nutui/nutui-react-taro/dist/es/packages/checkbox';
export { default as Radio } from '@nutui/nutui-react-taro/dist/es/packages/radio';
export { default as Popup } from '@nutui/nutui-react-taro/dist/es/packages/popup';
export { default as Skeleton } from '@nutui/nutui-react-taro/dist/es/packages/skeleton';
export { default as Empty } from '@nutui/nutui-react-taro/dist/es/packages/empty';
export { default as Tag } from '@nutui/nutui-react-taro/dist/es/packages/tag';
