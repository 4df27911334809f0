// 我的数据: a copy of everything held about the volunteer (PIPL Art. 45) as one xlsx, saved like the other exports
// (a download on h5, the system viewer on weapp); and 注销 (Art. 47), which says what is deleted and what is kept, and
// why, before it is confirmed.
// The 评价 the teams gave are in the file and on 我的评价 (my-data-evaluations opens it); the 培训 attended are in the
// file and on 我的培训 (my-data-trainings opens it).
// Test classes: my-data-sheets, my-data-full-id-note, my-data-download, my-data-error, my-data-saved, my-data-evaluations,
// my-data-trainings, and the withdraw card's (components/withdraw-card.tsx).
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui/button';
import { myData } from '../../services/user';
import { useSubmit } from '../../hooks/use-submit';
import { saveFile } from '../../device/file';
import { MY_DATA_SHEETS } from '@contract/user';
import WithdrawCard from './components/withdraw-card';
import { routes } from '../../routes';
import './index.scss';

const SHEETS = MY_DATA_SHEETS.filter((s) => s !== '说明');

export default function MyData() {
  const { busy, error, setError, submit } = useSubmit();
  const [saved, setSaved] = useState('');

  const download = () =>
    submit(async () => {
      setError('');
      setSaved('');
      const file = await myData();
      await saveFile(file);
      setSaved(file.fileName);
    });

  return (
    <View className='app-page my-data'>
      <View className='card my-data__card'>
        <Text className='my-data__title'>下载我的数据</Text>
        <Text className='my-data__text'>
          依《个人信息保护法》，您可以获取本平台保存的关于您的全部个人信息和记录的副本。文件为 Excel 表格，每类记录一张表：
        </Text>
        <View className='my-data__sheets my-data-sheets'>
          {SHEETS.map((s) => (
            <Text key={s} className='chip'>
              {s}
            </Text>
          ))}
        </View>
        <Text className='my-data__text my-data__notice my-data-full-id-note'>
          文件中的身份证号和手机号为完整号码（页面上显示的是遮挡后的号码），只提供给您本人。请妥善保管，不要转发给他人。
        </Text>
        {error ? <Text className='my-data__error my-data-error'>{error}</Text> : null}
        {saved ? <Text className='my-data__saved my-data-saved'>已生成：{saved}</Text> : null}
        <Button className='my-data__download my-data-download' type='primary' block loading={busy} disabled={busy} onClick={download}>
          下载我的数据
        </Button>
      </View>
      <View className='card my-data__card my-data-evaluations' onClick={() => Taro.navigateTo({ url: routes.myEvaluations() })}>
        <Text className='my-data__title'>我的评价</Text>
        <Text className='my-data__text'>活动结束后队伍对您的评价（优秀、良好、合格、不合格及评语），如有异议可申诉 ›</Text>
      </View>
      <View className='card my-data__card my-data-trainings' onClick={() => Taro.navigateTo({ url: routes.myTrainings() })}>
        <Text className='my-data__title'>我的培训</Text>
        <Text className='my-data__text'>您参加的培训及培训学时（不计入服务时长）；经审核通过的表彰奖励见“我的”页 ›</Text>
      </View>
      <WithdrawCard />
    </View>
  );
}
