// App root: Taro renders each page as a child; global styles and the NutUI theme live in app.scss. 长辈模式 is
// (re)applied after every render of App, which happens whenever a page mounts and whenever the mode changes.
import { useEffect, type PropsWithChildren } from 'react';
import { applyElderMode } from './device/elder-mode';
import { useElderMode } from './hooks/use-elder-mode';
import { startOfflineSync } from './services/offline-queue';
import './services/checkin-offline'; // its queues take part in the automatic uploads
import './app.scss';

function App({ children }: PropsWithChildren) {
  useElderMode(); // subscribed: a change of mode renders App again
  useEffect(() => applyElderMode());
  // Scans kept while offline upload by themselves when the server answers again (services/offline-queue).
  useEffect(() => startOfflineSync(), []);
  return children;
}

export default App;
