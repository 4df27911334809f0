// A QR code on screen: h5 shows the server's SVG; weapp (whose <image> cannot be trusted with SVG)
// draws the modules as boxes, row runs merged, at a whole number of design pixels per module so edges stay sharp.
import { useMemo } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { darkRuns, qrMatrix } from './matrix';
import './index.scss';

type Props = {
  payload: string;
  /** The server's rendering of `payload` (checkin.code / checkin.myCode). */
  svg?: string;
  /** Edge length in design pixels (375 wide), quiet zone included. */
  size: number;
  className?: string;
};

const QUIET = 2;

export default function QrCode({ payload, svg, size, className = '' }: Props) {
  if (process.env.TARO_ENV === 'h5' && svg) {
    const px = Taro.pxTransform(size);
    // A background rather than <Image>: Taro's h5 image box mis-sizes an SVG that has no width/height of its own.
    return (
      <View
        className={`qr-code qr-code--svg ${className}`}
        style={{ width: px, height: px, backgroundImage: `url("data:image/svg+xml;utf8,${encodeURIComponent(svg)}")` }}
      />
    );
  }
  return <QrBoxes payload={payload} size={size} className={className} />;
}

function QrBoxes({ payload, size, className }: { payload: string; size: number; className: string }) {
  const drawn = useMemo(() => {
    const matrix = qrMatrix(payload);
    const unit = Math.max(1, Math.floor(size / (matrix.size + 2 * QUIET)));
    return { unit, edge: unit * (matrix.size + 2 * QUIET), rows: darkRuns(matrix) };
  }, [payload, size]);
  const u = (n: number) => Taro.pxTransform(n);
  return (
    <View className={`qr-code qr-code--boxes ${className}`} style={{ width: u(drawn.edge), height: u(drawn.edge) }}>
      {drawn.rows.map((runs, r) =>
        runs.map(([c, len]) => (
          <View
            key={`${r}-${c}`}
            className='qr-code__run'
            style={{
              top: u((r + QUIET) * drawn.unit),
              left: u((c + QUIET) * drawn.unit),
              width: u(len * drawn.unit),
              height: u(drawn.unit),
            }}
          />
        )),
      )}
    </View>
  );
}
