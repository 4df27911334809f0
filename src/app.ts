// App root: Taro renders each page as a child; global styles and the NutUI theme live in app.scss.
import type { PropsWithChildren } from 'react';
import './app.scss';

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
