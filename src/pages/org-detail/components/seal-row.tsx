// 上传公章 on a team's page, for its leader: the picture of the team's seal (PNG or JPEG, at most 512 KB), stamped on
// every certificate the team issues afterwards; tapping again replaces it.
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';
import { PhotoPickError, pickPhoto } from '../../../device/photo';
import { setSeal } from '../../../services/org';
import { toCloudError } from '../../../services/cloud-error';
import { checkSealPick, explainSealError } from '../helpers';

type Props = { orgId: string; hasSeal: boolean; onDone: () => void };

export default function SealRow({ orgId, hasSeal, onDone }: Props) {
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState('');

  const upload = async () => {
    if (uploading) return;
    setError('');
    setUploading(true);
    try {
      const photo = await pickPhoto();
      if (!photo) return;
      const seal = checkSealPick(photo);
      if ('problem' in seal) {
        setError(seal.problem);
        return;
      }
      await setSeal(orgId, seal);
      void Taro.showToast({ title: hasSeal ? '公章已更换' : '公章已上传', icon: 'success', duration: 1500 });
      onDone();
    } catch (e) {
      if (e instanceof PhotoPickError) setError(e.message);
      else {
        const err = toCloudError(e);
        setError(explainSealError(err.code, err.message));
      }
    } finally {
      setUploading(false);
    }
  };

  return (
    <View className='card org-detail__section org-seal'>
      <View className='org-detail__seal-row'>
        <View className='org-detail__seal-text'>
          <Text className='org-detail__seal-title'>公章</Text>
          <Text className='org-detail__hint org-seal-status'>
            {hasSeal ? '已上传，本队出具的证明将加盖此公章' : '未上传：上传后，本队出具的证明将加盖公章'}
          </Text>
        </View>
        <Button
          className='org-detail__seal-button org-seal-upload'
          type='primary'
          fill='outline'
          loading={uploading}
          disabled={uploading}
          onClick={() => void upload()}
        >
          {uploading ? '上传中' : hasSeal ? '更换公章' : '上传公章'}
        </Button>
      </View>
      <Text className='org-detail__hint'>PNG或JPEG图片，不超过512KB，建议透明背景</Text>
      {error ? <Text className='org-detail__reason org-seal-error'>{error}</Text> : null}
    </View>
  );
}
