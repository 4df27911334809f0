// Where the activity is: in WeChat a small map with a marker at its point (GCJ-02, as stored) and 导航, which opens
// WeChat's map page (openLocation) with the name and address; in a browser (Taro's h5 map needs a Baidu key) the
// address with 导航 to 高德's page. An activity without a point shows its address only.
import Taro from '@tarojs/taro';
import { Map as MapView, Text, View } from '@tarojs/components';
import { Button } from '../../../components/nutui/button';
import { openPlace, PLACE_SCALE, type Place } from '../../../device/navigate';
import { errMsgOf } from '../../../device/errors';

/** The marker, copied into the package by the build (config/index.ts). */
const MARKER_ICON = '/assets/map-pin.png';

const go = (place: Place) =>
  openPlace(place).catch((e: unknown) => {
    void Taro.showToast({ title: `无法打开地图：${errMsgOf(e)}`, icon: 'none', duration: 2500 });
  });

export default function PlaceCard({ address, place }: { address: string; place?: Place }) {
  return (
    <View className='act-detail__place act-place-card'>
      {place && process.env.TARO_ENV === 'weapp' ? (
        <MapView
          className='act-detail__map-view act-map'
          latitude={place.point.lat}
          longitude={place.point.lng}
          scale={PLACE_SCALE - 1}
          enableScroll={false}
          enableZoom={false}
          markers={[
            {
              id: 1,
              latitude: place.point.lat,
              longitude: place.point.lng,
              title: place.name,
              iconPath: MARKER_ICON,
              width: 24,
              height: 32,
            },
          ]}
          onTap={() => void go(place)}
          onError={() => undefined}
        />
      ) : null}
      <View className='act-detail__place-row'>
        <Text className='act-detail__place-address act-address'>{address}</Text>
        {place ? (
          <Button className='act-navigate act-open-map' type='primary' size='small' onClick={() => void go(place)}>
            导航
          </Button>
        ) : null}
      </View>
    </View>
  );
}
