// Builds ../vendor/bootstrap/bootstrap.min.css from bootstrap.scss, keeps only the rules
// whose classes the site can emit (PurgeCSS: a first visit must stay small), and makes
// the right-to-left copy bootstrap.rtl.min.css from that result with rtlcss.
// Run: npm ci && npm run build (needs the project's .venv, for crispy-forms' templates).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import * as sass from "sass";
import rtlcss from "rtlcss";
import { PurgeCSS } from "purgecss";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, "..", "..");
const out = path.join(here, "..", "vendor", "bootstrap");

// Everything that can put a class on a public or staff page: every template (the
// project's and its apps'), the Python that writes markup or widget attributes, the
// corpus and the site's scripts; and from crispy-forms, the templates `as_crispy_field`
// renders (the only crispy tag the templates use: a {% crispy %} form or a layout
// object would need its templates added here).
const SKIP = new Set([".git", ".venv", "node_modules", "tests", "benchmarks", "vendor", "src"]);
function sources(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(html|txt|py|md|js)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .filter((file) => !path.relative(dir, file).split(path.sep).some((part) => SKIP.has(part)));
}
const python = process.env.PYTHON || path.join(root, ".venv", "bin", "python");
const [crispy, crispyBootstrap5] = execFileSync(python, [
  "-c",
  "import crispy_forms, crispy_bootstrap5, os\n" +
    "for m in (crispy_forms, crispy_bootstrap5): print(os.path.dirname(m.__file__))",
])
  .toString()
  .trim()
  .split("\n");
const CRISPY_FIELD = [
  "field.html",
  "layout/field_file.html",
  "layout/help_text_and_errors.html",
  "layout/radio_checkbox_select.html",
  "layout/field_errors.html",
  "layout/field_errors_block.html",
  "layout/help_text.html",
].map((name) => path.join(crispyBootstrap5, "templates", "bootstrap5", name));
const content = [
  ...sources(root),
  ...CRISPY_FIELD,
  ...sources(path.join(crispy, "templatetags")),
];
for (const file of CRISPY_FIELD) {
  if (!existsSync(file)) throw new Error(`${file} not found: its form classes would be lost`);
}

// Classes only put together at run time, and the elements of any article body or form
// (staff may write tags no template has).
const safelist = {
  standard: [
    /^is-invalid$/,
    /^invalid-feedback$/,
    /^visually-hidden/,
    /^form-(control|select|check|label|text)$/,
    /^form-check-(input|label)$/,
    /^(active|show|disabled)$/,
    /^(html|body|h[1-6]|p|hr|abbr|address|ol|ul|li|dl|dt|dd|blockquote|b|strong|small|mark|sub|sup|a|pre|code|kbd|samp|figure|figcaption|img|svg|table|caption|thead|tbody|tfoot|tr|th|td|label|button|input|optgroup|select|textarea|fieldset|legend|output|iframe|summary|details|progress|main|nav|section|article|aside|header|footer|span|div|em|i|q|cite|time)$/,
  ],
};

// Bootstrap's custom properties nothing reads are dropped too, except those the site's
// own stylesheets, templates and scripts read or set.
const siteCss = readdirSync(path.join(root, "static", "css"))
  .filter((name) => name.endsWith(".css"))
  .map((name) => path.join(root, "static", "css", name));
const variables = new Set();
for (const file of [...siteCss, ...content]) {
  for (const match of readFileSync(file, "utf8").matchAll(/--bs-[\w-]+/g)) variables.add(match[0]);
}
safelist.variables = [...variables];

const result = sass.compile(path.join(here, "bootstrap.scss"), {
  loadPaths: [path.join(here, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin", "color-functions"],
});
// For tests/content/test_stylesheet_build.py: every class the whole build defines, and
// those the sources used when it ran (words as PurgeCSS's default extractor reads them).
// A template given a Bootstrap class outside the second list needs this build run again.
const defined = new Set(
  [...result.css.replace(/\/\*[\s\S]*?\*\//g, "").matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map(
    (match) => match[1],
  ),
);
const words = new Set(content.flatMap((file) => readFileSync(file, "utf8").match(/[\w-]+/g) ?? []));
const classes = { defined: [...defined].sort(), seen: [...defined].filter((c) => words.has(c)).sort() };
writeFileSync(path.join(here, "bootstrap-classes.json"), JSON.stringify(classes, null, 1) + "\n");

const [purged] = await new PurgeCSS().purge({
  content,
  css: [{ raw: result.css }],
  safelist,
  variables: true,
});
// The banner comment (licence) is kept: PurgeCSS drops no comments.
const ltr = purged.css.trim() + "\n";
writeFileSync(path.join(out, "bootstrap.min.css"), ltr);
writeFileSync(path.join(out, "bootstrap.rtl.min.css"), rtlcss.process(ltr) + "\n");
console.log(`content: ${content.length} files`);
for (const name of ["bootstrap.min.css", "bootstrap.rtl.min.css"]) {
  const size = readFileSync(path.join(out, name)).length;
  console.log(`${name}: ${(size / 1024).toFixed(1)} KB`);
}
