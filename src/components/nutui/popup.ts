// NutUI's Popup with its CSS (and of the icons it draws).
import '@nutui/icons-react-taro/dist/style_icon.css';
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/css';

export { default as Popup } from '@nutui/nutui-react-taro/dist/es/packages/popup';
