// Stylelint for the SCSS of the mini program (Taro 4 + NutUI React Taro): the standard SCSS rules, adapted to what
// Taro and WeChat accept. `npx stylelint "src/**/*.scss"` must pass with no warnings.

/** kebab-case classes, BEM-like: block, optional __element, optional --modifier (NutUI's .nut-… and Taro's .taro-… fit). */
const KEBAB = '[a-z][a-z0-9]*(?:-[a-z0-9]+)*';
const BEM_CLASS = `^${KEBAB}(?:__${KEBAB})?(?:--${KEBAB})?$`;

module.exports = {
  extends: ['stylelint-config-standard-scss'],
  rules: {
    // Taro's page root is the `page` element on weapp, and h5 draws custom elements named taro-… (taro-view-core…).
    'selector-type-no-unknown': [true, { ignoreTypes: ['page', '/^taro-/'] }],
    // rpx is the mini program's responsive unit (Taro turns our px into rpx, but a literal rpx is legitimate).
    'unit-no-unknown': [true, { ignoreUnits: ['rpx'] }],
    // :global / :local are the CSS-modules escapes Taro supports (cssModules in config/index.ts).
    'selector-pseudo-class-no-unknown': [true, { ignorePseudoClasses: ['global', 'local'] }],
    // NutUI's theme variables (--nutui-…) and ours (--app-…) are kebab-case, as the standard asks; said here for clarity.
    'custom-property-pattern': [
      '^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$',
      { message: (name) => `Expected custom property "${name}" to be kebab-case (--app-…, --nutui-…)` },
    ],
    // Class names as the code writes them: kebab-case blocks with BEM __element and --modifier; nested &__x checked too.
    'selector-class-pattern': [
      BEM_CLASS,
      {
        resolveNestedSelectors: true,
        message: (selector) => `Expected class selector "${selector}" to be kebab-case BEM (block__element--modifier)`,
      },
    ],
    // The targets (browserslist: Android >= 4.1, iOS >= 8, old WeChat webviews) do not parse `rgb(0 0 0 / 5%)`, and
    // nothing in the Taro pipeline rewrites it: keep the comma notation with a number alpha, and keep it consistent.
    'color-function-notation': 'legacy',
    'alpha-value-notation': 'number',
  },
  overrides: [
    {
      // Colours come from the variables (src/styles/colors.scss for CSS, src/styles/colors.ts for TS): no literal
      // colour outside src/styles/, whether hex, rgb()/hsl() or a colour keyword.
      files: ['src/**/*.scss'],
      rules: {
        'color-no-hex': [true, { message: 'Use a colour variable (var(--app-…)) from src/styles/colors.scss, not a hex colour' }],
        'color-named': ['never', { message: 'Use a colour variable (var(--app-…)) from src/styles/colors.scss, not a colour name' }],
        'function-disallowed-list': [
          ['rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color'],
          { message: 'Use a colour variable (var(--app-…)) from src/styles/colors.scss, not a colour function' },
        ],
      },
    },
    {
      // src/styles/ is where the colour values are written.
      files: ['src/styles/**/*.scss'],
      rules: {
        'color-no-hex': null,
        'color-named': null,
        'function-disallowed-list': null,
      },
    },
  ],
};
