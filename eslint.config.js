// ESLint for the site's scripts and their unit tests: `npm run lint`, that is
// node_modules/.bin/eslint --max-warnings 0 site_overrides/assets tests/js eslint.config.js
import js from "@eslint/js";
import globals from "globals";

// The scripts that work on the page. The browse page's other modules are pure: they get no browser
// globals (only URL and URLSearchParams, which Node has too), so that using the DOM there is an error.
const PAGE_SCRIPTS = [
  "site_overrides/assets/wbl.js",
  "site_overrides/assets/browse/main.js",
  "site_overrides/assets/browse/controls.js",
  "site_overrides/assets/browse/results.js",
  "site_overrides/assets/browse/dom.js",
  "site_overrides/assets/mylist/star.js",
  "site_overrides/assets/mylist/page.js",
  "site_overrides/assets/contribute/page.js",
];

export default [
  {
    // assets/vendor/ holds npm packages as published (scripts/vendor.sh), not the project's code.
    ignores: [".venv/", "site/", "build/", "test-artifacts/", "benchmarks/out/", ".cache/", "site_overrides/assets/vendor/"],
  },
  {
    files: ["site_overrides/assets/**/*.js", "tests/js/**/*.mjs", "eslint.config.js"],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { URL: "readonly", URLSearchParams: "readonly" },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  {
    files: PAGE_SCRIPTS,
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Every page loads it as a classic script.
    files: ["site_overrides/assets/wbl.js"],
    languageOptions: { sourceType: "script" },
  },
  {
    files: ["tests/js/**/*.mjs", "eslint.config.js"],
    languageOptions: { globals: { ...globals.node } },
  },
];
