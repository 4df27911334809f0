// One team in a list (search results, child teams): name, level, region and the start of its intro.
import { Text, View } from '@tarojs/components';
import { regionName } from '../../utils/region';
import type { Org } from '@contract/org';
import './index.scss';
import { useRegions } from '../../hooks/use-regions';

type Props = { org: Org; className: string; onClick: () => void; extra?: string };

export default function OrgCard({ org, className, onClick, extra }: Props) {
  useRegions();
  return (
    <View className={`org-card ${className}`} onClick={onClick}>
      <View className='org-card__head'>
        <Text className='org-card__name'>{org.name}</Text>
        <Text className='org-card__level'>{org.level}</Text>
      </View>
      <Text className='org-card__meta'>
        {regionName(org.region)}
        {extra ? ` · ${extra}` : ''}
      </Text>
      {org.intro ? <Text className='org-card__intro'>{org.intro}</Text> : null}
    </View>
  );
}
