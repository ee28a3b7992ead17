// Builds ../vendor/bootstrap/bootstrap.min.css from bootstrap.scss, and its right-to-left
// copy bootstrap.rtl.min.css from that result with rtlcss. Run: npm ci && npm run build.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import * as sass from "sass";
import rtlcss from "rtlcss";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, "..", "vendor", "bootstrap");
const result = sass.compile(path.join(here, "bootstrap.scss"), {
  loadPaths: [path.join(here, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin", "color-functions"],
});
const ltr = result.css + "\n";
writeFileSync(path.join(out, "bootstrap.min.css"), ltr);
writeFileSync(path.join(out, "bootstrap.rtl.min.css"), rtlcss.process(ltr) + "\n");
for (const name of ["bootstrap.min.css", "bootstrap.rtl.min.css"]) {
  const size = readFileSync(path.join(out, name)).length;
  console.log(`${name}: ${(size / 1024).toFixed(1)} KB`);
}
