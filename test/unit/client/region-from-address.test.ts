// 所在地区 from a place picked on WeChat's map: the address names province, city and county in that order.
import { regionFromAddress } from '../../../src/utils/region';
import { loadRegionTable } from '../../helpers/region-table';

beforeAll(loadRegionTable);

describe('regionFromAddress', () => {
  it.each([
    ['甘肃省兰州市城关区东岗西路1号', { province: '620000', city: '620100', county: '620102' }],
    ['中国甘肃省兰州市七里河区西津西路', { province: '620000', city: '620100', county: '620103' }],
    ['甘肃兰州市城关区', { province: '620000', city: '620100', county: '620102' }],
    ['兰州市城关区东方红广场', { province: '620000', city: '620100', county: '620102' }],
    ['北京市东城区东长安街', { province: '110000', city: '110100', county: '110101' }],
    ['湖南省益阳市赫山区龙洲路', { province: '430000', city: '430900', county: '430903' }],
    ['广西壮族自治区南宁市青秀区', { province: '450000', city: '450100', county: '450103' }],
    ['甘肃省某个不存在的地方', { province: '620000', city: '', county: '' }],
    ['甘肃省兰州市某某路', { province: '620000', city: '620100', county: '' }],
  ])('%s', (address, region) => {
    expect(regionFromAddress(address)).toEqual(region);
  });

  it.each(['东岗西路1号', '', '   '])('names no region: %j', (address) => {
    expect(regionFromAddress(address)).toBeUndefined();
  });
});
