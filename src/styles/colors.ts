// The palette where CSS variables cannot reach (modal buttons, native switches, canvas drawings): the same values
// src/styles/colors.scss gives its --app-… and --nutui-color-… variables (keep the two in step).
export const COLOR = {
  primary: '#1a5fd0',
  danger: '#c72a37',
  text: '#1a1a1a',
  textSecondary: '#5c6066',
  textBody: '#4e5969',
  accent: '#ff8f1f',
  chartGreen: '#16a34a',
  chartAxis: '#e3e5e8',
  white: '#ffffff',
  /** The QR code's dark modules (--app-qr-dark on screen). */
  black: '#000000',
} as const;
