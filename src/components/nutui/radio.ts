// NutUI's Radio with its CSS (and of the icons it draws).
import '@nutui/icons-react-taro/dist/style_icon.css';
import '@nutui/nutui-react-taro/dist/es/packages/radio/style/css';

export { default as Radio } from '@nutui/nutui-react-taro/dist/es/packages/radio';
