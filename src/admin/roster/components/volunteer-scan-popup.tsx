// An admin signs a volunteer in or out by scanning the volunteer's 我的签到码 (for phones that cannot locate). Without
// a network (the call fails with NETWORK, or the page knows it is offline) the code goes to `onOffline`, which keeps
// it for upload or says why not (components/offline-scan-result).
// Test classes: ck-vscan-kind (tabs ck-vscan-kind-in/-out), ck-vscan-camera, ck-vscan-payload, ck-vscan-submit; the
// answer's ck-result-* classes, or ck-vscan-offline-*.
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Popup } from '../../../components/nutui/popup';
import SegTabs from '../../../components/seg-tabs';
import QrEntry from '../../../components/qr-entry';
import CheckinResult, { type ScanOutcome } from '../../../components/checkin-result';
import { scanVolunteerCode } from '../../../services/checkin';
import { toCloudError } from '../../../services/cloud-error';
import type { CheckinKind } from '@contract/checkin';
import type { OfflineAnswer } from '../use-offline-roster';
import OfflineScanResult from './offline-scan-result';

type Props = {
  visible: boolean;
  onClose: () => void;
  onScanned: () => void;
  /** The page knows the server cannot be reached: codes go straight to `onOffline`. */
  offline?: boolean;
  onOffline?: (payload: string, kind: CheckinKind) => OfflineAnswer;
};

export default function VolunteerScanPopup({ visible, onClose, onScanned, offline, onOffline }: Props) {
  const [kind, setKind] = useState<CheckinKind>('in');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);
  const [kept, setKept] = useState<OfflineAnswer | null>(null);

  useEffect(() => {
    if (visible) {
      setOutcome(null);
      setKept(null);
    }
  }, [visible]);

  const onCode = async (payload: string) => {
    if (offline && onOffline) return setKept(onOffline(payload, kind));
    setBusy(true);
    try {
      const data = await scanVolunteerCode(payload, kind);
      setOutcome({ ok: true, data });
      onScanned();
    } catch (e) {
      const err = toCloudError(e);
      if (err.code === 'NETWORK' && onOffline) return setKept(onOffline(payload, kind));
      setOutcome({ ok: false, code: err.code, message: err.message, details: err.details });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popup visible={visible} position='bottom' round title='扫志愿者签到码' closeable onClose={onClose}>
      <View className='roster-popup'>
        {kept ? (
          <OfflineScanResult answer={kept} onAgain={() => setKept(null)} />
        ) : outcome ? (
          <CheckinResult outcome={outcome} admin onAgain={() => setOutcome(null)} />
        ) : (
          <View>
            <Text className='roster-popup__subject'>志愿者手机无法定位时，请其打开“我的签到码”，由您扫码为其签到或签退。</Text>
            <SegTabs
              name='ck-vscan-kind'
              value={kind}
              onChange={setKind}
              tabs={[
                { key: 'in', title: '为其签到' },
                { key: 'out', title: '为其签退' },
              ]}
            />
            <View className='roster-popup__entry'>
              <QrEntry
                name='ck-vscan'
                scanText={kind === 'in' ? '扫码为志愿者签到' : '扫码为志愿者签退'}
                manualHint='个人签到码显示在志愿者“我的签到码”二维码下方'
                busy={busy}
                onCode={onCode}
              />
            </View>
          </View>
        )}
      </View>
    </Popup>
  );
}
