// The font stack of canvas drawings (posters, the statistics chart), kept in step with app.scss: Chinese fonts first, so
// that the quotes “” 「」 and the full-width marks take their Chinese (full-width) forms, not a Latin font's narrow ones.
export const CJK_FONT = '"PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif';
