// An admin signs a volunteer in or out by scanning the volunteer's 我的签到码 (for phones that cannot locate).
// Test classes: ck-vscan-kind (tabs ck-vscan-kind-in/-out), ck-vscan-camera, ck-vscan-payload, ck-vscan-submit; the
// answer's ck-result-* classes.
import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Popup } from '../../../components/nutui';
import SegTabs from '../../../components/seg-tabs';
import QrEntry from '../../../components/qr-entry';
import CheckinResult, { type ScanOutcome } from '../../../components/checkin-result';
import { scanVolunteerCode } from '../../../services/checkin';
import { toCloudError } from '../../../services/cloud-error';
import type { CheckinKind } from '@contract/checkin';

type Props = { visible: boolean; onClose: () => void; onScanned: () => void };

export default function VolunteerScanPopup({ visible, onClose, onScanned }: Props) {
  const [kind, setKind] = useState<CheckinKind>('in');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);

  useEffect(() => {
    if (visible) setOutcome(null);
  }, [visible]);

  const onCode = async (payload: string) => {
    setBusy(true);
    try {
      const data = await scanVolunteerCode(payload, kind);
      setOutcome({ ok: true, data });
      onScanned();
    } catch (e) {
      const err = toCloudError(e);
      setOutcome({ ok: false, code: err.code, message: err.message, details: err.details });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popup visible={visible} position='bottom' round title='扫志愿者签到码' closeable onClose={onClose}>
      <View className='roster-popup'>
        {outcome ? (
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
